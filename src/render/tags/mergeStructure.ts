// A tagged print job made of tagged leaflets (batch --merge): pages are copied with one object copier
// per leaflet, and each leaflet's structure comes along as a Part (in its own language) under the job's
// Document element, its marked-content references pointing at the copied pages and forms and its
// pages' and forms' parent-tree entries renumbered into the job's tree.

import {
  PDFArray,
  PDFBool,
  type PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  type PDFRef,
} from "pdf-lib";
import { InternalError } from "../../core/errors.ts";
import { copiedParentEntry, copyStructureElements, dictOf, firstKid, kidsOf, numsOf } from "./joinStructure.ts";

/** Makes `job` a tagged document (MarkInfo, a StructTreeRoot with a Document element, Lang, title shown). */
export function startTaggedJob(job: PDFDocument, language: string): void {
  const ctx = job.context;
  const documentRef = ctx.nextRef();
  const root = ctx.register(
    ctx.obj({ Type: "StructTreeRoot", K: [documentRef], ParentTree: { Nums: [] }, ParentTreeNextKey: 0 }),
  );
  ctx.assign(documentRef, ctx.obj({ S: "Document", P: root, K: [] }));
  job.catalog.set(PDFName.of("MarkInfo"), ctx.obj({ Marked: true }));
  job.catalog.set(PDFName.of("StructTreeRoot"), root);
  job.setLanguage(language);
  job.catalog.set(PDFName.of("ViewerPreferences"), ctx.obj({ DisplayDocTitle: PDFBool.True }));
}

/** Copies every page of `source` to the end of `job`, with its structure if both are tagged. */
export function appendTaggedPages(job: PDFDocument, source: PDFDocument): void {
  const copier = PDFObjectCopier.for(source.context, job.context);
  const pageRefs = new Map<string, PDFRef>();
  const copiedPages: { source: PDFRef; page: PDFPage }[] = [];
  for (const sourcePage of source.getPages()) {
    const node = copier.copy(sourcePage.node);
    const ref = job.context.register(node);
    const page = PDFPage.of(node, ref, job);
    job.addPage(page);
    pageRefs.set(sourcePage.ref.toString(), ref);
    copiedPages.push({ source: sourcePage.ref, page });
  }
  const sourceRoot = dictOf(source, source.catalog.get(PDFName.of("StructTreeRoot")));
  const jobRoot = dictOf(job, job.catalog.get(PDFName.of("StructTreeRoot")));
  if (!sourceRoot || !jobRoot) return;
  const jobDocumentRef = firstKid(jobRoot);
  const jobDocument = dictOf(job, jobDocumentRef);
  const sourceDocument = dictOf(source, firstKid(sourceRoot));
  if (!jobDocumentRef || !jobDocument || !sourceDocument) throw new InternalError("a tagged file has no Document");

  // The leaflet as a Part of the job, in its own language.
  const ctx = job.context;
  const partRef = ctx.nextRef();
  const forms = new Map<string, PDFRef>();
  const { added, copied } = copyStructureElements(source, job, kidsOf(sourceDocument), partRef, (pg, stm) => {
    const page = pg ? pageRefs.get(pg.toString()) : undefined;
    if (!page) throw new InternalError("marked content on a page that was not copied");
    if (!stm) return { page };
    const stream = copier.copy(stm);
    forms.set(stm.toString(), stream);
    return { page, stream };
  });
  const lang = source.catalog.get(PDFName.of("Lang"));
  ctx.assign(
    partRef,
    ctx.obj({ S: "Part", P: jobDocumentRef, K: added, ...(lang ? { Lang: lang.clone(ctx) } : {}) }) as PDFDict,
  );
  const kids = jobDocument.get(PDFName.of("K"));
  if (kids instanceof PDFArray) kids.push(partRef);

  // Parent tree: each page's and each form's entry, renumbered.
  const nums = numsOf(job, jobRoot);
  const next = jobRoot.get(PDFName.of("ParentTreeNextKey"));
  let key = next instanceof PDFNumber ? next.asNumber() : 0;
  const renumber = (dict: PDFDict) => {
    const old = dict.get(PDFName.of("StructParents"));
    if (!(old instanceof PDFNumber)) return;
    nums.push(PDFNumber.of(key));
    nums.push(copiedParentEntry(source, job, sourceRoot, old.asNumber(), copied));
    dict.set(PDFName.of("StructParents"), PDFNumber.of(key));
    key += 1;
  };
  for (const { page } of copiedPages) renumber(page.node);
  for (const stream of forms.values()) {
    const form = ctx.lookup(stream);
    if (form && "dict" in form) renumber((form as { dict: PDFDict }).dict);
  }
  jobRoot.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(key));
}
