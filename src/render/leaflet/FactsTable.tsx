// The personal facts (name, patient number, medicine, dose, dates…) as a ruled two-column table: the
// label in bold in the first third, the value beside it (in large print, the label above its value).
// Each row is drawn on a canvas as tall as its longer cell, so a page breaks between rows, never inside
// one: the values differ for every patient, and as react-pdf text every row was laid out again for
// every leaflet (and once more at each page break).
import { Canvas, View } from "@react-pdf/renderer";
import { asArtifact, contentElement, inElement, logicalText, type PaintInfo } from "../tags/canvasTags.ts";
import { tag } from "../tags/structureTag.ts";
import type { Painter } from "../text/canvasText.ts";
import type { Theme } from "../theme.ts";
import { drawBlocks, drawRule, heightOf, textBlock } from "./canvasBlocks.ts";

/** Thickness of the rules above the table and under each row, in points. */
const RULE = 0.75;
/** Share of the width the labels take beside their values. */
const LABEL_SHARE = 0.34;

export function FactsTable({
  items,
  theme,
  width,
}: {
  items: { label: string; value: string }[];
  theme: Theme;
  /** The width the table is drawn at. */
  width: number;
}) {
  return (
    <View {...tag("Table")} style={{ marginBottom: 6, borderTopWidth: RULE, borderTopColor: theme.colour.rule }}>
      {items.map((item) => {
        const row = factRow(item, theme, width);
        return <Canvas key={item.label} style={{ width, height: row.height }} paint={row.paint} />;
      })}
    </View>
  );
}

function factRow({ label, value }: { label: string; value: string }, theme: Theme, width: number) {
  const { body, lineHeight } = theme.font;
  const padding = 0.3 * body;
  const style = { size: body, colour: theme.colour.text, lineHeight };
  const labelWidth = theme.largePrint ? width : width * LABEL_SHARE;
  const valueWidth = theme.largePrint ? width : width - labelWidth;
  const labelBlock = textBlock(label, labelWidth, { ...style, bold: true });
  const valueBlock = textBlock(value, valueWidth, style);
  const cells = theme.largePrint
    ? heightOf([labelBlock, valueBlock])
    : Math.max(heightOf([labelBlock]), heightOf([valueBlock]));
  const height = padding + cells + padding + RULE;
  const rtl = theme.direction === "rtl";
  return {
    height,
    paint: (painter: unknown, _width: number, _height: number, info?: PaintInfo) => {
      const p = painter as Painter;
      const tags = info?.tags;
      // A row: the label is the row's header cell, the value its data cell.
      inElement(tags, "TR", () => {
        if (theme.largePrint) {
          const th = () => drawBlocks(p, [labelBlock], 0, padding, width, theme);
          contentElement(tags, "TH", th, logicalText([label], { scope: "Row" }, rtl));
          const valueTop = padding + heightOf([labelBlock]);
          contentElement(
            tags,
            "TD",
            () => drawBlocks(p, [valueBlock], 0, valueTop, width, theme),
            logicalText([value], {}, rtl),
          );
        } else {
          // In reading order: the label at the start of the row, the value after it.
          const th = () => drawBlocks(p, [labelBlock], rtl ? width - labelWidth : 0, padding, labelWidth, theme);
          contentElement(tags, "TH", th, logicalText([label], { scope: "Row" }, rtl));
          const td = () => drawBlocks(p, [valueBlock], rtl ? 0 : labelWidth, padding, valueWidth, theme);
          contentElement(tags, "TD", td, logicalText([value], {}, rtl));
        }
      });
      asArtifact(tags, () => drawRule(p, 0, height - RULE, width, RULE, theme.colour.rule));
      return null;
    },
  };
}
