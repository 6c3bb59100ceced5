// Where the shared part joins the patient's part: on the patient's last page, below the patient's text,
// at the next of fixed start heights ("bands"), so the general text flows on instead of starting a
// new page, and each band's layout is still made once and reused for every patient whose text ends in it
// (sharedPart.tsx). Works on react-pdf's laid-out pages (renderLaidOut.ts), before they are drawn.

import { InternalError } from "../../core/errors.ts";
import type { Theme } from "../theme.ts";
import type { LaidOutDocument, LaidOutNode } from "./renderLaidOut.ts";

/**
 * Bands per page: the shared part starts less than a body line (a 48th of the text area, 13.75 pt on A4)
 * below the patient's text. Patients whose texts are as long (the same medicine, regimen, cycles and
 * language) share one band and so one layout; every band in use costs one layout of the shared part.
 */
const BANDS = 48;

/** The text area's height (between the page's top and bottom padding), in points. */
export function textAreaHeight(theme: Theme): number {
  return theme.page.size[1] - theme.page.top - theme.page.bottom;
}

/**
 * The shared part's start on the patient's last page, below the top of the text area: the first band
 * at or below where the patient's text ends; undefined when no band is left on the page (the shared part
 * then starts a page of its own). A band too low for the shared part's first heading and its text is
 * harmless: react-pdf keeps them together on the next page, as anywhere else.
 */
export function joinOffset(used: number, theme: Theme): number | undefined {
  const step = textAreaHeight(theme) / BANDS;
  const band = Math.max(1, Math.ceil((used - 0.01) / step));
  return band < BANDS ? Math.round(band * step * 100) / 100 : undefined;
}

/**
 * How much of the text area the node marked `marker` takes on the last laid-out page, to the bottom of
 * its last drawn box: the bottom margins after it (the last section's, the last cycle's) are left out,
 * the shared part's first heading brings its own space above it.
 */
export function usedOnLastPage(layout: LaidOutDocument, marker: string, theme: Theme): number {
  const page = layout.children.at(-1);
  const body = page?.children?.find((node) => node.props[marker]);
  if (!body?.box) throw new InternalError("the patient's part has no body on its last page");
  return body.box.top + contentBottom(body) - theme.page.top;
}

/** The bottom of what a node draws, from its top: through the last of its children while the node itself
 * draws nothing under them (no bottom padding or border). Boxes are placed relative to their parent. */
export function contentBottom(node: LaidOutNode): number {
  const box = node.box;
  if (!box) return 0;
  const last = (node.children ?? []).filter((child) => child.box).at(-1);
  const style = (node as { style?: { paddingBottom?: number; borderBottomWidth?: number } }).style ?? {};
  if (!last?.box || node.type === "TEXT" || style.paddingBottom || style.borderBottomWidth) return box.height;
  return Math.min(box.height, last.box.top + contentBottom(last));
}

/** An empty framed page like `page`: its fixed header and footer only, for a shared page to be drawn into. */
export function framePage(page: LaidOutNode): LaidOutNode {
  return { ...page, children: (page.children ?? []).filter((node) => node.props.fixed) };
}
