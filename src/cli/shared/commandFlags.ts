// The options each command takes, as commander hands them to its action, and the checks of their values
// (--kinds, --timeout, --queue, the FHIR order flags): shared by src/cli/commands/ (which declares them) and
// src/cli/actions/ (which does the work), so neither imports the other for them. A bad value is a UsageError.
import { QueueUrlError, UsageError } from "../../core/errors.ts";
import { DOCUMENT_KINDS, type DocumentKind, parseDocumentKinds } from "../../order/documentOptions.ts";
import { connectionOptions } from "../../queue/queueConnection.ts";

/** The order flags of `generate --fhir`. */
export interface FhirCliFlags {
  fhir?: string;
  regimen?: string;
  cycles?: string;
  ppp?: string;
  lang?: string;
  select?: string;
}

export interface BatchFlags {
  out: string;
  workers?: string;
  merge?: boolean;
  resume?: boolean;
  json?: boolean;
  kinds: string;
  paper: string;
  pdfa?: boolean;
  /** `--no-tags`: false (untagged PDFs, for measuring what tagging costs). */
  tags?: boolean;
  format?: string;
  timeout?: string;
  data?: string;
  queue?: string;
  reportFormat: string;
}

export interface GenerateFlags extends FhirCliFlags {
  demo?: boolean;
  patient?: string;
  lang?: string;
  secondLang?: string;
  largePrint?: boolean;
  out: string;
  paper: string;
  kinds: string;
  cardFormat: string;
  bleed?: string;
  pdfa?: boolean;
  /** `--no-tags`: false (untagged PDFs, for measuring what tagging costs). */
  tags?: boolean;
  duplex?: boolean;
  json?: boolean;
  ics?: boolean;
  timeout?: string;
  data?: string;
}

export interface ServeFlags {
  port: string;
  host: string;
  timeout?: string;
  data: string;
  trustProxy?: string[];
  userHeader?: string;
  queue?: string;
}

export interface WorkerFlags {
  queue?: string;
  concurrency?: string;
  out?: string;
}

export function parseKinds(text: string): DocumentKind[] {
  const kinds = parseDocumentKinds(text);
  if (!kinds) throw new UsageError(`--kinds takes ${DOCUMENT_KINDS.join(" and/or ")}, comma-separated (got "${text}")`);
  return kinds;
}

/** The default render limit of `generate` and the page (seconds); LEAFLETS_RENDER_TIMEOUT_S overrides it. */
export const DEFAULT_RENDER_TIMEOUT_S = 60;

/** `--timeout <seconds>`: a positive number of seconds (fractions allowed), at most a day; in milliseconds. */
export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
    throw new UsageError(`--timeout takes a number of seconds greater than 0, at most 86400 (got "${text}")`);
  }
  return Math.max(1, Math.round(seconds * 1000));
}

/** The render limit in milliseconds: --timeout, else LEAFLETS_RENDER_TIMEOUT_S, else 60 s. */
export function renderTimeoutMs(flag: string | undefined): number {
  const text = flag ?? process.env.LEAFLETS_RENDER_TIMEOUT_S;
  return text === undefined ? DEFAULT_RENDER_TIMEOUT_S * 1000 : parseTimeout(text);
}

const ORDER_FLAGS = ["regimen", "cycles", "ppp", "select"] as const;

/** The order flags are for a FHIR order; with --patient the order file says it all. */
export function rejectFhirFlagsWithoutFhir(flags: FhirCliFlags): void {
  if (flags.fhir) return;
  const given = ORDER_FLAGS.filter((flag) => flags[flag] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `${given.map((f) => `--${f}`).join(", ")} go with --fhir <bundle.json>; put them in the order file otherwise`,
    );
  }
}

/** A queue address that is not redis:// or rediss:// is a mistake in the invocation (exit code 2). */
export function checkQueueUrl(url: string): void {
  try {
    connectionOptions(url);
  } catch (error) {
    if (error instanceof QueueUrlError) throw new UsageError(error.message);
    throw error;
  }
}
