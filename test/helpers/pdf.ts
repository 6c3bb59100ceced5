// Reading real PDF output the way a reader sees it: the text per page, and where and how big each text item
// is (pdfjs-dist, legacy build); the page sizes and print boxes in points, whether every font is embedded,
// and the type sizes the content streams set (pdf-lib, so that a test never trusts a single reader). Tests
// assert on these, never on the document tree.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodePDFRawStream, PDFArray, type PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";
import { getDocument, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));
const standardFontDataUrl = `${pathToFileURL(join(pdfjsRoot, "standard_fonts")).href}/`;
const cMapUrl = `${pathToFileURL(join(pdfjsRoot, "cmaps")).href}/`;

interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * The text of every page, in reading order: items on one line joined (with a space where there is a
 * visible gap), lines joined with "\n". Lines a paragraph wraps onto are separate lines, so assert on
 * phrases that fit on one line, or on `flat(text)` which joins wrapped lines with a space.
 */
export async function extractText(bytes: Uint8Array): Promise<string[]> {
  const pages: string[] = [];
  await eachPage(bytes, async (page) => {
    const content = await page.getTextContent();
    const items: PositionedText[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      items.push({
        str: item.str,
        x: item.transform[4] as number,
        y: item.transform[5] as number,
        width: item.width,
        height: item.height || Math.abs(item.transform[3] as number),
        hasEOL: item.hasEOL,
      });
    }
    pages.push(joinItems(items));
  });
  return pages;
}

/** Opens the PDF with pdfjs and hands each page (numbered from 1) to `visit`, in order. */
async function eachPage(bytes: Uint8Array, visit: (page: PDFPageProxy, n: number) => Promise<void>): Promise<void> {
  // pdfjs may transfer (detach) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    cMapUrl,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      await visit(page, n);
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
}

/** Groups items into lines by baseline (top to bottom), orders each line left to right and joins them. */
function joinItems(items: PositionedText[]): string {
  const lines: { y: number; height: number; items: PositionedText[] }[] = [];
  for (const item of items) {
    if (item.str === "" && !item.hasEOL) continue;
    const tolerance = Math.max(2, item.height * 0.4);
    const line = lines.find((l) => Math.abs(l.y - item.y) <= tolerance);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, height: item.height, items: [item] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines
    .map((line) => {
      const sorted = line.items.filter((i) => i.str !== "").sort((a, b) => a.x - b.x);
      let text = "";
      let end: number | undefined;
      for (const item of sorted) {
        if (end !== undefined) {
          const gap = item.x - end;
          const needsSpace = gap > Math.max(1, item.height * 0.15) && !text.endsWith(" ") && !item.str.startsWith(" ");
          if (needsSpace) text += " ";
        }
        text += item.str;
        end = item.x + item.width;
      }
      return text.replace(/[ \t]+/g, " ").trim();
    })
    .filter((line) => line !== "")
    .join("\n");
}

/** All pages' text as one string, lines (and so wrapped paragraphs) joined with single spaces. */
export function flat(pages: string | string[]): string {
  const text = Array.isArray(pages) ? pages.join("\n") : pages;
  return text.replace(/\s+/g, " ").trim();
}

/** Width and height in points of every page (from its MediaBox, as pdf-lib reads it). */
export async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => page.getSize());
}

/** The document's metadata title (pdf-lib). */
export async function pdfTitle(bytes: Uint8Array): Promise<string | undefined> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getTitle();
}

export interface FontReport {
  /** Every font dictionary reached from a page's /Resources /Font (descendant fonts included). */
  fonts: { page: number; key: string; baseFont: string; subtype: string; embedded: boolean }[];
  /** True when there is at least one font and every font with a descriptor has its font file. */
  allEmbedded: boolean;
}

/**
 * Walks every page's /Resources /Font dictionary, and those of the forms the page draws (Type0 fonts
 * through their /DescendantFonts), and
 * checks each /FontDescriptor has /FontFile, /FontFile2 or /FontFile3. A font without a descriptor
 * (a standard 14 font, which a viewer substitutes) counts as not embedded; Type3 fonts draw their
 * glyphs themselves and count as embedded.
 */
export async function fontsEmbedded(bytes: Uint8Array): Promise<FontReport> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const context = pdf.context;
  const lookupDict = (value: unknown): PDFDict | undefined => {
    const resolved = value instanceof PDFRef ? context.lookup(value) : value;
    return resolved && typeof resolved === "object" && "get" in resolved && "entries" in resolved
      ? (resolved as PDFDict)
      : undefined;
  };
  const name = (dict: PDFDict, key: string) => {
    const value = dict.get(PDFName.of(key));
    return value instanceof PDFName ? value.decodeText() : String(value ?? "");
  };
  const hasFontFile = (font: PDFDict): boolean => {
    const descriptor = lookupDict(font.get(PDFName.of("FontDescriptor")));
    if (!descriptor) return false;
    return ["FontFile", "FontFile2", "FontFile3"].some((key) => descriptor.get(PDFName.of(key)) !== undefined);
  };

  const fonts: FontReport["fonts"] = [];
  // Fonts of a resource dictionary, and of the form XObjects it draws (a leaflet's shared pages are forms).
  const visit = (resources: PDFDict | undefined, index: number, seen: Set<PDFDict>) => {
    if (!resources || seen.has(resources)) return;
    seen.add(resources);
    const xObjects = lookupDict(resources.get(PDFName.of("XObject")));
    for (const [, ref] of xObjects?.entries() ?? []) {
      const stream = ref instanceof PDFRef ? context.lookup(ref) : ref;
      const dict =
        stream && typeof stream === "object" && "dict" in stream ? (stream as { dict: PDFDict }).dict : undefined;
      if (dict && name(dict, "Subtype") === "Form") visit(lookupDict(dict.get(PDFName.of("Resources"))), index, seen);
    }
    const fontDict = lookupDict(resources.get(PDFName.of("Font")));
    if (!fontDict) return;
    for (const [key, ref] of fontDict.entries()) {
      const font = lookupDict(ref);
      if (!font) continue;
      const subtype = name(font, "Subtype");
      const record = (dict: PDFDict, embedded: boolean) =>
        fonts.push({
          page: index + 1,
          key: key.decodeText(),
          baseFont: name(dict, "BaseFont"),
          subtype: name(dict, "Subtype"),
          embedded,
        });
      if (subtype === "Type3") {
        record(font, true);
      } else if (subtype === "Type0") {
        const descendants = context.lookup(font.get(PDFName.of("DescendantFonts")));
        const list =
          descendants && typeof descendants === "object" && "asArray" in descendants
            ? (descendants as { asArray(): unknown[] }).asArray()
            : [];
        if (list.length === 0) record(font, false);
        for (const entry of list) {
          const descendant = lookupDict(entry);
          if (descendant) record(descendant, hasFontFile(descendant));
        }
      } else {
        record(font, hasFontFile(font));
      }
    }
  };
  pdf.getPages().forEach((page, index) => {
    // Resources may be inherited from the page tree.
    visit(
      lookupDict(page.node.Resources()) ?? lookupDict(page.node.getInheritableAttribute(PDFName.of("Resources"))),
      index,
      new Set(),
    );
  });
  return { fonts, allEmbedded: fonts.length > 0 && fonts.every((f) => f.embedded) };
}

/** 1 mm in PostScript points. */
export const PT_PER_MM = 72 / 25.4;

export const toMm = (points: number): number => points / PT_PER_MM;

/**
 * One text item as drawn, in PDF user space (points, origin at the bottom left of the MediaBox).
 * `x`/`y` are the start of the baseline; `size` is the type size (hypot of the transform's c and d);
 * `top`/`bottom` are the baseline plus the font's ascent / descent (as the embedded font declares them).
 */
export interface TextItem {
  page: number;
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  top: number;
  bottom: number;
  right: number;
}

/** Every non-blank text item of every page (pages numbered from 1). */
export async function textItems(bytes: Uint8Array): Promise<TextItem[]> {
  const items: TextItem[] = [];
  await eachPage(bytes, async (page, n) => {
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const [a, b, c, d, e, f] = item.transform as number[];
      if ([a, b, c, d, e, f].some((v) => typeof v !== "number"))
        throw new Error("pdfjs: a text item without a transform");
      const size = Math.hypot(c as number, d as number);
      const style = content.styles[item.fontName];
      // Without metrics, assume the whole em above the baseline and a quarter below it.
      const ascent = style?.ascent ?? 1;
      const descent = style?.descent ?? -0.25;
      const x = e as number;
      const y = f as number;
      items.push({
        page: n,
        str: item.str,
        x,
        y,
        width: item.width,
        size,
        top: y + ascent * size,
        bottom: y + descent * size,
        right: x + item.width,
      });
    }
  });
  return items;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageBoxes {
  media: Box;
  trim: Box;
  bleed: Box;
  /** Whether the page dictionary itself names a /TrimBox or /BleedBox (pdf-lib falls back to the MediaBox). */
  hasTrimBox: boolean;
  hasBleedBox: boolean;
}

/** MediaBox, TrimBox and BleedBox of every page, in points (pdf-lib). */
export async function pageBoxes(bytes: Uint8Array): Promise<PageBoxes[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => ({
    media: page.getMediaBox(),
    trim: page.getTrimBox(),
    bleed: page.getBleedBox(),
    hasTrimBox: page.node.get(PDFName.of("TrimBox")) !== undefined,
    hasBleedBox: page.node.get(PDFName.of("BleedBox")) !== undefined,
  }));
}

/**
 * Every type size set by a `Tf` operator in each page's content streams (pages from 1), read from the
 * decoded streams themselves. Only meaningful when text is not scaled by `cm` (react-pdf scales by ±1).
 */
export async function contentFontSizes(bytes: Uint8Array): Promise<number[][]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref as PDFRef)) : [contents];
    const sizes: number[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) throw new Error("a page content stream pdf-lib cannot decode");
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const match of text.matchAll(/\/[^\s/]+\s+(-?[\d.]+)\s+Tf\b/g)) sizes.push(Math.abs(Number(match[1])));
    }
    return sizes;
  });
}
