// A LeafletDoc as a react-pdf Document: metadata (never the patient's name), the page frame, the blocks.
import { Document, Page, View } from "@react-pdf/renderer";
import type { Block, LeafletDoc } from "../document/documentTypes.ts";
import { Blocks } from "./Blocks.tsx";
import { PageFooter, PageHeader } from "./PageFrame.tsx";
import type { Theme } from "./theme.ts";

export interface PdfMeta {
  /** Fixed date for the PDF's CreationDate, so the same order always gives the same bytes. */
  creationDate: Date;
  creator: string;
  /** Archival PDF/A-2b (XMP metadata, sRGB output intent, every font embedded), written by pdfkit. */
  pdfa?: boolean;
}

export function LeafletPdf({ doc, theme, meta }: { doc: LeafletDoc; theme: Theme; meta: PdfMeta }) {
  const { page, font, colour } = theme;
  return (
    <Document
      title={doc.title}
      subject={doc.subject}
      author={doc.author}
      creator={meta.creator}
      producer={meta.creator}
      language={doc.language}
      creationDate={meta.creationDate}
      modificationDate={meta.creationDate}
      {...(meta.pdfa ? { conformance: "PDF/A-2b" as const } : {})}
    >
      <Page
        size={page.size}
        style={{
          paddingTop: page.top,
          paddingBottom: page.bottom,
          paddingHorizontal: page.margin,
          fontFamily: font.family,
          fontSize: font.body,
          color: colour.text,
        }}
      >
        <PageHeader doc={doc} theme={theme} />
        <PageFooter doc={doc} theme={theme} />
        <View>
          <Blocks blocks={withoutLeadingBreak(doc.body)} theme={theme} />
        </View>
      </Page>
    </Document>
  );
}

/** A page break before the very first block would make react-pdf 4 add pages without end (seen here:
 * minutes of CPU and gigabytes of memory); the first block starts the first page anyway. */
function withoutLeadingBreak(blocks: Block[]): Block[] {
  const [first, ...rest] = blocks;
  return first?.type === "section" && first.breakBefore ? [{ ...first, breakBefore: false }, ...rest] : blocks;
}
