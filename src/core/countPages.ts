// The number of pages in a PDF written by react-pdf (pdfkit): read from the page tree's /Count,
// which pdfkit writes uncompressed.
import { PdfUnreadableError } from "./errors.ts";

export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(text);
  if (!match) throw new PdfUnreadableError("could not find the page count in the PDF");
  return Number(match[1]);
}
