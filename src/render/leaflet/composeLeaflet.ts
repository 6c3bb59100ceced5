// Joins a patient's leaflet with the shared part: each shared page is drawn, as a form, into the empty
// framed page the patient's document keeps for it (same page size and margins), so every page carries
// the patient's header and its own "page N of M". The patient's document keeps its metadata (title,
// language, PDF/A markers) untouched. The form takes the shared page's content stream as it is, still
// compressed (pdf-lib's embedPage would inflate and deflate it again for every leaflet).
import {
  drawObject,
  PDFArray,
  PDFDocument,
  PDFName,
  PDFObjectCopier,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import { InternalError } from "../../core/errors.ts";
import { type DrawnSharedPage, joinSharedStructure } from "../tags/joinStructure.ts";
import type { SharedPart } from "./sharedPart.tsx";

export async function composeLeaflet(patientPdf: Uint8Array, shared: SharedPart): Promise<Uint8Array> {
  if (shared.pageCount === 0) return patientPdf;
  const pdf = await PDFDocument.load(patientPdf, { updateMetadata: false });
  const pages = pdf.getPages();
  const first = pages.length - shared.pageCount;
  if (first < 1) throw new InternalError("the leaflet has fewer frames than shared pages");
  const copier = PDFObjectCopier.for(shared.pdf.context, pdf.context);
  const drawn: DrawnSharedPage[] = [];
  shared.pdf.getPages().forEach((source, i) => {
    const frame = pages[first + i] as PDFPage;
    const form = formOf(source, pdf, copier);
    const name = frame.node.newXObject("Shared", form);
    frame.pushOperators(pushGraphicsState(), drawObject(name), popGraphicsState());
    drawn.push({ source, frame, form });
  });
  // A tagged leaflet: the shared pages' structure goes into the patient's tree (tags/joinStructure.ts).
  joinSharedStructure(pdf, shared.pdf, drawn);
  return pdf.save({ useObjectStreams: false });
}

/** The source page as a form XObject in `target`: its (compressed) content and its copied resources. */
function formOf(source: PDFPage, target: PDFDocument, copier: PDFObjectCopier): PDFRef {
  // The page's own entries: normalizedEntries() would wrap the content in extra q/Q streams.
  const Contents = source.node.Contents();
  const Resources = source.node.Resources();
  const stream = Contents instanceof PDFArray && Contents.size() === 1 ? Contents.lookup(0) : Contents;
  if (!Resources) throw new InternalError("a shared page has no resources");
  if (!(stream instanceof PDFRawStream)) throw new InternalError("a shared page has more than one content stream");
  const { width, height } = source.getSize();
  const dict = target.context.obj({
    Type: "XObject",
    Subtype: "Form",
    BBox: [0, 0, width, height],
    Resources: copier.copy(Resources),
  });
  const filter = stream.dict.get(PDFName.of("Filter"));
  if (filter) dict.set(PDFName.of("Filter"), filter);
  dict.set(PDFName.of("Length"), target.context.obj(stream.contents.length));
  return target.context.register(PDFRawStream.of(dict, stream.contents));
}
