// Answering over node:http: JSON answers, HttpError (a status with the problems to show), and the headers
// every answer carries. Answers never echo a request body: an order holds a name and a date of birth.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { ErrorResponse, FieldProblem } from "./apiTypes.ts";
import { problemLanguage, translateProblems } from "./problemLanguage.ts";
import { PAGE_POLICY } from "./securityHeaders.ts";

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

/**
 * Sent with every answer: nothing cached (answers may hold patient data), no type sniffing, no referrer, the
 * page's content policy, and no framing by other sites.
 */
export const BASE_HEADERS: OutgoingHttpHeaders = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
  "content-security-policy": PAGE_POLICY,
  "x-frame-options": "DENY",
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(inPageLanguage(res, body));
  res.writeHead(status, {
    ...BASE_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ErrorResponse = { ok: false, errors: error.errors };
  sendJson(res, error.status, body, error.headers);
}

/** The media type of a request body, lower case, without parameters ("" when none is given). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Problems ({errors}, {problems}, {findings}, a batch's rows) in the page's language (Accept-Language: nl →
 * Dutch, from locales/server/). */
function inPageLanguage(res: ServerResponse, body: unknown): unknown {
  if (typeof body !== "object" || body === null) return body;
  const language = problemLanguage(res.req);
  if (language === "en") return body;
  const record = body as { errors?: unknown; problems?: unknown; findings?: unknown; rows?: unknown };
  const translated: Record<string, unknown> = { ...record };
  if (Array.isArray(record.errors)) translated.errors = translateProblems(record.errors as FieldProblem[], language);
  if (Array.isArray(record.problems))
    translated.problems = translateProblems(record.problems as FieldProblem[], language);
  // A refused approval: the validator's findings, each with its message.
  if (Array.isArray(record.findings))
    translated.findings = translateProblems(record.findings as FieldProblem[], language);
  // A batch's report: each row's problems.
  if (Array.isArray(record.rows)) translated.rows = record.rows.map((row) => inPageLanguage(res, row));
  return translated;
}
