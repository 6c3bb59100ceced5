// Padding for double-sided printing: a leaflet with an odd page count gets a back page that says it is
// intentionally left blank (render/leaflet/BlankBackPage.tsx), so the next leaflet on the printer starts on a
// front page and no sheet holds two patients' pages. Used by `generate --duplex`, the web page's duplex
// option and every merged print job (`batch --merge`).
import { PDFDocument } from "pdf-lib";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { createTranslator } from "../content/createTranslator.ts";
import { InternalError, OrderNotValidatedError } from "../core/errors.ts";
import { type BlankBackPageText, renderBlankBackPage } from "../render/leaflet/BlankBackPage.tsx";
import type { PdfMeta } from "../render/PdfDocument.tsx";

/** The blank page's words in the leaflet's language, and in a bilingual leaflet's second language too. */
export function blankBackPageText(
  catalog: Catalog,
  language: string,
  secondLanguage: string | undefined,
  patientId: string,
): BlankBackPageText {
  const lookup = (code: string) => {
    const bundle = catalog.locales.get(code);
    if (!bundle) throw new OrderNotValidatedError(`language "${code}" not in the catalog (was the order validated?)`);
    return { t: createTranslator(bundle, "common"), direction: bundle.meta.direction };
  };
  const first = lookup(language);
  const languages = secondLanguage ? [first, lookup(secondLanguage)] : [first];
  return {
    language,
    messages: languages.map(({ t, direction }) => ({ text: t("duplex.blankPage"), direction })),
    footer: { text: first.t("duplex.footer", { patientId }), direction: first.direction },
  };
}

/** Adds the blank back page to `pdf` (in place) if its page count is odd; says whether it did. */
export async function appendBlankBackPage(pdf: PDFDocument, text: BlankBackPageText, meta: PdfMeta): Promise<boolean> {
  const count = pdf.getPageCount();
  if (count % 2 === 0) return false;
  const last = pdf.getPage(count - 1);
  const { width, height } = last.getSize();
  const blank = await PDFDocument.load(await renderBlankBackPage(text, [width, height], meta));
  const [page] = await pdf.copyPages(blank, [0]);
  if (!page) throw new InternalError("the blank back page has no page");
  pdf.addPage(page);
  return true;
}

/** A whole leaflet padded to an even page count (the same bytes when it already is even). */
export async function padLeafletForDuplex(
  bytes: Uint8Array,
  text: BlankBackPageText,
  meta: PdfMeta,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  if (!(await appendBlankBackPage(pdf, text, meta))) return bytes;
  return pdf.save({ useObjectStreams: false });
}
