// The shared part's structure, joined into the patient's leaflet: composeLeaflet.ts draws each shared
// page as a form XObject into a framed page, and this copies the shared document's structure elements
// under the patient document's Document element, after its own (the shared pages come last). Each
// marked-content reference becomes an MCR naming the frame page and the form (/Stm); each form gets
// /StructParents and its entry in the parent tree, so a reader finds the element of every MCID drawn.

import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRawStream,
  PDFRef,
} from "pdf-lib";
import { InternalError } from "../../core/errors.ts";

/** One shared page as drawn: the page it came from, the frame page it is drawn on, and its form. */
export interface DrawnSharedPage {
  source: PDFPage;
  frame: PDFPage;
  form: PDFRef;
}

/** Copies `shared`'s structure into `target`; does nothing unless both documents are tagged. */
export function joinSharedStructure(target: PDFDocument, shared: PDFDocument, pages: DrawnSharedPage[]): void {
  const sharedRoot = dictOf(shared, shared.catalog.get(PDFName.of("StructTreeRoot")));
  const targetRoot = dictOf(target, target.catalog.get(PDFName.of("StructTreeRoot")));
  if (!sharedRoot || !targetRoot) return;
  const targetDocumentRef = firstKid(targetRoot);
  const sharedDocument = dictOf(shared, firstKid(sharedRoot));
  const targetDocument = dictOf(target, targetDocumentRef);
  if (!targetDocumentRef || !sharedDocument || !targetDocument)
    throw new InternalError("a tagged part has no Document element");

  const bySourcePage = new Map(pages.map((p) => [p.source.ref.toString(), p]));
  const { added, copied } = copyStructureElements(shared, target, kidsOf(sharedDocument), targetDocumentRef, (pg) => {
    const page = pg ? bySourcePage.get(pg.toString()) : undefined;
    if (!page) throw new InternalError("shared marked content on a page that is not drawn");
    return { page: page.frame.ref, stream: page.form };
  });
  const ctx = target.context;
  targetDocument.set(PDFName.of("K"), ctx.obj([...kidsOf(targetDocument), ...added]));

  // The parent tree: one entry per form, the element of each MCID drawn in it.
  const targetNums = numsOf(target, targetRoot);
  const next = targetRoot.get(PDFName.of("ParentTreeNextKey"));
  let key = next instanceof PDFNumber ? next.asNumber() : targetNums.size() / 2;
  for (const page of pages) {
    const structParents = page.source.node.get(PDFName.of("StructParents"));
    if (!(structParents instanceof PDFNumber)) continue;
    targetNums.push(PDFNumber.of(key));
    targetNums.push(copiedParentEntry(shared, target, sharedRoot, structParents.asNumber(), copied));
    const form = ctx.lookup(page.form);
    if (!(form instanceof PDFRawStream)) throw new InternalError("a shared page's form is not a stream");
    form.dict.set(PDFName.of("StructParents"), PDFNumber.of(key));
    key += 1;
  }
  targetRoot.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(key));
}

/** Where a piece of marked content is in the target: its page and, if not the page's own content, its form. */
export type LocateContent = (pg: PDFRef | undefined, stm: PDFRef | undefined) => { page: PDFRef; stream?: PDFRef };

/**
 * Copies structure elements (`kids` of an element of `source`) into `target` under `parent`: roles and
 * attributes as they are, each marked-content reference an MCR placed by `locate`. Returns the new
 * elements and the old-to-new element refs (for the parent tree).
 */
export function copyStructureElements(
  source: PDFDocument,
  target: PDFDocument,
  kids: PDFObject[],
  parent: PDFRef,
  locate: LocateContent,
): { added: PDFRef[]; copied: Map<string, PDFRef> } {
  const copied = new Map<string, PDFRef>();
  const ctx = target.context;
  const markedContent = (pg: PDFObject | undefined, kid: PDFNumber | PDFDict): PDFDict => {
    const stm = kid instanceof PDFDict ? kid.get(PDFName.of("Stm")) : undefined;
    const at = locate(pg instanceof PDFRef ? pg : undefined, stm instanceof PDFRef ? stm : undefined);
    const mcid = kid instanceof PDFNumber ? kid : (kid.get(PDFName.of("MCID")) as PDFNumber);
    return ctx.obj({ Type: "MCR", Pg: at.page, ...(at.stream ? { Stm: at.stream } : {}), MCID: mcid }) as PDFDict;
  };
  const copyElement = (ref: PDFRef, parentRef: PDFRef): PDFRef => {
    const element = source.context.lookup(ref, PDFDict);
    const own = ctx.nextRef();
    copied.set(ref.toString(), own);
    const dict = ctx.obj({}) as PDFDict;
    for (const key of ["S", "Lang", "Alt", "ActualText", "T", "E", "A"]) {
      const value = element.get(PDFName.of(key));
      if (value !== undefined) dict.set(PDFName.of(key), plainCopy(source, target, value));
    }
    dict.set(PDFName.of("P"), parentRef);
    const pg = element.get(PDFName.of("Pg"));
    const out: PDFObject[] = [];
    for (const kid of kidsOf(element)) {
      if (kid instanceof PDFRef) {
        const child = source.context.lookup(kid);
        if (child instanceof PDFDict && child.get(PDFName.of("Type")) === undefined) out.push(copyElement(kid, own));
        else if (child instanceof PDFDict) out.push(markedContent(child.get(PDFName.of("Pg")) ?? pg, child));
      } else if (kid instanceof PDFNumber) out.push(markedContent(pg, kid));
      else if (kid instanceof PDFDict) out.push(markedContent(kid.get(PDFName.of("Pg")) ?? pg, kid));
    }
    dict.set(PDFName.of("K"), ctx.obj(out));
    ctx.assign(own, dict);
    return own;
  };
  const added = kids.flatMap((kid) => (kid instanceof PDFRef ? [copyElement(kid, parent)] : []));
  return { added, copied };
}

/** The parent tree's entry for `key` in `source`, its elements replaced by their copies. */
export function copiedParentEntry(
  source: PDFDocument,
  target: PDFDocument,
  sourceRoot: PDFDict,
  key: number,
  copied: Map<string, PDFRef>,
): PDFRef {
  const entry = lookupNum(source, numsOf(source, sourceRoot), key);
  const elements = entry
    ? entry
        .asArray()
        .map((ref) => (ref instanceof PDFRef ? (copied.get(ref.toString()) ?? target.context.obj(null)) : ref))
    : [];
  return target.context.register(target.context.obj(elements));
}

export function dictOf(pdf: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

export function kidsOf(dict: PDFDict): PDFObject[] {
  const k = dict.get(PDFName.of("K"));
  if (k === undefined) return [];
  return k instanceof PDFArray ? k.asArray() : [k];
}

export function firstKid(dict: PDFDict): PDFRef | undefined {
  const kid = kidsOf(dict)[0];
  return kid instanceof PDFRef ? kid : undefined;
}

/** The parent tree's flat /Nums array (pdfkit writes a one-level number tree). */
export function numsOf(pdf: PDFDocument, root: PDFDict): PDFArray {
  const tree = dictOf(pdf, root.get(PDFName.of("ParentTree")));
  const nums = tree?.get(PDFName.of("Nums"));
  const resolved = nums instanceof PDFRef ? pdf.context.lookup(nums) : nums;
  if (!(resolved instanceof PDFArray)) throw new InternalError("a parent tree without /Nums");
  return resolved;
}

function lookupNum(pdf: PDFDocument, nums: PDFArray, key: number): PDFArray | undefined {
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    const k = nums.get(i);
    if (k instanceof PDFNumber && k.asNumber() === key) {
      const value = nums.get(i + 1);
      const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
      return resolved instanceof PDFArray ? resolved : undefined;
    }
  }
  return undefined;
}

/** A copy of a plain value (names, strings, attribute dictionaries), refs resolved. */
function plainCopy(from: PDFDocument, to: PDFDocument, value: PDFObject): PDFObject {
  const resolved = value instanceof PDFRef ? from.context.lookup(value) : value;
  if (resolved === undefined) return to.context.obj(null);
  if (resolved instanceof PDFDict) {
    const dict = to.context.obj({}) as PDFDict;
    for (const [k, v] of resolved.entries()) dict.set(k, plainCopy(from, to, v));
    return dict;
  }
  if (resolved instanceof PDFArray) return to.context.obj(resolved.asArray().map((v) => plainCopy(from, to, v)));
  return resolved.clone(to.context);
}
