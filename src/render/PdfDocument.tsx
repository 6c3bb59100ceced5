// The react-pdf Document of every kind of output, with the metadata all share: title (medicine and
// kind, never the patient's name), subject, author (the brand), language, creator, a fixed creation
// date (the same order gives the same bytes), a structure tree (tagged PDF, PDF/UA-1; see
// src/render/tags/) unless `tags` is off, and, for archives, PDF/A-2a (PDF/A-2b untagged).
import { Document } from "@react-pdf/renderer";
import type { ReactNode } from "react";

export interface PdfMeta {
  /** Fixed date for the PDF's CreationDate, so the same order always gives the same bytes. */
  creationDate: Date;
  creator: string;
  /** Archival PDF/A (XMP metadata, sRGB output intent, every font embedded), written by pdfkit: 2a when
   * tagged, 2b without tags. */
  pdfa?: boolean;
  /** Tagged PDF (structure tree, PDF/UA-1 identification): on unless `false` (`--no-tags`, for measuring). */
  tags?: boolean;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  language: string;
}

export function PdfDocument({ info, meta, children }: { info: DocumentInfo; meta: PdfMeta; children: ReactNode }) {
  const tagged = meta.tags !== false;
  return (
    <Document
      title={info.title}
      subject={info.subject}
      author={info.author}
      creator={meta.creator}
      producer={meta.creator}
      language={info.language}
      creationDate={meta.creationDate}
      modificationDate={meta.creationDate}
      {...conformance(meta.pdfa === true, tagged)}
    >
      {children}
    </Document>
  );
}

/** The document's conformance: PDF/A-2a (tagged) or 2b, and PDF/UA-1 for a tagged one (for a PDF/A file
 * the PDF/UA identification is added to the XMP by the patched renderer: pdfkit writes one subset). */
function conformance(pdfa: boolean, tagged: boolean): Record<string, unknown> {
  if (!tagged) return pdfa ? { conformance: "PDF/A-2b" } : {};
  return { tagged: true, pdfUa: true, conformance: pdfa ? "PDF/A-2a" : "PDF/UA" };
}
