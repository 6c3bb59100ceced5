// Options shared by `generate`, `batch` and `serve`: which document kinds to make, how long a render may take.
import { UsageError } from "../../errors.ts";
import { DOCUMENT_KINDS, type DocumentKind } from "../../pipeline/documentKinds.ts";

export function parseKinds(text: string): DocumentKind[] {
  const kinds = text
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !DOCUMENT_KINDS.includes(k as DocumentKind));
  if (kinds.length === 0 || unknown.length > 0) {
    throw new UsageError(`--kinds takes ${DOCUMENT_KINDS.join(" and/or ")}, comma-separated (got "${text}")`);
  }
  return kinds as DocumentKind[];
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
