// The patient's calendar file for the phone: the server makes it from the order (POST /api/ics, exactly
// what `leaflets generate --ics` writes) and the browser saves it under the same file name.
import type { FieldProblem } from "../../../src/web/apiTypes.ts";

export async function downloadCalendar(order: unknown): Promise<FieldProblem[] | undefined> {
  const response = await fetch("/api/ics", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(order),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: FieldProblem[] };
    return body.errors ?? [{ field: "(server)", message: `HTTP ${response.status}` }];
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "calendar.ics";
  const url = URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: "text/calendar" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return undefined;
}
