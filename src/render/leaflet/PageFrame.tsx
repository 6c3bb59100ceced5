// The running header (logo, hospital, document title, whose leaflet) and footer (whose leaflet, phone
// numbers, "page N of M", the translation notice) on every page: the logo as an Image and everything else drawn on one canvas
// over the page (canvasText.ts), both `fixed` so react-pdf repeats them. react-pdf resolves the styles of
// every node of a fixed element and lays it out again on every page: as react-pdf Text the header and
// footer were about a fifth of a leaflet's rendering time, as nested views with canvases still over a
// millisecond per page. Lines break at the same widths; line heights are react-pdf's own (the font's
// natural height in the header, 1.3 in the footer).

import { Canvas, Image } from "@react-pdf/renderer";
import { logoImage } from "../../catalog/logoImages.ts";
import { InternalError } from "../../core/errors.ts";
import type { LeafletDoc } from "../../document/documentTypes.ts";
import { artifact } from "../tags/structureTag.ts";
import type { Painter } from "../text/canvasText.ts";
import type { Theme } from "../theme.ts";
import { drawBlocks, drawRule, heightOf, textBlock } from "./canvasBlocks.ts";
import { isolate } from "./isolate.ts";

/**
 * The whole frame of a page: the logo (an Image) and one canvas over the page that draws the header's
 * texts and rule, the footer's rule and texts, and the page label. Two nodes per page instead of a
 * header and footer of nested views: react-pdf resolves the styles and lays out every node of a fixed
 * element again on every page.
 */
export function PageFrame({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const [width, height] = theme.page.size;
  const header = headerLayout(doc, theme);
  const footer = footerLayout(doc, theme);
  return (
    <>
      {/* The running header and footer are artifacts (pagination), not the leaflet's content. */}
      <Image
        {...artifact()}
        fixed
        src={logoImage(theme.logoPath)}
        style={{
          position: "absolute",
          left: header.logo.x,
          top: header.logo.y,
          width: header.logo.size,
          height: header.logo.size,
        }}
      />
      <Canvas
        {...artifact()}
        fixed
        style={{ position: "absolute", left: 0, top: 0, width, height }}
        paint={(painter: unknown, _width: number, _height: number, page?: PageInfo) => {
          const p = painter as Painter;
          header.paint(p);
          footer.paint(p, page);
          return null;
        }}
      />
    </>
  );
}

/** The header: the logo beside the hospital and title at the start, the patient's line at the end (in
 * large print on a row of its own below), and a rule under it all. Positions on the page, in points. */
function headerLayout(doc: LeafletDoc, theme: Theme) {
  const { margin, contentWidth, headerHeight } = theme.page;
  const [pageWidth] = theme.page.size;
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
  const naturalRow = Math.max(logo, heightOf(title), theme.largePrint ? 0 : heightOf([patient]));
  const rowTop = theme.largePrint ? 22 : headerHeight * 0.25;
  // Large print: where the row and the patient's line together are taller than the header, both give up
  // height in proportion (as flex items shrink), and the texts stay centred on the shorter row.
  const patientRow = theme.largePrint ? 4 + heightOf([patient]) : 0;
  const over = Math.max(0, rowTop + naturalRow + patientRow - (headerHeight - RULE.header));
  const rowHeight = naturalRow - (over * naturalRow) / (naturalRow + patientRow);
  const rtl = theme.direction === "rtl";
  // The logo at the start of the row, the texts after it (10 pt apart); both centred on the row.
  const textLeft = rtl ? margin : margin + logo + 10;
  return {
    logo: { x: rtl ? pageWidth - margin - logo : margin, y: rowTop + (rowHeight - logo) / 2, size: logo },
    paint(p: Painter) {
      drawRule(p, 0, headerHeight - RULE.header, pageWidth, RULE.header, theme.colour.primary);
      drawBlocks(
        p,
        title,
        textLeft + (rtl ? textWidth - titleWidth : 0),
        rowTop + (rowHeight - heightOf(title)) / 2,
        titleWidth,
        theme,
      );
      if (!theme.largePrint) {
        const x = textLeft + (rtl ? 0 : textWidth - patientWidth);
        drawBlocks(p, [patient], x, rowTop + (rowHeight - heightOf([patient])) / 2, patientWidth, theme, "end");
      } else {
        drawBlocks(p, [patient], margin, rowTop + rowHeight + 4, contentWidth, theme);
      }
    },
  };
}

/** Thickness of the rule under the header and over the footer, in points. */
const RULE = { header: 3, footer: 0.75 };

const PAGE_LABEL_WIDTH_EM = 9.5;

/** Lines of whose leaflet and the phone numbers the footer's room is made for (theme.ts), besides up to
 * two of the translation notice (one in most languages; a bilingual leaflet's notice in both may take
 * two): small print two (whose leaflet with the page label, the phone numbers), large print three (whose
 * leaflet, the page label with the nurse line, the 24-hour number). */
export const FOOTER_LINES = { small: 2, large: 3 };
/** The smallest size small print's footer shrinks to when a long name or number needs more lines. */
const FOOTER_MIN_SIZE = 7;

/** The footer: a rule, then whose leaflet it is (name and id) with "page N of M" at the end of that line,
 * the nurse line and 24-hour number, and the unreviewed-translation notice if there is one. The sources
 * are in the leaflet's "Where this information comes from". */
function footerLayout(doc: LeafletDoc, theme: Theme) {
  const { margin, contentWidth } = theme.page;
  const labelWidth = PAGE_LABEL_WIDTH_EM * theme.font.small;
  const layout = (size: number) => {
    const line = { size, colour: theme.colour.text, lineHeight: 1.3 };
    const contacts = doc.footer.contacts.map((c) => `${c.label}: ${isolate(c.number, theme)}`);
    const patient = textBlock(doc.header.patient, contentWidth - (theme.largePrint ? 0 : labelWidth + 8), line);
    // Large print: the page label shares its line with the nurse line; each number on a line of its own.
    const numbers = theme.largePrint
      ? contacts.map((c, i) => textBlock(c, contentWidth - (i === 0 ? labelWidth + 8 : 0), line))
      : [textBlock(contacts.join("  ·  "), contentWidth, line)];
    const notice = textBlock(doc.footer.notice ?? "", contentWidth, line);
    const blocks = [patient, ...numbers, notice];
    const labelTop = theme.largePrint ? heightOf([patient]) : 0;
    const lines = [patient, ...numbers].reduce((n, b) => n + b.lines.length, 0);
    return { line, blocks, labelTop, lines };
  };
  let footer = layout(theme.font.small);
  // Small print: a name or number too long for the room set smaller, rather than over the page's edge.
  for (let size = theme.font.small - 0.5; !theme.largePrint && footer.lines > FOOTER_LINES.small; size -= 0.5) {
    if (size < FOOTER_MIN_SIZE) break;
    footer = layout(size);
  }
  const top = theme.page.size[1] - theme.page.footerRoom;
  const textTop = top + RULE.footer + 5;
  return {
    paint(p: Painter, page: PageInfo | undefined) {
      drawRule(p, margin, top, contentWidth, RULE.footer, theme.colour.rule);
      drawBlocks(p, footer.blocks, margin, textTop, contentWidth, theme);
      const label = pageLabel(doc.footer.pageLabel, page);
      drawBlocks(
        p,
        [textBlock(label, contentWidth, { ...footer.line, size: theme.font.small, bold: true })],
        margin,
        textTop + footer.labelTop,
        contentWidth,
        theme,
        "end",
      );
    },
  };
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
    throw new InternalError("the page label was drawn without its page number");
  return pattern.replace("{page}", String(page.pageNumber)).replace("{total}", String(page.totalPages));
}
