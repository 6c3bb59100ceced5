// A request refused with an HTTP status and the problems to show, worded like the command line's. Lives in
// core/ because the render workers' service (src/workers) refuses requests too (server stopping, queue full)
// without knowing about the web server; src/web/http.ts sends it.
import type { OutgoingHttpHeaders } from "node:http";
import type { FieldProblem } from "./errors.ts";

/** A request the server refuses: the status, and problems worded like the command line's. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldProblem[],
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.name = "HttpError";
  }
}

export function httpError(status: number, field: string, message: string, headers?: OutgoingHttpHeaders): HttpError {
  return new HttpError(status, [{ field, message }], headers);
}
