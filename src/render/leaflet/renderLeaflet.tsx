// LeafletDoc → PDF bytes, one call: checks first that every character can be drawn by the embedded fonts,
// then lays out the patient's part with react-pdf and joins the shared part (fonts: ../text/fontSetup.ts).
import { renderToBuffer } from "@react-pdf/renderer";
import type { LeafletDoc } from "../../document/documentTypes.ts";
import { checkGlyphs } from "../text/checkGlyphs.ts";
import { prepareFonts } from "../text/fontSetup.ts";
import type { Theme } from "../theme.ts";
import { composeLeaflet } from "./composeLeaflet.ts";
import { LeafletPdf, type PdfMeta } from "./LeafletPdf.tsx";
import { splitLeaflet } from "./leafletParts.ts";
import { sharedPart } from "./sharedPart.tsx";

/** The leaflet's PDF: the patient's part laid out for this order, the shared part reused (see sharedPart.tsx). */
export async function renderLeaflet(doc: LeafletDoc, theme: Theme, meta: PdfMeta): Promise<Uint8Array> {
  checkGlyphs(doc);
  await prepareFonts();
  const parts = splitLeaflet(doc.body);
  const shared = parts.shared.length > 0 ? await sharedPart(doc, parts.shared, theme) : undefined;
  const buffer = await renderToBuffer(
    <LeafletPdf doc={doc} personal={parts.personal} framePages={shared?.pageCount ?? 0} theme={theme} meta={meta} />,
  );
  const patientPdf = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return shared ? composeLeaflet(patientPdf, shared) : patientPdf;
}
