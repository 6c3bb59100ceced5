// A leaflet as react-pdf Documents. The patient's document: metadata (never the patient's name), the
// personal part in the page frame, then one empty framed page per page of the shared part (header with
// whose leaflet it is, footer with "page N of M"); composeLeaflet.ts draws the shared part's pages into
// those frames. The shared document: the shared part's body alone, on pages of the same geometry.
import { Page, View } from "@react-pdf/renderer";
import type { Block, LeafletDoc } from "../../document/documentTypes.ts";
import { PdfDocument, type PdfMeta } from "../PdfDocument.tsx";
import type { Theme } from "../theme.ts";
import { Blocks } from "./Blocks.tsx";
import { PageFrame } from "./PageFrame.tsx";

export type { PdfMeta } from "../PdfDocument.tsx";

function pageStyle(theme: Theme) {
  const { page, font, colour } = theme;
  return {
    paddingTop: page.top,
    paddingBottom: page.bottom,
    paddingHorizontal: page.margin,
    fontFamily: font.family,
    direction: theme.direction,
    fontSize: font.body,
    color: colour.text,
  };
}

export function LeafletPdf({
  doc,
  personal,
  framePages,
  theme,
  meta,
}: {
  doc: LeafletDoc;
  personal: Block[];
  /** How many pages the shared part takes: each gets an empty framed page here. */
  framePages: number;
  theme: Theme;
  meta: PdfMeta;
}) {
  return (
    <PdfDocument info={doc} meta={meta}>
      <Page size={theme.page.size} style={pageStyle(theme)}>
        <PageFrame doc={doc} theme={theme} />
        <View style={{ flexGrow: 1 }}>
          <Blocks blocks={withoutLeadingBreak(personal)} theme={theme} />
        </View>
      </Page>
      {Array.from({ length: framePages }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: frames are static for one render
        <Page key={i} size={theme.page.size} style={pageStyle(theme)}>
          <PageFrame doc={doc} theme={theme} />
        </Page>
      ))}
    </PdfDocument>
  );
}

/** The shared part's pages: the body only, placed exactly where the patient's frames leave room for it. */
export function SharedPartPdf({ blocks, theme, meta }: { blocks: Block[]; theme: Theme; meta: PdfMeta }) {
  return (
    <PdfDocument info={{ title: "", subject: "", author: "", language: "" }} meta={{ ...meta, pdfa: false }}>
      <Page size={theme.page.size} style={pageStyle(theme)}>
        {/* Grows to the foot of each page, so the notes space at the end can fill the last one. */}
        <View style={{ flexGrow: 1 }}>
          <Blocks blocks={withoutLeadingBreak(blocks)} theme={theme} />
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
