// react-pdf's renderToBuffer in its two steps, layout and drawing, so a caller can read and change the
// laid-out pages in between: the leaflet reads where the patient's text ends on its last page and adds
// the empty framed pages the shared part is drawn into (renderPdf.tsx, composeLeaflet.ts). The PDF
// settings are those of @react-pdf/renderer's own pdf().toBuffer() (4.x), so the bytes are the same.
import layoutDocument from "@react-pdf/layout";
import renderPDF from "@react-pdf/render";
import { Font, pdf } from "@react-pdf/renderer";
import PDFDocument from "pdfkit";
import type { ReactElement } from "react";

/** A laid-out node as react-pdf's layout leaves it: what the leaflet reads of it. */
export interface LaidOutNode {
  type: string;
  props: Record<string, unknown>;
  box?: { top: number; left: number; width: number; height: number };
  children?: LaidOutNode[];
}

/** The laid-out document: its pages, in order. */
export interface LaidOutDocument {
  children: LaidOutNode[];
}

export async function renderLaidOut(
  element: ReactElement,
  adjust: (layout: LaidOutDocument) => void | Promise<void>,
): Promise<Uint8Array> {
  const instance = pdf(element as Parameters<typeof pdf>[0]);
  const document = (instance as unknown as { container: { document: { props: DocumentProps } } }).container.document;
  const layout = (await (layoutDocument as unknown as (doc: unknown, fonts: unknown) => Promise<unknown>)(
    document,
    Font,
  )) as unknown as LaidOutDocument;
  await adjust(layout);
  const stream = renderPDF(pdfContext(document.props) as never, layout as never) as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const buffer = Buffer.concat(chunks);
      resolve(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    });
    stream.on("error", reject);
  });
}

interface DocumentProps {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  creationDate?: Date;
  modificationDate?: Date;
  language?: string;
  conformance?: string;
  pdfVersion?: string;
}

/** The pdfkit document react-pdf's pdf().toBuffer() makes for these Document props. */
function pdfContext(props: DocumentProps): unknown {
  const { conformance } = props;
  const info = Object.fromEntries(
    Object.entries({
      Title: props.title,
      Author: props.author,
      Subject: props.subject,
      Keywords: props.keywords,
      Creator: props.creator ?? "react-pdf",
      Producer: props.producer ?? "react-pdf",
      CreationDate: props.creationDate ?? new Date(),
      ModificationDate: props.modificationDate,
    }).filter(([, value]) => value !== undefined),
  );
  return new PDFDocument({
    compress: true,
    subset: conformance,
    pdfVersion: props.pdfVersion || (conformance ? (conformance.startsWith("PDF/A-1") ? "1.4" : "1.7") : undefined),
    lang: props.language,
    displayTitle: true,
    autoFirstPage: false,
    info,
  });
}
