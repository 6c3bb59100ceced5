// Print-quality probes on real PDF bytes: a page rasterised by poppler (pdftoppm) and read with pngjs
// (QR codes decoded with jsqr, grey levels of regions), the colours the content streams really paint text
// and rectangles with, and the archival parts of a PDF (XMP packet, output intents, ICC profile, header,
// trailer). Nothing here uses the product's code: these are independent readers of what was printed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQRModule from "jsqr";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  type PDFRef,
  PDFString,
} from "pdf-lib";
import { PNG } from "pngjs";

// jsqr is a CommonJS (webpack UMD) module whose module.exports is the function itself; its typings
// declare it as the default export. Accept either shape.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

/** Whether poppler's pdftoppm is on the PATH (.ci/run installs poppler-utils). */
export function hasPdftoppm(): boolean {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row from the top left. */
  data: Buffer;
  /** Pixels per PDF point. */
  scale: number;
  /** The page's height in points (to turn PDF y, from the bottom, into a pixel row, from the top). */
  pageHeight: number;
  /** Where the PNG was written (for a human to look at), when `keep` was given. */
  file?: string;
}

/**
 * Page `page` (from 1) rendered by pdftoppm at `dpi`, in colour or (`gray`) as an 8-bit grey image, read
 * back with pngjs. `keep`: also copy the PNG to that path (for looking at it).
 */
export function rasterisePage(
  bytes: Uint8Array,
  page: number,
  options: { dpi: number; gray?: boolean; pageHeight: number; keep?: string },
): Raster {
  const dir = mkdtempSync(join(tmpdir(), "leaflets-raster-"));
  try {
    const pdfPath = join(dir, "in.pdf");
    writeFileSync(pdfPath, bytes);
    const args = ["-r", String(options.dpi), "-png", "-singlefile", "-f", String(page), "-l", String(page)];
    if (options.gray) args.unshift("-gray");
    execFileSync("pdftoppm", [...args, pdfPath, join(dir, "page")], { stdio: ["ignore", "ignore", "pipe"] });
    const pngBytes = readFileSync(join(dir, "page.png"));
    if (options.keep) writeFileSync(options.keep, pngBytes);
    const png = PNG.sync.read(pngBytes);
    return {
      width: png.width,
      height: png.height,
      data: png.data,
      scale: options.dpi / 72,
      pageHeight: options.pageHeight,
      ...(options.keep ? { file: options.keep } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code jsqr finds in the raster, or undefined. */
export function decodeQr(raster: Raster): string | undefined {
  const pixels = new Uint8ClampedArray(raster.data.buffer, raster.data.byteOffset, raster.data.length);
  return jsQR(pixels, raster.width, raster.height)?.data;
}

/**
 * The median grey level (0 black – 255 white; luma of RGB) of a rectangle given in PDF points: `x`
 * from the left edge, `top` and `bottom` from the page's bottom edge (PDF user space). The median
 * ignores the minority of pixels covered by text, so it reads the background of the region.
 */
export function medianGrey(raster: Raster, box: { x: number; width: number; top: number; bottom: number }): number {
  const px = (v: number) => Math.round(v * raster.scale);
  const x0 = Math.max(0, px(box.x));
  const x1 = Math.min(raster.width, px(box.x + box.width));
  const y0 = Math.max(0, px(raster.pageHeight - box.top));
  const y1 = Math.min(raster.height, px(raster.pageHeight - box.bottom));
  const values: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * raster.width + x) * 4;
      const [r, g, b] = [raster.data[i] ?? 0, raster.data[i + 1] ?? 0, raster.data[i + 2] ?? 0];
      values.push(Math.round(0.299 * r + 0.587 * g + 0.114 * b));
    }
  }
  if (values.length === 0) throw new Error("medianGrey: an empty region");
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] as number;
}

// ---- What the content streams paint ---------------------------------------------------------------

export interface PaintedColours {
  /** Fill colours ("#RRGGBB", or "other:<operator>" for a colour not in DeviceRGB/DeviceGray) text is shown in. */
  text: Set<string>;
  /** Fill colours of rectangles (`re` … `f`): backgrounds of boxes and cells, tick marks, borders. */
  rectangles: Set<string>;
}

type Token = { op: string } | { operand: string };

/** A small PDF content-stream tokenizer: operands (numbers, names, strings, arrays as one token) and operators. */
function tokenize(content: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = content.length;
  const isSpace = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\f" || c === "\0";
  const isDelimiter = (c: string) => "()<>[]{}/%".includes(c) || isSpace(c);
  const skipString = (start: number): number => {
    // A literal string: balanced parentheses, backslash escapes.
    let depth = 0;
    let j = start;
    for (; j < n; j++) {
      const c = content[j];
      if (c === "\\") j++;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return j + 1;
    }
    return j;
  };
  while (i < n) {
    const c = content[i] as string;
    if (isSpace(c)) {
      i++;
    } else if (c === "%") {
      while (i < n && content[i] !== "\n" && content[i] !== "\r") i++;
    } else if (c === "(") {
      const end = skipString(i);
      tokens.push({ operand: content.slice(i, end) });
      i = end;
    } else if (c === "<" && content[i + 1] === "<") {
      // An inline dictionary (BDC properties): skip to its end.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (content[j] === "<" && content[j + 1] === "<") {
          depth++;
          j++;
        } else if (content[j] === ">" && content[j + 1] === ">") {
          depth--;
          j++;
          if (depth === 0) break;
        }
      }
      tokens.push({ operand: content.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "<") {
      const end = content.indexOf(">", i);
      tokens.push({ operand: content.slice(i, end + 1) });
      i = end + 1;
    } else if (c === "[") {
      let j = i + 1;
      for (; j < n && content[j] !== "]"; j++) {
        if (content[j] === "(") j = skipString(j) - 1;
      }
      tokens.push({ operand: content.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "/") {
      let j = i + 1;
      while (j < n && !isDelimiter(content[j] as string)) j++;
      tokens.push({ operand: content.slice(i, j) });
      i = j;
    } else {
      let j = i;
      while (j < n && !isDelimiter(content[j] as string)) j++;
      if (j === i) j++;
      const word = content.slice(i, j);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) tokens.push({ operand: word });
      else if (word === "true" || word === "false" || word === "null") tokens.push({ operand: word });
      else tokens.push({ op: word });
      i = j;
    }
  }
  return tokens;
}

const hex = (values: number[]): string =>
  `#${values
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase()}`;

/** The decoded content streams of every page (pages from 1). */
export async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return pdf.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref as PDFRef)) : [contents];
    return streams
      .map((stream) => {
        if (!(stream instanceof PDFRawStream)) throw new Error("a page content stream pdf-lib cannot decode");
        return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      })
      .join("\n");
  });
}

/**
 * The fill colours every page shows text in and fills rectangles with, following the graphics-state
 * stack (q/Q). Only DeviceRGB (`scn`/`sc` after `/DeviceRGB cs`, or `rg`) and DeviceGray (`g`) are
 * turned into "#RRGGBB"; anything else is reported as "other:…" so a test notices it.
 */
export async function paintedColours(bytes: Uint8Array): Promise<PaintedColours> {
  const result: PaintedColours = { text: new Set(), rectangles: new Set() };
  for (const content of await pageContents(bytes)) {
    let state = { fill: "#000000", space: "DeviceGray" };
    const stack: (typeof state)[] = [];
    let operands: string[] = [];
    let pathHasRect = false;
    for (const token of tokenize(content)) {
      if ("operand" in token) {
        operands.push(token.operand);
        continue;
      }
      const nums = operands.map(Number);
      switch (token.op) {
        case "q":
          stack.push({ ...state });
          break;
        case "Q":
          state = stack.pop() ?? state;
          break;
        case "cs":
          state = { ...state, space: (operands[0] ?? "").replace(/^\//, "") };
          break;
        case "sc":
        case "scn":
          state = {
            ...state,
            fill:
              state.space === "DeviceRGB" && nums.length === 3
                ? hex(nums)
                : state.space === "DeviceGray" && nums.length === 1
                  ? hex([nums[0] as number, nums[0] as number, nums[0] as number])
                  : `other:${state.space}`,
          };
          break;
        case "rg":
          state = { ...state, space: "DeviceRGB", fill: hex(nums) };
          break;
        case "g":
          state = {
            ...state,
            space: "DeviceGray",
            fill: hex([nums[0] as number, nums[0] as number, nums[0] as number]),
          };
          break;
        case "k":
          state = { ...state, space: "DeviceCMYK", fill: "other:DeviceCMYK" };
          break;
        case "Tj":
        case "TJ":
        case "'":
        case '"':
          result.text.add(state.fill);
          break;
        case "re":
          pathHasRect = true;
          break;
        case "f":
        case "F":
        case "f*":
        case "B":
        case "B*":
        case "b":
        case "b*":
          if (pathHasRect) result.rectangles.add(state.fill);
          pathHasRect = false;
          break;
        case "n":
        case "S":
        case "s":
        case "W":
        case "W*":
          if (token.op !== "W" && token.op !== "W*") pathHasRect = false;
          break;
        default:
          break;
      }
      operands = [];
    }
  }
  return result;
}

// ---- The archival parts ----------------------------------------------------------------------------

export interface ArchivalParts {
  /** "1.7" from the header "%PDF-1.7". */
  version: string;
  /** The catalog's /Metadata stream (XMP packet) as text, undefined when there is none. */
  xmp?: string;
  /** The /Metadata stream's /Type and /Subtype, and whether it has a /Filter (PDF/A wants it readable). */
  xmpDict?: { type: string; subtype: string; filtered: boolean };
  outputIntents: { subtype: string; outputCondition?: string; profile?: Uint8Array; components?: number }[];
  encrypted: boolean;
  /** Whether the trailer has a file identifier (/ID). */
  hasId: boolean;
  /** The document information dictionary, as text values. */
  info: Record<string, string>;
}

/** Header, XMP packet, output intents (with the decoded ICC profile), encryption and /ID, the Info dictionary. */
export async function archivalParts(bytes: Uint8Array): Promise<ArchivalParts> {
  const header = Buffer.from(bytes.subarray(0, 16)).toString("latin1");
  const version = /^%PDF-(\d\.\d)/.exec(header)?.[1];
  if (!version) throw new Error(`no PDF header: ${JSON.stringify(header)}`);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context } = pdf;
  const nameOf = (value: unknown) => (value instanceof PDFName ? value.decodeText() : "");

  const parts: ArchivalParts = {
    version,
    outputIntents: [],
    encrypted: context.trailerInfo.Encrypt !== undefined,
    hasId: context.trailerInfo.ID !== undefined,
    info: {},
  };

  const metadata = context.lookup(pdf.catalog.get(PDFName.of("Metadata")));
  if (metadata instanceof PDFRawStream) {
    parts.xmp = Buffer.from(decodePDFRawStream(metadata).decode()).toString("utf8");
    parts.xmpDict = {
      type: nameOf(metadata.dict.get(PDFName.of("Type"))),
      subtype: nameOf(metadata.dict.get(PDFName.of("Subtype"))),
      filtered: metadata.dict.get(PDFName.of("Filter")) !== undefined,
    };
  }

  const intents = context.lookup(pdf.catalog.get(PDFName.of("OutputIntents")));
  if (intents instanceof PDFArray) {
    for (const entry of intents.asArray()) {
      const intent = context.lookup(entry);
      if (!(intent instanceof PDFDict)) continue;
      const profile = context.lookup(intent.get(PDFName.of("DestOutputProfile")));
      const condition = intent.get(PDFName.of("OutputConditionIdentifier"));
      const components = profile instanceof PDFRawStream ? profile.dict.get(PDFName.of("N")) : undefined;
      parts.outputIntents.push({
        subtype: nameOf(intent.get(PDFName.of("S"))),
        ...(condition instanceof PDFString || condition instanceof PDFHexString
          ? { outputCondition: condition.decodeText() }
          : {}),
        ...(profile instanceof PDFRawStream ? { profile: decodePDFRawStream(profile).decode() } : {}),
        ...(components !== undefined ? { components: Number(String(components)) } : {}),
      });
    }
  }

  const info = context.lookup(context.trailerInfo.Info);
  if (info instanceof PDFDict) {
    for (const [key, value] of info.entries()) {
      const resolved = context.lookup(value);
      parts.info[key.decodeText()] =
        resolved instanceof PDFString || resolved instanceof PDFHexString ? resolved.decodeText() : String(resolved);
    }
  }
  return parts;
}
