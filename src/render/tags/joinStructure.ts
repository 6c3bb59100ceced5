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
    throw new Error("internal: a tagged part has no Document element");

  const bySourcePage = new Map(pages.map((p) => [p.source.ref.toString(), p]));
  const copied = new Map<string, PDFRef>();
  const ctx = target.context;

  const copyElement = (ref: PDFRef, parent: PDFRef): PDFRef => {
    const source = shared.context.lookup(ref, PDFDict);
    const own = ctx.nextRef();
    copied.set(ref.toString(), own);
    const dict = ctx.obj({}) as PDFDict;
    for (const key of ["S", "Lang", "Alt", "ActualText", "T", "E", "A"]) {
      const value = source.get(PDFName.of(key));
      if (value !== undefined) dict.set(PDFName.of(key), plainCopy(shared, target, value));
    }
    dict.set(PDFName.of("P"), parent);
    const pg = source.get(PDFName.of("Pg"));
    const kids: PDFObject[] = [];
    for (const kid of kidsOf(source)) {
      if (kid instanceof PDFRef) {
        const element = shared.context.lookup(kid);
        if (element instanceof PDFDict && element.get(PDFName.of("Type")) === undefined)
          kids.push(copyElement(kid, own));
        else if (element instanceof PDFDict) kids.push(markedContent(element.get(PDFName.of("Pg")) ?? pg, element));
      } else if (kid instanceof PDFNumber) kids.push(markedContent(pg, kid));
      else if (kid instanceof PDFDict) kids.push(markedContent(kid.get(PDFName.of("Pg")) ?? pg, kid));
    }
    dict.set(PDFName.of("K"), ctx.obj(kids));
    ctx.assign(own, dict);
    return own;
  };

  const markedContent = (pg: PDFObject | undefined, kid: PDFNumber | PDFDict): PDFDict => {
    const page = pg instanceof PDFRef ? bySourcePage.get(pg.toString()) : undefined;
    if (!page) throw new Error("internal: shared marked content on a page that is not drawn");
    const mcid = kid instanceof PDFNumber ? kid : kid.get(PDFName.of("MCID"));
    return ctx.obj({ Type: "MCR", Pg: page.frame.ref, Stm: page.form, MCID: mcid as PDFNumber }) as PDFDict;
  };

  const added = kidsOf(sharedDocument).flatMap((kid) =>
    kid instanceof PDFRef ? [copyElement(kid, targetDocumentRef)] : [],
  );
  targetDocument.set(PDFName.of("K"), ctx.obj([...kidsOf(targetDocument), ...added]));

  // The parent tree: one entry per form, the element of each MCID drawn in it.
  const sharedNums = numsOf(shared, sharedRoot);
  const targetNums = numsOf(target, targetRoot);
  const next = targetRoot.get(PDFName.of("ParentTreeNextKey"));
  let key = next instanceof PDFNumber ? next.asNumber() : targetNums.size() / 2;
  for (const page of pages) {
    const structParents = page.source.node.get(PDFName.of("StructParents"));
    if (!(structParents instanceof PDFNumber)) continue;
    const entry = lookupNum(shared, sharedNums, structParents.asNumber());
    const elements = entry
      ? entry.asArray().map((ref) => (ref instanceof PDFRef ? (copied.get(ref.toString()) ?? ctx.obj(null)) : ref))
      : [];
    targetNums.push(PDFNumber.of(key));
    targetNums.push(ctx.register(ctx.obj(elements)));
    const form = ctx.lookup(page.form);
    if (!(form instanceof PDFRawStream)) throw new Error("internal: a shared page's form is not a stream");
    form.dict.set(PDFName.of("StructParents"), PDFNumber.of(key));
    key += 1;
  }
  targetRoot.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(key));
}

function dictOf(pdf: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? pdf.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}

function kidsOf(dict: PDFDict): PDFObject[] {
  const k = dict.get(PDFName.of("K"));
  if (k === undefined) return [];
  return k instanceof PDFArray ? k.asArray() : [k];
}

function firstKid(dict: PDFDict): PDFRef | undefined {
  const kid = kidsOf(dict)[0];
  return kid instanceof PDFRef ? kid : undefined;
}

/** The parent tree's flat /Nums array (pdfkit writes a one-level number tree). */
function numsOf(pdf: PDFDocument, root: PDFDict): PDFArray {
  const tree = dictOf(pdf, root.get(PDFName.of("ParentTree")));
  const nums = tree?.get(PDFName.of("Nums"));
  const resolved = nums instanceof PDFRef ? pdf.context.lookup(nums) : nums;
  if (!(resolved instanceof PDFArray)) throw new Error("internal: a parent tree without /Nums");
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
