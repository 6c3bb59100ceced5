// The back page a leaflet with an odd page count gets for double-sided printing: it says, in the
// leaflet's language(s), that it is intentionally left blank, and carries the patient id (never the
// name) in its footer, so a sheet never holds two patients' pages and a loose sheet can be matched.
// Plain black on white in the embedded fonts: it is the same for every brand.
import { Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { Direction } from "../../core/bidi.ts";
import { PdfDocument, type PdfMeta } from "../PdfDocument.tsx";
import { artifact } from "../tags/structureTag.ts";
import { prepareFonts } from "../text/fontSetup.ts";
import { FONT_STACK } from "../text/fonts.ts";

export interface BlankBackPageText {
  /** "This page is intentionally left blank." in each of the leaflet's languages, patient's first. */
  messages: { text: string; direction: Direction }[];
  /** "Patient number: …" in the patient's language. */
  footer: { text: string; direction: Direction };
  language: string;
}

/** One page of the given size (points), as a PDF. */
export async function renderBlankBackPage(
  text: BlankBackPageText,
  size: [number, number],
  meta: PdfMeta,
): Promise<Uint8Array> {
  await prepareFonts();
  const buffer = await renderToBuffer(
    <PdfDocument info={{ title: "", subject: "", author: "", language: text.language }} meta={meta}>
      <Page size={size} style={{ fontFamily: FONT_STACK, fontSize: 11, color: "#000000", padding: 56 }}>
        {/* The notice and its footer are artifacts (pagination): not part of any leaflet's content. */}
        <View {...artifact()} style={{ flexGrow: 1, justifyContent: "center", alignItems: "center" }}>
          {text.messages.map((m) => (
            <Text key={m.text} style={{ direction: m.direction, textAlign: "center", marginBottom: 8 }}>
              {m.text}
            </Text>
          ))}
        </View>
        <Text {...artifact()} style={{ direction: text.footer.direction, textAlign: "center", fontSize: 9 }}>
          {text.footer.text}
        </Text>
      </Page>
    </PdfDocument>,
  );
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
