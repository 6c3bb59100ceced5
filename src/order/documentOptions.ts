// The document options of a print request — paper size, document kinds, card format, duplex — checked in
// one place for the command line and the web server (each names its own flag or query field in the
// message). On their own, without the renderer, so a refused option never pays for loading it.
import { DocumentOptionError } from "../core/errors.ts";
import { PAPER_SIZES, type PaperSize } from "./orderTypes.ts";

export { DocumentOptionError, PAPER_SIZES, type PaperSize };
/** The kinds of document an order prints. */
export const DOCUMENT_KINDS = ["leaflet", "card"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** id1: one ID-1 card for a card printer; sheet: cards on A4/Letter for an office printer. */
export const CARD_FORMATS = ["id1", "sheet"] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];

function oneOf<T extends string>(allowed: readonly T[]): (text: string) => T {
  return (text) => {
    if (!allowed.includes(text as T)) throw new DocumentOptionError(text, allowed);
    return text as T;
  };
}

export const parsePaper = oneOf(PAPER_SIZES);
export const parseCardFormat = oneOf(CARD_FORMATS);
export const parseDocumentKind = oneOf(DOCUMENT_KINDS);

/** A comma-separated list of kinds ("leaflet,card"); undefined when it is empty or names another kind. */
export function parseDocumentKinds(text: string): DocumentKind[] | undefined {
  const kinds = text
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  if (kinds.length === 0 || kinds.some((k) => !DOCUMENT_KINDS.includes(k as DocumentKind))) return undefined;
  return kinds as DocumentKind[];
}

/** The web's duplex switch: 1/true on, 0/false off. */
export function parseDuplex(text: string): boolean {
  if (!["0", "1", "false", "true"].includes(text)) throw new DocumentOptionError(text, ["1", "0"]);
  return text === "1" || text === "true";
}
