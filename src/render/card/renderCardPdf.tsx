// CardDoc → PDF bytes in the asked format. Checks the glyphs, keeps a second language only where it fits
// (fitSecondLanguage.tsx), renders, refuses a card whose own text ran over (an extra page), and for print
// shops sets the TrimBox and BleedBox that react-pdf cannot (pdf-lib).
import { renderToBuffer } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { countPages } from "../../core/countPages.ts";
import { CardOverflowError, InternalError } from "../../core/errors.ts";
import type { CardDoc } from "../../document/documentTypes.ts";
import type { PdfMeta } from "../PdfDocument.tsx";
import { checkGlyphs } from "../text/checkGlyphs.ts";
import { prepareFonts } from "../text/fontSetup.ts";
import { resolveFitLines } from "../text/resolveFitLines.ts";
import type { Theme } from "../theme.ts";
import { CardSheetPdf, SingleCardPdf } from "./CardPdf.tsx";
import { CARD_HEIGHT, CARD_WIDTH, cardsPerSheet, SHEET, type SheetLayout, singleCardPage } from "./cardGeometry.ts";
import { type CardSecondLanguageResult, fitSecondLanguage, withSecondLanguageAsBlock } from "./fitSecondLanguage.tsx";

/** A single card (front and back pages), refused if any face ran over. `bleed` in points. */
export async function renderSingleCard(
  unresolved: CardDoc,
  theme: Theme,
  meta: PdfMeta,
  bleed = 0,
): Promise<Uint8Array> {
  return (await renderCard(unresolved, theme, meta, bleed)).bytes;
}

/** A single card, and what became of its second language (printed on the back, or left out because it
 * did not fit; absent for a card in one language). */
export async function renderCard(
  unresolved: CardDoc,
  theme: Theme,
  meta: PdfMeta,
  bleed = 0,
): Promise<{ bytes: Uint8Array; secondLanguage?: CardSecondLanguageResult }> {
  checkGlyphs(withSecondLanguageAsBlock(unresolved));
  await prepareFonts(); // fit sizes are measured with the loaded fonts
  const fitted = await fitSecondLanguage(resolveFitLines(unresolved, theme.page.contentWidth), theme);
  const { card } = fitted;
  const bytes = toBytes(await renderToBuffer(<SingleCardPdf card={card} theme={theme} meta={meta} bleed={bleed} />));
  if (countPages(bytes) !== 2) throw new CardOverflowError(card.language);
  return {
    bytes: bleed > 0 ? await setPrintBoxes(bytes, bleed) : bytes,
    ...(fitted.secondLanguage ? { secondLanguage: fitted.secondLanguage } : {}),
  };
}

/** Sheets of up to 10 cards each (A4; 8 on Letter); the cards must have been checked with renderSingleCard
 * first (a second language is measured again here, with the same result, so both formats print the same back). */
export async function renderCardSheets(
  unresolved: CardDoc[],
  theme: Theme,
  meta: PdfMeta,
  layout: SheetLayout = SHEET,
): Promise<Uint8Array> {
  for (const card of unresolved) checkGlyphs(withSecondLanguageAsBlock(card));
  await prepareFonts(); // fit sizes are measured with the loaded fonts
  const cards: CardDoc[] = [];
  for (const card of unresolved) {
    cards.push((await fitSecondLanguage(resolveFitLines(card, theme.page.contentWidth), theme)).card);
  }
  const bytes = toBytes(await renderToBuffer(<CardSheetPdf cards={cards} theme={theme} meta={meta} layout={layout} />));
  const expected = 2 * Math.ceil(cards.length / cardsPerSheet(layout));
  if (countPages(bytes) !== expected)
    throw new InternalError(`a card sheet has ${countPages(bytes)} pages, not ${expected}`);
  return bytes;
}

/** TrimBox = the card, BleedBox = the card plus the bleed, on every page (PDF coordinates: origin bottom left). */
async function setPrintBoxes(bytes: Uint8Array, bleed: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { trim } = singleCardPage(bleed);
  for (const page of pdf.getPages()) {
    page.setTrimBox(trim.x, trim.y, CARD_WIDTH, CARD_HEIGHT);
    page.setBleedBox(trim.x - bleed, trim.y - bleed, CARD_WIDTH + 2 * bleed, CARD_HEIGHT + 2 * bleed);
  }
  return pdf.save({ useObjectStreams: false });
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
