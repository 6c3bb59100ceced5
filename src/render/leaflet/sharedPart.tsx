// The shared part of leaflets (see leafletParts.ts), rendered once per content, look and start height
// (the band it joins the patient's last page at, sharedPartJoin.ts) and kept for the process: a batch of
// thousands of leaflets lays out the general text a handful of times instead of once per patient. Bounded, so a long-running server does not grow without end. A batch's render
// workers pass each other the parts they render (takeNewSharedParts, seedSharedParts): the bytes are
// the same whoever renders them (a fixed date), so a new worker need not lay them out again.
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { InternalError } from "../../core/errors.ts";
import type { Block, LeafletDoc } from "../../document/documentTypes.ts";
import type { Theme } from "../theme.ts";
import { boxLeavingPageHalfEmpty } from "./calloutsInPieces.ts";
import { type PdfMeta, SHARED_BODY, SharedPartPdf } from "./LeafletPdf.tsx";
import { sharedPartKey } from "./leafletParts.ts";
import { renderLaidOut } from "./renderLaidOut.ts";

export interface SharedPart {
  /** The rendered pages, parsed once; pages are copied out of it, it is never changed. */
  pdf: PDFDocument;
  pageCount: number;
  /** Where its first page's text starts below the top of the text area; 0: on a page of its own. */
  offset: number;
}

/** A rendered shared part as it travels between processes: its key and its PDF as rendered. */
export interface SharedPartSeed {
  key: string;
  bytes: Uint8Array;
}

/** Enough for every medicine × language × category × paper × print size a clinic mixes in one batch,
 * each at the few start heights its patients' texts end at. */
export const SHARED_PARTS_KEPT = 128;
const cache = new Map<string, Promise<SharedPart>>();
/** Parts rendered elsewhere, parsed when first used. */
const seeds = new Map<string, Uint8Array>();
/** Parts rendered here since takeNewSharedParts last asked (kept only in a process that hands them on). */
let fresh: SharedPartSeed[] = [];
let handingOn = false;

/** `offset`: where the part starts on the patient's last page, below the top of the text area (0: a page
 * of its own). `tagged`: with a structure tree (the leaflet's own tagging, see PdfDocument.tsx). */
export function sharedPart(
  doc: LeafletDoc,
  blocks: Block[],
  theme: Theme,
  offset = 0,
  tagged = true,
): Promise<SharedPart> {
  const key = `${sharedPartKey(doc, blocks, theme, offset)}${tagged ? "" : "-untagged"}`;
  let part = cache.get(key);
  if (part) {
    cache.delete(key); // most recently used last
  } else {
    const seed = seeds.get(key);
    part = seed ? parseSharedPart(seed, offset) : renderSharedPart(key, blocks, theme, offset, tagged);
    part.catch(() => cache.delete(key));
  }
  cache.set(key, part);
  if (cache.size > SHARED_PARTS_KEPT) cache.delete(cache.keys().next().value as string);
  return part;
}

/** From now on, keep each part rendered here for takeNewSharedParts (a batch render worker does). */
export function handOnSharedParts(): void {
  handingOn = true;
}

/** The parts this process has rendered since the last call, to hand to other processes. */
export function takeNewSharedParts(): SharedPartSeed[] {
  const parts = fresh;
  fresh = [];
  return parts;
}

/** Parts another process rendered: used instead of rendering them here. */
export function seedSharedParts(parts: SharedPartSeed[]): void {
  for (const { key, bytes } of parts) {
    seeds.delete(key);
    seeds.set(key, bytes);
    if (seeds.size > SHARED_PARTS_KEPT) seeds.delete(seeds.keys().next().value as string);
  }
}

async function renderSharedPart(
  key: string,
  blocks: Block[],
  theme: Theme,
  offset: number,
  tagged: boolean,
): Promise<SharedPart> {
  // A fixed date: the shared pages are the same bytes whoever's leaflet they first serve.
  const meta = { creationDate: new Date(0), creator: "patient-leaflets", tags: tagged };
  const bytes = await renderWithBoxesPlaced(blocks, theme, meta, offset);
  if (handingOn) {
    fresh.push({ key, bytes });
    if (fresh.length > SHARED_PARTS_KEPT) fresh.shift();
  }
  return parseSharedPart(bytes, offset);
}

/** A box found to leave the page before it half empty: the layout is made again with it in pieces. A signal
 * caught below, never shown; an InternalError should one ever escape. */
class SetInPieces extends InternalError {
  constructor(readonly key: string) {
    super("a box was to be set in pieces, and the layout was not made again");
  }
}

/**
 * The shared part drawn, with every box kept whole except one that would leave the page before it less
 * than half full (calloutsInPieces.ts): laid out again with that box in pieces, before anything is drawn.
 */
async function renderWithBoxesPlaced(blocks: Block[], theme: Theme, meta: PdfMeta, offset: number) {
  const inPieces = new Set<string>();
  for (;;) {
    try {
      return await renderLaidOut(
        <SharedPartPdf blocks={blocks} theme={theme} meta={meta} offset={offset} inPieces={inPieces} />,
        (layout) => {
          const key = boxLeavingPageHalfEmpty(layout, SHARED_BODY, theme);
          if (key && !inPieces.has(key)) throw new SetInPieces(key);
        },
      );
    } catch (error) {
      if (!(error instanceof SetInPieces)) throw error;
      inPieces.add(error.key);
    }
  }
}

async function parseSharedPart(bytes: Uint8Array, offset: number): Promise<SharedPart> {
  const pdf = await PDFDocument.load(bytes);
  retagSubsetFonts(pdf);
  return { pdf, pageCount: pdf.getPageCount(), offset };
}

/**
 * pdfkit names font subsets after the font's number in the document ("CZZZZZ+NotoSans-Bold"), so the
 * shared pages' subsets would carry the same names as the patient pages' different subsets of the same
 * font; viewers that look fonts up by name could then draw missing glyphs. The shared part's subsets
 * get tags of their own ("SHAAAA+…"; a tag is six capital letters).
 */
function retagSubsetFonts(pdf: PDFDocument): void {
  const tags = new Map<string, string>();
  const retag = (dict: PDFDict, key: string) => {
    const name = dict.get(PDFName.of(key));
    if (!(name instanceof PDFName)) return;
    const [tag, rest] = name.decodeText().split("+");
    if (!tag || !rest) return;
    let own = tags.get(tag);
    if (!own) {
      const n = tags.size;
      own = `SH${String.fromCharCode(65 + (Math.floor(n / 676) % 26), 65 + (Math.floor(n / 26) % 26), 65 + (n % 26))}A`;
      tags.set(tag, own);
    }
    dict.set(PDFName.of(key), PDFName.of(`${own}+${rest}`));
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const type = object.get(PDFName.of("Type"));
    if (type === PDFName.of("Font")) retag(object, "BaseFont");
    else if (type === PDFName.of("FontDescriptor")) retag(object, "FontName");
  }
}

/** For tests and benchmarks: start from an empty cache, with nothing seeded or waiting to be handed on. */
export function clearSharedParts(): void {
  cache.clear();
  seeds.clear();
  fresh = [];
  handingOn = false;
}
