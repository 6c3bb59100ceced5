// The shared part of leaflets (see leafletParts.ts), rendered once per content and look and kept for
// the process: a batch of thousands of leaflets lays out the general text a handful of times instead of
// once per patient. Bounded, so a long-running server does not grow without end. A batch's render
// workers pass each other the parts they render (takeNewSharedParts, seedSharedParts): the bytes are
// the same whoever renders them (a fixed date), so a new worker need not lay them out again.
import { renderToBuffer } from "@react-pdf/renderer";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import type { Block, LeafletDoc } from "../document/documentTypes.ts";
import { SharedPartPdf } from "./LeafletPdf.tsx";
import { sharedPartKey } from "./leafletParts.ts";
import type { Theme } from "./theme.ts";

export interface SharedPart {
  /** The rendered pages, parsed once; pages are copied out of it, it is never changed. */
  pdf: PDFDocument;
  pageCount: number;
}

/** A rendered shared part as it travels between processes: its key and its PDF as rendered. */
export interface SharedPartSeed {
  key: string;
  bytes: Uint8Array;
}

/** Enough for every medicine × language × category × paper × print size a clinic mixes in one batch. */
export const SHARED_PARTS_KEPT = 64;
const cache = new Map<string, Promise<SharedPart>>();
/** Parts rendered elsewhere, parsed when first used. */
const seeds = new Map<string, Uint8Array>();
/** Parts rendered here since takeNewSharedParts last asked (kept only in a process that hands them on). */
let fresh: SharedPartSeed[] = [];
let handingOn = false;

/** `tagged`: with a structure tree (the leaflet's own tagging, see PdfDocument.tsx). */
export function sharedPart(doc: LeafletDoc, blocks: Block[], theme: Theme, tagged = true): Promise<SharedPart> {
  const key = `${sharedPartKey(doc, blocks, theme)}${tagged ? "" : "-untagged"}`;
  let part = cache.get(key);
  if (part) {
    cache.delete(key); // most recently used last
  } else {
    const seed = seeds.get(key);
    part = seed ? parseSharedPart(seed) : renderSharedPart(key, blocks, theme, tagged);
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

async function renderSharedPart(key: string, blocks: Block[], theme: Theme, tagged: boolean): Promise<SharedPart> {
  // A fixed date: the shared pages are the same bytes whoever's leaflet they first serve.
  const meta = { creationDate: new Date(0), creator: "patient-leaflets", tags: tagged };
  const buffer = await renderToBuffer(<SharedPartPdf blocks={blocks} theme={theme} meta={meta} />);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (handingOn) {
    fresh.push({ key, bytes });
    if (fresh.length > SHARED_PARTS_KEPT) fresh.shift();
  }
  return parseSharedPart(bytes);
}

async function parseSharedPart(bytes: Uint8Array): Promise<SharedPart> {
  const pdf = await PDFDocument.load(bytes);
  retagSubsetFonts(pdf);
  return { pdf, pageCount: pdf.getPageCount() };
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
