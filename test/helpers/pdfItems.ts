// Where and how big the text of a real PDF is, and which print boxes its pages carry. Text items come
// from pdfjs-dist (legacy build), boxes from pdf-lib, and the type sizes are cross-checked against the
// page content streams' own `Tf` operators, so a test never trusts a single reader.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));
const standardFontDataUrl = `${pathToFileURL(join(pdfjsRoot, "standard_fonts")).href}/`;
const cMapUrl = `${pathToFileURL(join(pdfjsRoot, "cmaps")).href}/`;

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
    const items: TextItem[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
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
      page.cleanup();
    }
    return items;
  } finally {
    await pdf.destroy();
  }
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
