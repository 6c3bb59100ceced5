// Boxes are kept whole on one page, except where that would leave the page before less than half full:
// such a box is set in abutting pieces that may part between pages (CalloutInPieces.tsx), as a large-print
// urgent box always is. Found on the laid-out pages (renderLaidOut.ts); the shared part, where the long
// boxes are, is then laid out once more with that box in pieces (sharedPart.tsx), once per band.
import { createHash } from "node:crypto";
import { createContext } from "react";
import type { Block } from "../../document/documentTypes.ts";
import type { Theme } from "../theme.ts";
import type { LaidOutDocument, LaidOutNode } from "./renderLaidOut.ts";
import { contentBottom, textAreaHeight } from "./sharedPartJoin.ts";

/** The prop that names a whole box in the laid-out pages. */
export const CALLOUT_KEY = "data-callout";

/** The boxes (by calloutKey) to set in pieces. */
export const CalloutsInPieces = createContext<ReadonlySet<string>>(new Set());

/** A box's name: a hash of what it holds (the same box in every band of a shared part). */
export function calloutKey(block: Extract<Block, { type: "callout" }>): string {
  return createHash("sha256").update(JSON.stringify(block)).digest("hex").slice(0, 16);
}

/**
 * The first whole box that starts a page whose page before is less than half full, or undefined. The
 * page before is measured to the bottom of its body's last drawn box (`body`: the prop marking the body
 * view on every page).
 */
export function boxLeavingPageHalfEmpty(layout: LaidOutDocument, body: string, theme: Theme): string | undefined {
  const half = theme.page.top + textAreaHeight(theme) / 2;
  const pages = layout.children;
  for (let i = 0; i + 1 < pages.length; i++) {
    const view = bodyOf(pages[i] as LaidOutNode, body);
    if (!view?.box || view.box.top + contentBottom(view) >= half) continue;
    const next = bodyOf(pages[i + 1] as LaidOutNode, body);
    const key = next ? firstBox(next) : undefined;
    if (key) return key;
  }
  return undefined;
}

function bodyOf(page: LaidOutNode, body: string): LaidOutNode | undefined {
  return page.children?.find((node) => node.props[body]);
}

/** The box a node's first content is, through first children. */
function firstBox(node: LaidOutNode): string | undefined {
  for (let at: LaidOutNode | undefined = node; at; at = at.children?.find((child) => child.box && !child.props.fixed)) {
    const key = at.props[CALLOUT_KEY];
    if (typeof key === "string") return key;
  }
  return undefined;
}
