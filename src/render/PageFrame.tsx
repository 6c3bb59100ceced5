// The running header (logo, hospital, document title, whose leaflet) and footer (sources, phone
// numbers, "page N of M") repeated on every page. `fixed` repeats them. Their texts are drawn on
// canvases (canvasText.ts) rather than laid out as react-pdf Text: react-pdf lays every fixed element
// out again on every page, which made the header and footer about a fifth of a leaflet's rendering time.
// Lines are broken to the same widths as before; line heights are react-pdf's own (the font's natural
// height in the header, 1.3 in the footer).
import { Canvas, Image, View } from "@react-pdf/renderer";
import type { LeafletDoc } from "../document/documentTypes.ts";
import { drawBlocks, heightOf, textBlock } from "./canvasBlocks.ts";
import type { Painter } from "./canvasText.ts";
import { isolate } from "./isolate.ts";
import { inReadingOrder, side, type Theme } from "./theme.ts";

export function PageHeader({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const { margin, contentWidth, headerHeight } = theme.page;
  const { small } = theme.font;
  const logo = theme.largePrint ? 40 : headerHeight * 0.57;
  const patientWidth = contentWidth * 0.4;
  const textWidth = contentWidth - logo - 10;
  const titleWidth = textWidth - (theme.largePrint ? 0 : patientWidth);
  const title = [
    textBlock(doc.header.organisation, titleWidth, { size: small + 3, bold: true, colour: theme.colour.primary }),
    textBlock(doc.header.title, titleWidth, { size: small, colour: theme.colour.text }),
  ];
  // Large print has no room for the patient's line beside the title: it gets a row of its own.
  const patientLineWidth = theme.largePrint ? contentWidth : patientWidth;
  const patient = textBlock(doc.header.patient, patientLineWidth, {
    size: small,
    bold: true,
    colour: theme.colour.text,
  });
  const rowHeight = Math.max(logo, heightOf(title), theme.largePrint ? 0 : heightOf([patient]));
  const rtl = theme.direction === "rtl";
  return (
    <View
      fixed
      style={{
        position: "absolute",
        top: 0,
        left: 0,
        right: 0,
        height: headerHeight,
        paddingHorizontal: margin,
        paddingTop: theme.largePrint ? 22 : headerHeight * 0.25,
        borderBottomWidth: 3,
        borderBottomColor: theme.colour.primary,
      }}
    >
      <View style={{ flexDirection: "row", alignItems: "center" }}>
        {inReadingOrder(theme, [
          <Image
            key="logo"
            src={theme.logoPath}
            style={{ width: logo, height: logo, [side(theme).marginEnd]: 10, flexShrink: 0 }}
          />,
          <Canvas
            key="text"
            style={{ width: textWidth, height: rowHeight, flexShrink: 0 }}
            paint={(painter: unknown) => {
              const p = painter as Painter;
              // The title block at the start, the patient's line at the end, each centred on the row.
              drawBlocks(
                p,
                title,
                rtl ? textWidth - titleWidth : 0,
                (rowHeight - heightOf(title)) / 2,
                titleWidth,
                theme,
              );
              if (!theme.largePrint) {
                const x = rtl ? 0 : textWidth - patientWidth;
                drawBlocks(p, [patient], x, (rowHeight - heightOf([patient])) / 2, patientWidth, theme, "end");
              }
              return null;
            }}
          />,
        ])}
      </View>
      {theme.largePrint ? (
        <Canvas
          style={{ width: contentWidth, height: heightOf([patient]), marginTop: 4 }}
          paint={(painter: unknown) => {
            drawBlocks(painter as Painter, [patient], 0, 0, contentWidth, theme);
            return null;
          }}
        />
      ) : null}
    </View>
  );
}

const PAGE_LABEL_WIDTH_EM = 9.5;

export function PageFooter({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const { margin, contentWidth } = theme.page;
  const { small } = theme.font;
  const labelWidth = PAGE_LABEL_WIDTH_EM * small;
  // Small print keeps under about 100 characters a line; large print (16 pt) cannot exceed it anyway.
  const measureGap = theme.largePrint ? 0 : labelWidth + 8;
  const line = { size: small, colour: theme.colour.text, lineHeight: 1.3 };
  const contacts = doc.footer.contacts
    .map((c, i) => `${i > 0 ? "  ·  " : ""}${c.label}: ${isolate(c.number, theme)}`)
    .join("");
  const lines = [
    textBlock(doc.footer.source, contentWidth - labelWidth - 8, line),
    textBlock(doc.footer.notice ?? "", contentWidth - measureGap, line),
    textBlock(contacts, contentWidth - measureGap, line),
  ];
  const labelHeight = small * 1.3;
  return (
    <View
      fixed
      style={{
        position: "absolute",
        top: theme.page.size[1] - theme.page.footerRoom,
        left: margin,
        right: margin,
        borderTopWidth: 0.75,
        borderTopColor: theme.colour.rule,
        paddingTop: 5,
      }}
    >
      <Canvas
        style={{ width: contentWidth, height: Math.max(heightOf(lines), labelHeight) }}
        paint={(painter: unknown, width: number, _height: number, page?: PageInfo) => {
          const p = painter as Painter;
          drawBlocks(p, lines, 0, 0, width, theme);
          const label = pageLabel(doc.footer.pageLabel, page);
          drawBlocks(p, [textBlock(label, width, { ...line, bold: true })], 0, 0, width, theme, "end");
          return null;
        }}
      />
    </View>
  );
}

/** What the patched react-pdf passes a canvas's paint function after its size. */
interface PageInfo {
  pageNumber?: number;
  totalPages?: number;
}

/**
 * "Page N of M", drawn at the end of the footer's first line: react-pdf gives a canvas the page number
 * and page count when it draws (patches/@react-pdf+render), where a render-prop Text would make it lay
 * every page out again.
 */
function pageLabel(pattern: string, page: PageInfo | undefined): string {
  if (!page?.pageNumber || !page.totalPages)
    throw new Error("internal: the page label was drawn without its page number");
  return pattern.replace("{page}", String(page.pageNumber)).replace("{total}", String(page.totalPages));
}
