// A LeafletDoc as a react-pdf Document: metadata (never the patient's name), the page frame, the blocks.
import { Page, View } from "@react-pdf/renderer";
import type { Block, LeafletDoc } from "../document/documentTypes.ts";
import { Blocks } from "./Blocks.tsx";
import { PageFooter, PageHeader } from "./PageFrame.tsx";
import { PdfDocument, type PdfMeta } from "./PdfDocument.tsx";
import type { Theme } from "./theme.ts";

export type { PdfMeta } from "./PdfDocument.tsx";

export function LeafletPdf({ doc, theme, meta }: { doc: LeafletDoc; theme: Theme; meta: PdfMeta }) {
  const { page, font, colour } = theme;
  return (
    <PdfDocument info={doc} meta={meta}>
      <Page
        size={page.size}
        style={{
          paddingTop: page.top,
          paddingBottom: page.bottom,
          paddingHorizontal: page.margin,
          fontFamily: font.family,
          direction: theme.direction,
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
    </PdfDocument>
  );
}

/** A page break before the very first block would make react-pdf 4 add pages without end (seen here:
 * minutes of CPU and gigabytes of memory); the first block starts the first page anyway. */
function withoutLeadingBreak(blocks: Block[]): Block[] {
  const [first, ...rest] = blocks;
  return first?.type === "section" && first.breakBefore ? [{ ...first, breakBefore: false }, ...rest] : blocks;
}
