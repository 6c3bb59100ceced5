// LeafletDoc → PDF bytes, one call: checks first that every character can be drawn by the embedded fonts,
// then lays out the patient's part with react-pdf and joins the shared part (fonts: ../text/fontSetup.ts).

import { InternalError } from "../../core/errors.ts";
import type { LeafletDoc } from "../../document/documentTypes.ts";
import { checkGlyphs } from "../text/checkGlyphs.ts";
import { prepareFonts } from "../text/fontSetup.ts";
import type { Theme } from "../theme.ts";
import { composeLeaflet } from "./composeLeaflet.ts";
import { LeafletPdf, PATIENT_BODY, type PdfMeta } from "./LeafletPdf.tsx";
import { splitLeaflet } from "./leafletParts.ts";
import { renderLaidOut } from "./renderLaidOut.ts";
import { type SharedPart, sharedPart } from "./sharedPart.tsx";
import { framePage, joinOffset, usedOnLastPage } from "./sharedPartJoin.ts";

/**
 * The leaflet's PDF: the patient's part laid out for this order, the shared part reused (see
 * sharedPart.tsx). The shared part starts on the patient's last page, at the band below where the
 * patient's text ends (sharedPartJoin.ts); the patient's document gets a framed page for each shared
 * page after that one, before it is drawn, so every page's "page N of M" is right.
 */
export async function renderLeaflet(doc: LeafletDoc, theme: Theme, meta: PdfMeta): Promise<Uint8Array> {
  checkGlyphs(doc);
  await prepareFonts();
  const parts = splitLeaflet(doc.body);
  let shared: SharedPart | undefined;
  const patientPdf = await renderLaidOut(
    <LeafletPdf doc={doc} personal={parts.personal} theme={theme} meta={meta} />,
    async (layout) => {
      if (parts.shared.length === 0) return;
      const offset = joinOffset(usedOnLastPage(layout, PATIENT_BODY, theme), theme);
      shared = await sharedPart(doc, parts.shared, theme, offset ?? 0, meta.tags !== false);
      const last = layout.children.at(-1);
      if (!last) throw new InternalError("the patient's part has no page");
      const frames = shared.pageCount - (shared.offset > 0 ? 1 : 0);
      for (let i = 0; i < frames; i++) layout.children.push(framePage(last));
    },
  );
  return shared ? composeLeaflet(patientPdf, shared) : patientPdf;
}
