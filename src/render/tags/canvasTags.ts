// Tagging what a canvas draws: the patched renderer hands a canvas's paint function a `tags` helper
// (fourth argument) when the document is tagged. These wrappers take that helper or nothing, so the
// same paint code draws an untagged document (`--no-tags`) unchanged.
import type { StructOptions, StructRole } from "./structureTag.ts";

/** What the patched renderer gives a paint function (see `taggingApi` in patches/@react-pdf+render). */
export interface CanvasTags {
  element<T>(role: StructRole, options: StructOptions | undefined, draw: () => T): T;
  content(draw: () => void): void;
  artifact(draw: () => void): void;
}

/** The fourth argument of a canvas's paint function. */
export interface PaintInfo {
  pageNumber?: number;
  totalPages?: number;
  tags?: CanvasTags;
}

/** Draws inside a new structure element under the current one. */
export function inElement<T>(
  tags: CanvasTags | undefined,
  role: StructRole,
  draw: () => T,
  options?: StructOptions,
): T {
  return tags ? tags.element(role, options, draw) : draw();
}

/** Draws as the current element's content. */
export function asContent(tags: CanvasTags | undefined, draw: () => void): void {
  if (tags) tags.content(draw);
  else draw();
}

/** Draws as an artifact: rules, shading, tick boxes, the running header and footer. */
export function asArtifact(tags: CanvasTags | undefined, draw: () => void): void {
  if (tags) tags.artifact(draw);
  else draw();
}

const RTL_TEXT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The options that give an element holding right-to-left text, or set right to left (`rtl`), its
 * logical text as ActualText: canvas
 * text is drawn in visual order and shaped, so without it a screen reader gets the words reversed
 * (react-pdf's own text gets the same from the patched renderer).
 */
export function logicalText(texts: string[], options: StructOptions = {}, rtl = false): StructOptions {
  const text = texts.join(" ");
  return rtl || RTL_TEXT.test(text) ? { ...options, actual: text.replace(BIDI_CONTROLS, "") } : options;
}

/** An element whose whole content is drawn by `draw` (a cell, a line of text). */
export function contentElement(
  tags: CanvasTags | undefined,
  role: StructRole,
  draw: () => void,
  options?: StructOptions,
): void {
  inElement(tags, role, () => asContent(tags, draw), options);
}
