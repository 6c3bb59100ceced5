// Where a JSON syntax error is, as "at line L, column C", without quoting the text: an order's JSON
// holds patient data, which must not reach a terminal, a log or an HTTP response.
export function jsonErrorPlace(text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return "";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}`;
}
