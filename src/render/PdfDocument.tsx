// The react-pdf Document of every kind of output, with the metadata all share: title (medicine and
// kind, never the patient's name), subject, author (the brand), language, creator, a fixed creation
// date (the same order gives the same bytes) and, for archives, PDF/A-2b.
import { Document } from "@react-pdf/renderer";
import type { ReactNode } from "react";

export interface PdfMeta {
  /** Fixed date for the PDF's CreationDate, so the same order always gives the same bytes. */
  creationDate: Date;
  creator: string;
  /** Archival PDF/A-2b (XMP metadata, sRGB output intent, every font embedded), written by pdfkit. */
  pdfa?: boolean;
}

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  language: string;
}

export function PdfDocument({ info, meta, children }: { info: DocumentInfo; meta: PdfMeta; children: ReactNode }) {
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
      {...(meta.pdfa ? { conformance: "PDF/A-2b" as const } : {})}
    >
      {children}
    </Document>
  );
}
