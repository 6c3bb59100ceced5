// Splits a leaflet's body into the part written for this patient (personal block, contacts, calendar or
// visit plan) and the part shared by every patient of the same medicine, language, brand and paper
// (what the medicine is, side effects, pregnancy prevention, sources). The shared part starts at the
// first section the template marks `shared="true"` and runs to the end; it is rendered once (per start
// height on the patient's last page) and reused.
import { createHash } from "node:crypto";
import type { Block, LeafletDoc } from "../../document/documentTypes.ts";
import type { Theme } from "../theme.ts";

export interface LeafletParts {
  personal: Block[];
  shared: Block[];
}

export function splitLeaflet(body: Block[]): LeafletParts {
  const start = body.findIndex((block) => block.type === "section" && block.shared);
  if (start < 0) return { personal: body, shared: [] };
  return { personal: body.slice(0, start), shared: body.slice(start) };
}

/**
 * The identity of a rendered shared part: a hash of exactly what is drawn (the blocks, the theme, the
 * language and direction). Anything patient-specific that reaches a shared section changes the hash, so
 * a wrongly marked section costs speed, never a wrong leaflet.
 */
export function sharedPartKey(doc: LeafletDoc, shared: Block[], theme: Theme, offset = 0): string {
  return createHash("sha256")
    .update(JSON.stringify({ language: doc.language, direction: doc.direction, theme, offset, shared }))
    .digest("hex");
}
