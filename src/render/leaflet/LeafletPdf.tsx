// A leaflet as react-pdf Documents. The patient's document: metadata (never the patient's name) and the
// personal part in the page frame (header with whose leaflet it is, footer with "page N of M"); after
// layout, renderPdf.tsx adds an empty framed page for each further page of the shared part and
// composeLeaflet.ts draws the shared part's pages into them. The shared document: the shared part's body
// alone, on pages of the same geometry, its first page starting `offset` below the top of the text area
// (where the patient's text ends on its last page; see sharedPartJoin.ts).
import { Page, View } from "@react-pdf/renderer";
import type { Block, LeafletDoc } from "../../document/documentTypes.ts";
import { PdfDocument, type PdfMeta } from "../PdfDocument.tsx";
import type { Theme } from "../theme.ts";
import { Blocks } from "./Blocks.tsx";
import { CalloutsInPieces } from "./calloutsInPieces.ts";
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
  theme,
  meta,
}: {
  doc: LeafletDoc;
  personal: Block[];
  theme: Theme;
  meta: PdfMeta;
}) {
  return (
    <PdfDocument info={doc} meta={meta}>
      <Page size={theme.page.size} style={pageStyle(theme)}>
        <PageFrame doc={doc} theme={theme} />
        {/* As tall as its content: where it ends on the last page is where the shared part starts. */}
        <View {...{ [PATIENT_BODY]: true }}>
          <Blocks blocks={withoutLeadingBreak(personal)} theme={theme} />
        </View>
      </Page>
    </PdfDocument>
  );
}

/** The prop that marks the patient's body view in the laid-out pages (sharedPartJoin.ts looks for it). */
export const PATIENT_BODY = "data-patient-body";

/** The shared part's pages: the body only, placed exactly where the patient's frames leave room for it. */
export function SharedPartPdf({
  blocks,
  theme,
  meta,
  offset = 0,
  inPieces = new Set(),
}: {
  blocks: Block[];
  theme: Theme;
  meta: PdfMeta;
  /** Where the first page's text starts, below the top of the text area (0: a page of its own). */
  offset?: number;
  /** Boxes set in pieces that may part between pages (calloutsInPieces.ts). */
  inPieces?: ReadonlySet<string>;
}) {
  return (
    <PdfDocument info={{ title: "", subject: "", author: "", language: "" }} meta={{ ...meta, pdfa: false }}>
      <Page size={theme.page.size} style={pageStyle(theme)}>
        {/* Grows to the foot of each page, so the notes space at the end can fill the last one. */}
        <View style={{ flexGrow: 1 }} {...{ [SHARED_BODY]: true }}>
          {/* Inside the body, not before it: react-pdf keeps a first block that does not fit below it on
              the page (drawn past the foot) when the block is the first thing in its parent. */}
          {offset > 0 ? <View style={{ height: offset }} /> : null}
          <CalloutsInPieces.Provider value={inPieces}>
            <Blocks blocks={withoutLeadingBreak(blocks)} theme={theme} />
          </CalloutsInPieces.Provider>
        </View>
      </Page>
    </PdfDocument>
  );
}

/** The prop that marks the shared part's body view in its laid-out pages. */
export const SHARED_BODY = "data-shared-body";

/** A page break before the very first block would make react-pdf 4 add pages without end (seen here:
 * minutes of CPU and gigabytes of memory); the first block starts the first page anyway. */
function withoutLeadingBreak(blocks: Block[]): Block[] {
  const [first, ...rest] = blocks;
  return first?.type === "section" && first.breakBefore ? [{ ...first, breakBefore: false }, ...rest] : blocks;
}
