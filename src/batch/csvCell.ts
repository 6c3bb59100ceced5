// A CSV cell that a spreadsheet will show as text, never run as a formula (OWASP "CSV injection"): a
// value starting with =, +, -, @, a tab or a carriage return gets a leading single quote.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCsvCell(value: string | number): string | number {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}
