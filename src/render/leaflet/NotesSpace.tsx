// The "My notes and questions" space at the end of a leaflet: its heading, then ruled lines on a canvas
// that grows to the foot of the page (the page's body view grows to the page, see LeafletPdf.tsx). It
// keeps a few lines with its heading: where those do not fit, the space starts a page of its own.
import { Canvas, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { artifact } from "../tags/structureTag.ts";
import type { Painter } from "../text/canvasText.ts";
import type { Theme } from "../theme.ts";
import { drawRule } from "./canvasBlocks.ts";

/** Lines kept with the heading at least: fewer would be no room to write in. */
const MIN_LINES = 5;
/** Handwriting needs more room than print: line pitch as a multiple of the body size, and its floor. */
const PITCH_EM = 2.2;
const MIN_PITCH = 22;
const RULE = 0.5;

/** `children`: the space's heading and text, drawn by the caller (Blocks.tsx). */
export function NotesSpace({ children, theme, width }: { children: ReactNode; theme: Theme; width: number }) {
  const pitch = Math.max(MIN_PITCH, PITCH_EM * theme.font.body);
  const paint = (painter: unknown, available: number, height: number) => {
    const p = painter as Painter;
    for (let top = pitch; top + RULE <= height; top += pitch)
      drawRule(p, 0, top - RULE, available, RULE, theme.colour.rule);
    return null;
  };
  return (
    <View wrap={false} style={{ flexGrow: 1, marginTop: 0.5 * theme.font.body }}>
      {children}
      <Canvas {...artifact()} style={{ width, flexGrow: 1, minHeight: MIN_LINES * pitch }} paint={paint} />
    </View>
  );
}
