// A checker for tagged PDF (the machine-checkable rules of PDF/UA-1 that these documents can break),
// reading the real file two ways: the structure tree and catalogue with pdf-lib, the page content
// (what is drawn inside which marked content, and the text of each marked-content id) with pdf.js.
// `checkTaggedPdf` lists every problem; `structureOutline` is the tag tree with each element's first
// words, for a snapshot a reviewer can read; `structureText` is the text in structure order.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from "pdf-lib";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { fontsEmbedded } from "./pdf.ts";

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));

/** A structure element, its kids in order: elements, or marked content (page index and MCID). */
export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  actual?: string;
  scope?: string;
  kids: (StructNode | ContentRef)[];
}

export interface ContentRef {
  page: number;
  mcid: number;
  /** Set when the marked content is inside a form XObject (MCR with /Stm). */
  stream?: string;
}

export interface TaggedReading {
  root?: StructNode;
  marked: boolean;
  lang?: string;
  title?: string;
  displayDocTitle: boolean;
  /** The XMP metadata's pdfuaid:part, if any. */
  pdfuaPart?: string;
  fontsEmbedded: boolean;
  /** Per page: drawing operators outside any marked content, and MCIDs drawn. */
  pages: { unmarked: number; unmarkedWhat: string[]; mcids: Set<number>; mcidInArtifact: number }[];
  /** Text of each marked-content id, "page:mcid". */
  text: Map<string, string>;
  annotationsOutsideTree: number;
}

const PAINT = new Set<number>([
  OPS.showText,
  OPS.showSpacedText,
  OPS.nextLineShowText,
  OPS.nextLineSetSpacingShowText,
  OPS.fill,
  OPS.eoFill,
  OPS.stroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintSolidColorImageMask,
  OPS.shadingFill,
]);
const OP_NAMES = new Map(Object.entries(OPS).map(([name, code]) => [code as number, name]));

function str(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return undefined;
}

/** Reads a PDF's structure, catalogue flags and content marking. */
export async function readTagged(bytes: Uint8Array): Promise<TaggedReading> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = pdf.context;
  const look = (v: PDFObject | undefined) => (v instanceof PDFRef ? ctx.lookup(v) : v);
  const catalog = pdf.catalog;
  const pageIndex = new Map<string, number>();
  pdf.getPages().forEach((p, i) => {
    pageIndex.set(p.ref.toString(), i);
  });
  const markInfo = look(catalog.get(PDFName.of("MarkInfo")));
  const marked = markInfo instanceof PDFDict && markInfo.get(PDFName.of("Marked")) === PDFBool.True;
  const prefs = look(catalog.get(PDFName.of("ViewerPreferences")));
  const displayDocTitle = prefs instanceof PDFDict && prefs.get(PDFName.of("DisplayDocTitle")) === PDFBool.True;
  const metadata = look(catalog.get(PDFName.of("Metadata")));
  let pdfuaPart: string | undefined;
  if (metadata instanceof PDFRawStream) {
    const xmp = Buffer.from(metadata.contents).toString("utf8");
    pdfuaPart = /<pdfuaid:part>(\d+)<\/pdfuaid:part>/.exec(xmp)?.[1];
  }

  const element = (dict: PDFDict, pg: number | undefined): StructNode => {
    const pgRef = dict.get(PDFName.of("Pg"));
    const ownPage = pgRef instanceof PDFRef ? pageIndex.get(pgRef.toString()) : pg;
    const node: StructNode = { role: str(dict.get(PDFName.of("S"))) ?? "?", kids: [] };
    const alt = str(look(dict.get(PDFName.of("Alt"))));
    const lang = str(look(dict.get(PDFName.of("Lang"))));
    const actual = str(look(dict.get(PDFName.of("ActualText"))));
    if (alt !== undefined) node.alt = alt;
    if (lang !== undefined) node.lang = lang;
    if (actual !== undefined) node.actual = actual;
    const attrs = look(dict.get(PDFName.of("A")));
    if (attrs instanceof PDFDict) {
      const scope = str(attrs.get(PDFName.of("Scope")));
      if (scope) node.scope = scope;
    }
    const k = look(dict.get(PDFName.of("K")));
    const kids = k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [k];
    for (const raw of kids) {
      const kid = look(raw);
      if (kid instanceof PDFNumber) {
        node.kids.push({ page: ownPage ?? -1, mcid: kid.asNumber() });
      } else if (kid instanceof PDFDict) {
        const type = str(kid.get(PDFName.of("Type")));
        if (type === "MCR") {
          const mcrPg = kid.get(PDFName.of("Pg"));
          const stm = kid.get(PDFName.of("Stm"));
          node.kids.push({
            page: mcrPg instanceof PDFRef ? (pageIndex.get(mcrPg.toString()) ?? -1) : (ownPage ?? -1),
            mcid: (look(kid.get(PDFName.of("MCID"))) as PDFNumber).asNumber(),
            ...(stm ? { stream: stm.toString() } : {}),
          });
        } else if (type === "OBJR") {
          // An annotation: no drawn content of its own here.
        } else node.kids.push(element(kid, ownPage));
      }
    }
    return node;
  };
  const treeRoot = look(catalog.get(PDFName.of("StructTreeRoot")));
  let root: StructNode | undefined;
  if (treeRoot instanceof PDFDict) {
    root = element(treeRoot, undefined);
    root.role = "StructTreeRoot";
  }

  let annotationsOutsideTree = 0;
  for (const page of pdf.getPages()) {
    const annots = look(page.node.get(PDFName.of("Annots")));
    if (!(annots instanceof PDFArray)) continue;
    for (const a of annots.asArray()) {
      const annot = look(a);
      if (annot instanceof PDFDict && annot.get(PDFName.of("StructParent")) === undefined) annotationsOutsideTree++;
    }
  }

  const { pages, text } = await readContent(bytes);
  return {
    ...(root ? { root } : {}),
    marked,
    lang: str(look(catalog.get(PDFName.of("Lang")))),
    title: pdf.getTitle(),
    displayDocTitle,
    ...(pdfuaPart ? { pdfuaPart } : {}),
    fontsEmbedded: (await fontsEmbedded(bytes)).allEmbedded,
    pages,
    text,
    annotationsOutsideTree,
  };
}

async function readContent(bytes: Uint8Array) {
  const task = getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: `${pathToFileURL(join(pdfjsRoot, "standard_fonts")).href}/`,
    cMapUrl: `${pathToFileURL(join(pdfjsRoot, "cmaps")).href}/`,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  const pages: TaggedReading["pages"] = [];
  const text = new Map<string, string>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      // Marked content open at each point: its tag and MCID (null: none).
      const stack: { tag: string; mcid: number | null }[] = [];
      const record = { unmarked: 0, unmarkedWhat: [] as string[], mcids: new Set<number>(), mcidInArtifact: 0 };
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.beginMarkedContent) stack.push({ tag: tagName(args?.[0]), mcid: null });
        else if (fn === OPS.beginMarkedContentProps) {
          const mcid = typeof args?.[1] === "number" ? (args[1] as number) : null;
          if (mcid !== null && stack.some((s) => s.tag === "Artifact")) record.mcidInArtifact++;
          if (mcid !== null) record.mcids.add(mcid);
          stack.push({ tag: tagName(args?.[0]), mcid });
        } else if (fn === OPS.endMarkedContent) stack.pop();
        else {
          const paints =
            PAINT.has(fn) ||
            (fn === OPS.constructPath && typeof args?.[0] === "number" && PAINT.has(args[0] as number));
          if (paints && !stack.some((s) => s.tag === "Artifact" || s.mcid !== null)) {
            record.unmarked++;
            if (record.unmarkedWhat.length < 5) record.unmarkedWhat.push(OP_NAMES.get(fn) ?? String(fn));
          }
        }
      });
      pages.push(record);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const open: (number | null)[] = [];
      for (const item of content.items) {
        if ("type" in item) {
          if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
            const mcid = /_mc(\d+)$/.exec(item.id ?? "")?.[1];
            open.push(mcid === undefined ? null : Number(mcid));
          } else if (item.type === "endMarkedContent") open.pop();
          continue;
        }
        const mcid = [...open].reverse().find((m) => m !== null);
        if (mcid === undefined || mcid === null) continue;
        const key = `${n - 1}:${mcid}`;
        text.set(key, (text.get(key) ?? "") + item.str + (item.hasEOL ? " " : ""));
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return { pages, text };
}

/** A marked-content tag as pdf.js hands it over: a name object (BMC) or a string (BDC). */
function tagName(arg: unknown): string {
  if (arg && typeof arg === "object" && "name" in arg) return String((arg as { name: unknown }).name);
  return String(arg ?? "");
}

function isElement(kid: StructNode | ContentRef): kid is StructNode {
  return "role" in kid;
}

/** The text of an element: its marked content in structure order (ActualText where set). */
export function textOf(node: StructNode, reading: TaggedReading): string {
  if (node.actual !== undefined) return node.actual;
  return node.kids
    .map((kid) => (isElement(kid) ? textOf(kid, reading) : (reading.text.get(`${kid.page}:${kid.mcid}`) ?? "")))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** All text in structure order, one string. */
export function structureText(reading: TaggedReading): string {
  return reading.root ? textOf(reading.root, reading) : "";
}

const LEAF_ROLES = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "P", "Lbl", "LBody", "TH", "TD", "Figure", "Link"]);

/** The tag tree, one element a line, indented, with the first words of each element that holds text. */
export function structureOutline(reading: TaggedReading, words = 6): string {
  const lines: string[] = [];
  const walk = (node: StructNode, depth: number) => {
    const attrs = [
      node.lang ? `lang=${node.lang}` : "",
      node.scope ? `scope=${node.scope}` : "",
      node.alt !== undefined ? `alt="${node.alt}"` : "",
    ]
      .filter(Boolean)
      .join(" ");
    const children = node.kids.filter(isElement);
    const own = LEAF_ROLES.has(node.role) || children.length === 0 ? firstWords(textOf(node, reading), words) : "";
    lines.push(`${"  ".repeat(depth)}${node.role}${attrs ? ` [${attrs}]` : ""}${own ? ` "${own}"` : ""}`);
    for (const child of children) walk(child, depth + 1);
  };
  if (reading.root) for (const kid of reading.root.kids.filter(isElement)) walk(kid, 0);
  return lines.join("\n");
}

function firstWords(text: string, count: number): string {
  const words = text.split(" ").filter(Boolean);
  return words.slice(0, count).join(" ") + (words.length > count ? " …" : "");
}

/** Every broken rule, as a sentence; empty for a document that passes. */
export function checkTaggedPdf(reading: TaggedReading): string[] {
  const problems: string[] = [];
  if (!reading.marked) problems.push("MarkInfo Marked is not true");
  if (!reading.root) problems.push("no StructTreeRoot");
  if (!reading.lang) problems.push("no document Lang");
  if (!reading.title) problems.push("no Title");
  if (!reading.displayDocTitle) problems.push("DisplayDocTitle is not set");
  if (!reading.fontsEmbedded) problems.push("a font is not embedded");
  if (reading.annotationsOutsideTree > 0)
    problems.push(`${reading.annotationsOutsideTree} annotation(s) not in the tree`);
  reading.pages.forEach((page, i) => {
    if (page.unmarked > 0)
      problems.push(
        `page ${i + 1}: ${page.unmarked} drawing operator(s) outside marked content (${page.unmarkedWhat})`,
      );
    if (page.mcidInArtifact > 0) problems.push(`page ${i + 1}: tagged content inside an artifact`);
  });
  if (!reading.root) return problems;
  const top = reading.root.kids.filter(isElement);
  if (top.length !== 1 || top[0]?.role !== "Document") problems.push("the tree's root is not one Document element");
  // Every MCID drawn is referenced by the tree exactly once.
  const referenced = new Map<string, number>();
  let lastHeading = 0;
  const walk = (node: StructNode, parent: StructNode | undefined) => {
    const heading = /^H([1-6])$/.exec(node.role);
    if (heading) {
      const level = Number(heading[1]);
      if (level > lastHeading + 1) problems.push(`heading level skipped: H${level} after H${lastHeading || "(none)"}`);
      lastHeading = level;
    }
    if (node.role === "Figure" && !node.alt) problems.push("a Figure without Alt");
    if (node.role === "Table" && !hasDescendant(node, "TH")) problems.push("a Table without TH");
    if (node.role === "TR" && !node.kids.filter(isElement).every((k) => k.role === "TH" || k.role === "TD"))
      problems.push("a TR holds something other than TH/TD");
    if ((node.role === "TH" || node.role === "TD") && parent?.role !== "TR")
      problems.push(`a ${node.role} outside a TR`);
    if (node.role === "TR" && !["Table", "THead", "TBody", "TFoot"].includes(parent?.role ?? ""))
      problems.push("a TR outside a Table");
    if (node.role === "L" && !node.kids.filter(isElement).every((k) => k.role === "LI" || k.role === "Caption"))
      problems.push("an L holds something other than LI");
    if (node.role === "LI" && !node.kids.filter(isElement).every((k) => k.role === "Lbl" || k.role === "LBody"))
      problems.push("an LI holds something other than Lbl/LBody");
    for (const kid of node.kids) {
      if (!isElement(kid) && GROUPING_ROLES.has(node.role))
        problems.push(`content directly in a ${node.role} (not in a paragraph, heading, cell…)`);
      if (isElement(kid)) walk(kid, node);
      else {
        const key = `${kid.page}:${kid.mcid}:${kid.stream ?? ""}`;
        referenced.set(key, (referenced.get(key) ?? 0) + 1);
      }
    }
  };
  for (const kid of top) walk(kid, undefined);
  for (const [key, count] of referenced)
    if (count > 1) problems.push(`marked content ${key} is in the tree ${count} times`);
  reading.pages.forEach((page, i) => {
    for (const mcid of page.mcids)
      if (![...referenced.keys()].some((k) => k.startsWith(`${i}:${mcid}:`)))
        problems.push(`page ${i + 1}: marked content ${mcid} is not in the tree`);
  });
  return problems;
}

/** Elements that group others and hold no text of their own. */
const GROUPING_ROLES = new Set(["Document", "L", "LI", "Table", "THead", "TBody", "TR"]);

function hasDescendant(node: StructNode, role: string): boolean {
  return node.kids.some((k) => isElement(k) && (k.role === role || hasDescendant(k, role)));
}
