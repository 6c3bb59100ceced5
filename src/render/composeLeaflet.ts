// Joins a patient's leaflet with the shared part: each shared page is drawn, as a form, into the empty
// framed page the patient's document keeps for it (same page size and margins), so every page carries
// the patient's header and its own "page N of M". The patient's document keeps its metadata (title,
// language, PDF/A markers) untouched.
import { PDFDocument } from "pdf-lib";
import type { SharedPart } from "./sharedPart.tsx";

export async function composeLeaflet(patientPdf: Uint8Array, shared: SharedPart): Promise<Uint8Array> {
  if (shared.pageCount === 0) return patientPdf;
  const pdf = await PDFDocument.load(patientPdf, { updateMetadata: false });
  const pages = pdf.getPages();
  const first = pages.length - shared.pageCount;
  if (first < 1) throw new Error("internal: the leaflet has fewer frames than shared pages");
  const forms = await pdf.embedPages(shared.pdf.getPages());
  forms.forEach((form, i) => {
    pages[first + i]?.drawPage(form, { x: 0, y: 0 });
  });
  return pdf.save({ useObjectStreams: false });
}
