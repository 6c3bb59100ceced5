// The error catalog: every failure the product throws, with a stable code, what happened and what to do.
// ERROR_CODES is the one table of codes (exit class for the command line, HTTP status for the server);
// the classes below build the messages and hints; describeProblem turns any thrown value into what the
// command line, the server and a batch report show. Library code throws these; only src/cli prints or exits.
import type { OutgoingHttpHeaders } from "node:http";
import { describeCharacters } from "./describeCharacters.ts";

/** One problem with one field of an order (or one key of a data file). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * How the command line ends on an error (the numbers are in src/cli/shared/exitCodes.ts): `refused`, the order or
 * the request cannot be done as given; `usage`, a bad invocation, a broken data file or installation, or a
 * defect.
 */
export type ExitClass = "refused" | "usage";

interface CodeEntry {
  /** The command line's exit class. */
  exit: ExitClass;
  /** The HTTP status the server answers with (5xx: the server shows a generic message, never the text). */
  status: number;
  /** A request refused by the server itself (HttpError): the code an `httpError(status, …)` gets. */
  request?: true;
}

/** Every code, with its exit class and HTTP status: the one place both are decided. */
export const ERROR_CODES = {
  // The order, the patient's documents
  ORDER_REFUSED: { exit: "refused", status: 422 },
  TRANSLATION_MISSING: { exit: "refused", status: 422 },
  CHARACTER_NOT_PRINTABLE: { exit: "refused", status: 422 },
  TEXT_DOES_NOT_FIT: { exit: "refused", status: 422 },
  CARD_TEXT_TOO_LONG: { exit: "refused", status: 422 },
  RENDER_TIMEOUT: { exit: "refused", status: 503 },
  RENDER_FAILED: { exit: "usage", status: 500 },
  ORDER_NOT_VALIDATED: { exit: "usage", status: 500 },
  // The project's data files and installation
  CONFIG_INVALID: { exit: "usage", status: 500 },
  MARKUP_INVALID: { exit: "refused", status: 500 },
  TEMPLATE_INVALID: { exit: "usage", status: 500 },
  LOGO_NOT_LOADED: { exit: "usage", status: 500 },
  PROJECT_NOT_FOUND: { exit: "usage", status: 500 },
  // Files, folders, the command line
  USAGE: { exit: "usage", status: 400 },
  DOCUMENT_OPTION_INVALID: { exit: "usage", status: 400 },
  INPUT_UNREADABLE: { exit: "usage", status: 422 },
  FILE_UNREADABLE: { exit: "usage", status: 422 },
  PDF_UNREADABLE: { exit: "usage", status: 422 },
  FILE_LOCKED: { exit: "usage", status: 503 },
  OUTPUT_NOT_WRITABLE: { exit: "usage", status: 500 },
  // Reviews, accounts, the service and its queue
  REVIEW_INPUT: { exit: "refused", status: 422 },
  REVIEW_REFUSED: { exit: "refused", status: 409 },
  USER_INVALID: { exit: "usage", status: 422 },
  DATE_INVALID: { exit: "usage", status: 400 },
  UNSAFE_LISTEN: { exit: "refused", status: 500 },
  QUEUE_URL: { exit: "refused", status: 500 },
  // What the server refuses about a request itself (web/): one code a status
  REQUEST_INVALID: { exit: "usage", status: 400, request: true },
  REQUEST_UNAUTHENTICATED: { exit: "usage", status: 401, request: true },
  REQUEST_FORBIDDEN: { exit: "usage", status: 403, request: true },
  REQUEST_NOT_FOUND: { exit: "usage", status: 404, request: true },
  REQUEST_METHOD: { exit: "usage", status: 405, request: true },
  REQUEST_CONFLICT: { exit: "usage", status: 409, request: true },
  REQUEST_TOO_LARGE: { exit: "usage", status: 413, request: true },
  REQUEST_MEDIA_TYPE: { exit: "usage", status: 415, request: true },
  REQUEST_REFUSED: { exit: "usage", status: 422, request: true },
  REQUEST_TOO_MANY: { exit: "usage", status: 429, request: true },
  REQUEST_UNAVAILABLE: { exit: "usage", status: 503, request: true },
  REQUEST_FAILED: { exit: "usage", status: 500, request: true },
  // A defect: an invariant of the code does not hold
  INTERNAL: { exit: "usage", status: 500 },
} as const satisfies Record<string, CodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Base class: `code` is stable for scripts, `hint` tells the user what to do next. */
export class LeafletError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "LeafletError";
  }
}

/** A defect: something the code relies on does not hold. Not the user's doing; the message says to report it. */
export class InternalError extends LeafletError {
  constructor(what: string) {
    super(
      "INTERNAL",
      `internal error: ${what} (a defect in leaflets, not in your input; please report it)`,
      "Set LEAFLETS_DEBUG=1 to see where it happened, and report it with the command you ran (without patient data).",
    );
    this.name = "InternalError";
  }
}

/** The order cannot be printed as given; every problem is listed, nothing was written. */
export class OrderRefusedError extends LeafletError {
  constructor(readonly problems: FieldProblem[]) {
    super(
      "ORDER_REFUSED",
      `The order was refused (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems
        .map((p) => `  - ${p.field}: ${p.message}`)
        .join("\n")}`,
      "Correct the fields named above and run the command again.",
    );
  }
}

/** A library caller passed an order that did not come from validateOrder (it names what the catalog lacks). */
export class OrderNotValidatedError extends LeafletError {
  constructor(what: string) {
    super("ORDER_NOT_VALIDATED", what, "Check the order with validateOrder and pass on the order it returns.");
  }
}

/** A data file shipped with the project (regimen, brand, locale, template) is broken. */
export class ConfigError extends LeafletError {
  constructor(
    readonly file: string,
    readonly key: string,
    detail: string,
  ) {
    super(
      "CONFIG_INVALID",
      `${file}${key ? ` (${key})` : ""}: ${detail}`,
      "Run `leaflets validate` to list every problem.",
    );
  }
}

/** A text to be printed needs a translation key that the language does not have. */
export class MissingTranslationError extends LeafletError {
  constructor(
    readonly language: string,
    readonly key: string,
  ) {
    super(
      "TRANSLATION_MISSING",
      `The ${language} text has no entry for "${key}"; the leaflet was not printed rather than mixing languages.`,
      `Add "${key}" to locales/${language}/ and run \`leaflets validate\`.`,
    );
  }
}

/** A character that no embedded font can draw: refused instead of printing a wrong glyph. */
export class UnprintableCharacterError extends LeafletError {
  constructor(
    readonly where: string,
    readonly char: string,
  ) {
    // The text may be a patient's name: the character is described by its Unicode block, never shown.
    super(
      "CHARACTER_NOT_PRINTABLE",
      `${where}: ${describeCharacters([char])} is not in the embedded fonts and would print wrongly.`,
      "Write the text without that character, or add a font that covers it.",
    );
  }
}

/** A line that must fit its width does not, even at its smallest size: refused, never cut off. */
export class TextDoesNotFitError extends LeafletError {
  constructor(
    readonly field: string,
    readonly minSize: number,
  ) {
    super(
      "TEXT_DOES_NOT_FIT",
      `${field}: too long to print on one line even at ${minSize} pt`,
      "Shorten it (for example initials for middle names), or leave out the document that cannot hold it.",
    );
  }
}

/** A card face whose own text ran over (an extra page): never printed. */
export class CardOverflowError extends LeafletError {
  constructor(language: string) {
    super(
      "CARD_TEXT_TOO_LONG",
      `the card's text does not fit on an ID-1 card (language ${language}); nothing was printed`,
      "Shorten the card texts in the locale file, or print without the card (--kinds leaflet).",
    );
  }
}

/** Making one order's documents took longer than its limit; nothing was written. */
export class RenderTimeoutError extends LeafletError {
  constructor(readonly seconds: number) {
    super(
      "RENDER_TIMEOUT",
      `rendering took longer than ${seconds} s and was stopped; nothing was written`,
      "Run `leaflets validate`; if a brand's logo or a template lies on a network share, copy it to a local disk. --timeout sets the limit.",
    );
  }
}

/** A render did not come back: its worker died, or the rendered documents were gone before they were read. */
export class RenderFailedError extends LeafletError {
  constructor(reason: string) {
    super("RENDER_FAILED", reason, "Try again; if it happens again, run `leaflets validate` and see the server's log.");
  }
}

/** The markup a template produced does not follow the document grammar (a template bug). */
export class MarkupError extends LeafletError {
  constructor(
    readonly template: string,
    detail: string,
  ) {
    super("MARKUP_INVALID", `${template}: ${detail}`, "Fix the template; `leaflets validate` renders every template.");
  }
}

/** A template uses a helper wrongly (e.g. {{t}} without a key). */
export class TemplateError extends LeafletError {
  constructor(detail: string) {
    super("TEMPLATE_INVALID", detail, "Fix the template; `leaflets validate` renders every template.");
  }
}

/** A brand's logo is asked for that was not loaded with the catalog (a brand added or changed since). */
export class LogoNotLoadedError extends LeafletError {
  constructor(path: string) {
    super(
      "LOGO_NOT_LOADED",
      `the logo ${path} was not loaded with the catalog`,
      "Run `leaflets validate`, and restart the server after changing a brand.",
    );
  }
}

/** The project folder (locales/, templates/) named is not there. */
export class ProjectNotFoundError extends LeafletError {
  constructor(root: string, missing: string) {
    super(
      "PROJECT_NOT_FOUND",
      `${root} is not a leaflets project folder: it has no ${missing}`,
      "Name the folder that holds locales/ and templates/ (--project), or leave the option out for this installation's.",
    );
  }
}

/** A mistake in how the command was called (exit code 2), as opposed to a refused order (exit code 1). */
/** A document option (paper, kind, card format, duplex) outside its list: src/order/documentOptions.ts.
 * `message` reads "must be A4 or Letter (got "A5")", for the command or the server to name its flag or field. */
export class DocumentOptionError extends LeafletError {
  constructor(
    readonly got: string,
    readonly allowed: readonly string[],
  ) {
    super("DOCUMENT_OPTION_INVALID", `must be ${allowed.join(" or ")} (got "${got}")`);
  }
}

export class UsageError extends LeafletError {
  constructor(message: string) {
    super("USAGE", message, "Run with --help to see the options.");
  }
}

const INPUT_HINT =
  "Give a .csv file (UTF-8) whose first row names the order's fields, or a .jsonl file with one JSON order per line.";

/**
 * A batch input that cannot be read at all: missing file, not CSV/JSONL, missing required columns, unknown
 * columns. One bad record is not this error: it becomes a row error and the batch goes on.
 */
export class InputError extends LeafletError {
  constructor(message: string, hint: string = INPUT_HINT) {
    super("INPUT_UNREADABLE", message, hint);
    this.name = "InputError";
  }
}

/** A file that must be small and regular (an order, a logo, a template) cannot be read. */
export class FileReadProblem extends LeafletError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super("FILE_UNREADABLE", `cannot read ${path}: ${reason}`);
    this.name = "FileReadProblem";
  }
}

/** A PDF that is not what it should be: no page count, or a card file without its two faces. */
export class PdfUnreadableError extends LeafletError {
  constructor(message: string) {
    super("PDF_UNREADABLE", message, "Remove the file and print it again (a batch: run it again with --resume).");
  }
}

/** A file several writers append to is locked, and the lock is not stale yet. */
export class FileLockedError extends LeafletError {
  constructor(readonly file: string) {
    super("FILE_LOCKED", `${file} is locked by another writer (remove ${file}.lock if no one is writing)`);
    this.name = "FileLockedError";
  }
}

/** The output folder cannot be written (permissions, full disk, a file in the way). Nothing half-written stays. */
export class OutputError extends LeafletError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super("OUTPUT_NOT_WRITABLE", `cannot write ${path}: ${reason}`, "Choose another folder with --out, or free space.");
  }
}

/** Unknown language, medicine, section, source or role, or a reviewer's name that breaks the rules. */
export class ReviewInputError extends LeafletError {
  constructor(message: string) {
    super("REVIEW_INPUT", message, "Run `leaflets review status` to see the languages, medicines and sections.");
  }
}

/** An approval refused because the validator finds the translation differs from its source. */
export class ReviewRefusedError extends LeafletError {
  constructor(
    message: string,
    readonly findings: { file: string; key: string; message: string }[],
  ) {
    super(
      "REVIEW_REFUSED",
      `${message}\n${findings.map((f) => `  - ${f.file}${f.key ? ` [${f.key}]` : ""}: ${f.message}`).join("\n")}`,
      'Correct the text, or approve with --override "reason" (recorded and shown in `review status`).',
    );
  }
}

/** An account that cannot be made or changed: a name taken or unknown, a password too short. */
export class UserError extends LeafletError {
  constructor(message: string) {
    super("USER_INVALID", message);
    this.name = "UserError";
  }
}

/** A date or time asked for (the audit trail's since and until) that is not one. */
export class DateInvalidError extends LeafletError {
  constructor(message: string) {
    super("DATE_INVALID", message, "Give a date as YYYY-MM-DD, or a time as 2026-12-01T14:30:00Z.");
    this.name = "DateInvalidError";
  }
}

/**
 * Why the service refuses to start: listening on the network with nobody to sign in (no accounts and no
 * trusted single-sign-on proxy) would open patient data to anyone who can reach the port.
 */
export class UnsafeListenError extends LeafletError {
  constructor(host: string) {
    super(
      "UNSAFE_LISTEN",
      `refusing to listen on ${host}: nobody could be asked to sign in. Add an account first ` +
        "(leaflets users add NAME --role nurse --data DIR), or name the hospital's single-sign-on proxy " +
        "(--trust-proxy ADDRESS --user-header X-Remote-User), or listen on 127.0.0.1 only.",
      "See docs/deploy.md.",
    );
  }
}

/** A queue address that is not a usable redis:// or rediss:// URL. */
export class QueueUrlError extends LeafletError {
  constructor(message: string) {
    super("QUEUE_URL", message, "Give the queue as redis://[user:password@]host[:port][/db] or rediss://… for TLS.");
  }
}

/** A request the server refuses: its status (and so its code), and problems worded like the command line's. */
export class HttpError extends LeafletError {
  readonly status: number;
  constructor(
    status: number,
    readonly errors: FieldProblem[],
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(requestCode(status), errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.status = status;
    this.name = "HttpError";
  }
}

export function httpError(status: number, field: string, message: string, headers?: OutgoingHttpHeaders): HttpError {
  return new HttpError(status, [{ field, message }], headers);
}

/** The request code for a status (REQUEST_FAILED for a status without its own). */
function requestCode(status: number): ErrorCode {
  for (const [code, entry] of Object.entries(ERROR_CODES) as [ErrorCode, CodeEntry][]) {
    if (entry.request && entry.status === status) return code;
  }
  return "REQUEST_FAILED";
}

/** What the command line, the server and a batch report show of one thrown value. */
export interface ProblemDescription {
  code: ErrorCode;
  /** The message (for a value that is not a LeafletError: only its kind, as its text could hold order data). */
  message: string;
  hint?: string;
  /** The problems by field, as `--json`, the API and report rows list them. */
  problems: FieldProblem[];
  /** The command line's exit class. */
  exit: ExitClass;
  /** The HTTP status. */
  status: number;
  /** A defect (code INTERNAL, or a value that is not a LeafletError at all), not the user's doing. */
  internal: boolean;
  /** A value that is not a LeafletError: its own message, for the local terminal only (never a report or an answer). */
  detail?: string;
}

/** The one error → problem translation, for the command line, the server and batch reports. */
export function describeProblem(error: unknown): ProblemDescription {
  if (!(error instanceof LeafletError)) {
    // Only the kind of an unexpected error: its message could hold a value from the order.
    const message = `internal error (${(error as Error)?.name ?? typeof error})`;
    const { exit, status } = ERROR_CODES.INTERNAL;
    const detail = String((error as Error)?.message ?? error);
    return {
      code: "INTERNAL",
      message,
      problems: [{ field: "(document)", message }],
      exit,
      status,
      internal: true,
      detail,
    };
  }
  const { exit, status } = ERROR_CODES[error.code];
  return {
    code: error.code,
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    problems: problemsOf(error),
    exit,
    status: error instanceof HttpError ? error.status : status,
    internal: error.code === "INTERNAL",
  };
}

function problemsOf(error: LeafletError): FieldProblem[] {
  if (error instanceof OrderRefusedError) return error.problems;
  if (error instanceof HttpError) return error.errors;
  if (error instanceof ConfigError)
    return [{ field: `${error.file}${error.key ? `#${error.key}` : ""}`, message: error.message }];
  return [{ field: FIELD_OF[error.code] ?? "(document)", message: error.message }];
}

/** The field a problem without one is listed under (default "(document)"). */
const FIELD_OF: Partial<Record<ErrorCode, string>> = { USAGE: "(invocation)", INPUT_UNREADABLE: "(input)" };
