// The running header (logo, hospital, document title, whose leaflet) and footer (sources, phone
// numbers, "page N of M") repeated on every page. `fixed` is what makes totalPages available.
import { Canvas, Image, Text, View } from "@react-pdf/renderer";
import { Fragment } from "react";
import type { LeafletDoc } from "../document/documentTypes.ts";
import { drawLine, measure, type Painter, type TextStyle } from "./canvasText.ts";
import { isolate } from "./isolate.ts";
import { end, inReadingOrder, side, type Theme } from "./theme.ts";

export function PageHeader({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const { margin, contentWidth } = theme.page;
  const logo = theme.largePrint ? 40 : theme.page.headerHeight * 0.57;
  const patientWidth = contentWidth * 0.4;
  const patient = (
    <Text
      style={{
        fontSize: theme.font.small,
        fontWeight: 700,
        color: theme.colour.text,
        ...(theme.largePrint ? { marginTop: 4 } : { width: patientWidth, textAlign: end(theme) }),
      }}
    >
      {doc.header.patient}
    </Text>
  );
  // Large print has no room for the patient's line beside the title: it gets a row of its own.
  return (
    <View
      fixed
      style={{
        position: "absolute",
        top: 0,
        left: 0,
        right: 0,
        height: theme.page.headerHeight,
        paddingHorizontal: margin,
        paddingTop: theme.largePrint ? 22 : theme.page.headerHeight * 0.25,
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
          // A set width, not flex-grow: react-pdf lays text out at the width before a row shrinks it, and
          // right-aligned (right-to-left) text would then run off the page.
          <View key="title" style={{ width: contentWidth - logo - 10 - (theme.largePrint ? 0 : patientWidth) }}>
            <Text style={{ fontSize: theme.font.small + 3, fontWeight: 700, color: theme.colour.primary }}>
              {doc.header.organisation}
            </Text>
            <Text style={{ fontSize: theme.font.small, color: theme.colour.text }}>{doc.header.title}</Text>
          </View>,
          theme.largePrint ? null : <Fragment key="patient">{patient}</Fragment>,
        ])}
      </View>
      {theme.largePrint ? patient : null}
    </View>
  );
}

const PAGE_LABEL_WIDTH_EM = 9.5;

export function PageFooter({ doc, theme }: { doc: LeafletDoc; theme: Theme }) {
  const { margin } = theme.page;
  const PAGE_LABEL_WIDTH = PAGE_LABEL_WIDTH_EM * theme.font.small;
  // Small print keeps under about 100 characters a line; large print (16 pt) cannot exceed it anyway.
  const measureGap = theme.largePrint ? 0 : PAGE_LABEL_WIDTH + 8;
  const small = { fontSize: theme.font.small, color: theme.colour.text, lineHeight: 1.3 };
  const { paddingEnd } = side(theme);
  const label: TextStyle = { size: theme.font.small, bold: true, lineHeight: theme.font.small * 1.3 };
  // Placed from the top and without a height: react-pdf 4 drops a fixed view holding a render-prop
  // Text when the view is placed with `bottom` or given a height (the Text has no size at layout time;
  // compare react-pdf issue #931).
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
      <Text style={{ ...small, [paddingEnd]: PAGE_LABEL_WIDTH + 8 }}>{doc.footer.source}</Text>
      {doc.footer.notice ? <Text style={{ ...small, [paddingEnd]: measureGap }}>{doc.footer.notice}</Text> : null}
      <Text style={{ ...small, [paddingEnd]: measureGap }}>
        {doc.footer.contacts.map((c, i) => `${i > 0 ? "  ·  " : ""}${c.label}: ${isolate(c.number, theme)}`).join("")}
      </Text>
      {/* Last, and placed absolutely (react-pdf 4 drops siblings that follow an absolute child in a fixed view). */}
      <Canvas
        style={{ position: "absolute", top: 5, [end(theme)]: 0, width: PAGE_LABEL_WIDTH, height: label.lineHeight }}
        paint={(painter: unknown, width: number, _height: number, page?: PageInfo) => {
          paintPageLabel(painter as unknown as Painter, doc.footer.pageLabel, page, width, label, theme);
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
 * "Page N of M", drawn on a canvas: react-pdf gives a canvas the page number and page count when it
 * draws (patches/@react-pdf+render), where a render-prop Text would make it lay every page out again.
 * Aligned to the end of its box, as the footer's other lines are to the start.
 */
function paintPageLabel(
  painter: Painter,
  pattern: string,
  page: PageInfo | undefined,
  width: number,
  style: TextStyle,
  theme: Theme,
): void {
  if (!page?.pageNumber || !page.totalPages)
    throw new Error("internal: the page label was drawn without its page number");
  const text = pattern.replace("{page}", String(page.pageNumber)).replace("{total}", String(page.totalPages));
  const rtl = theme.direction === "rtl";
  painter.fillColor(theme.colour.text);
  drawLine(painter, text, rtl ? 0 : width - measure(text, style), 0, style, rtl);
}
