// Answering over node:http: JSON answers, errors as answers (HttpError, or any error through the catalog's
// describeProblem and its status), and the headers every answer carries. Answers never echo a request
// body: an order holds a name and a date of birth.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { describeProblem, HttpError } from "../core/errors.ts";
import type { ErrorResponse, FieldProblem } from "./apiTypes.ts";
import { problemLanguage, translateProblems } from "./problemLanguage.ts";
import { PAGE_POLICY } from "./securityHeaders.ts";

// The catalog's error for a refused request (a status and the problems to show), for the routes.
export { HttpError, httpError } from "../core/errors.ts";

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

/**
 * The answer for anything a route throws: an HttpError as it is; another error with its code's status and
 * problems, unless that status is a server error or the error a defect (then undefined: the caller logs it
 * and answers with a generic 500, as a message could hold a value from the order).
 */
export function answerFor(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const problem = describeProblem(error);
  if (problem.internal || problem.status >= 500) return undefined;
  return new HttpError(problem.status, problem.problems);
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
