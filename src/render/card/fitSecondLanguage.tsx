// Where a bilingual card's second language fits: the back's text in the second language is set whole at
// 6.5 pt under a thin rule below the patient's text, or, where the back cannot hold it, left out whole
// (the card is then in the patient's language only, and the result says so). Never a part of it (a
// reader could take half the rules for all of them), never smaller type, never the patient's text smaller.
// The file keeps its one-language name, <drug>-card-<lang>.pdf: the card is the patient's, whether the
// second language fitted depends on the wording, and batch print jobs group cards by that name.
import { renderToBuffer } from "@react-pdf/renderer";
import { countPages } from "../../core/countPages.ts";
import type { Block, CardDoc } from "../../document/documentTypes.ts";
import { prepareFonts } from "../text/fontSetup.ts";
import type { Theme } from "../theme.ts";
import { FaceProbePdf } from "./CardPdf.tsx";

/** What became of a card's second language. */
export interface CardSecondLanguageResult {
  language: string;
  label: string;
  /** true: printed on the back; false: it did not fit, the card was printed without it. */
  printed: boolean;
}

export interface FittedCard {
  /** The card to print: its back keeps `second` only if it fits. */
  card: CardDoc;
  /** Absent for a card in one language. */
  secondLanguage?: CardSecondLanguageResult;
}

/** Measures the back with its second language on an ID-1 page (the same room as on a sheet or with bleed):
 * one page means it fits. A card without a second language comes back as it is, unmeasured. */
export async function fitSecondLanguage(card: CardDoc, theme: Theme): Promise<FittedCard> {
  const second = card.back.second;
  if (!second) return { card };
  await prepareFonts();
  const probe = await renderToBuffer(<FaceProbePdf face={card.back} theme={theme} />);
  const printed = countPages(new Uint8Array(probe.buffer, probe.byteOffset, probe.byteLength)) === 1;
  const { second: _dropped, ...back } = card.back;
  return {
    card: printed ? card : { ...card, back },
    secondLanguage: { language: second.language, label: second.label, printed },
  };
}

/** The card as checkGlyphs reads it: the back's second language as an aside block, so its text is checked too. */
export function withSecondLanguageAsBlock(card: CardDoc): CardDoc {
  const second = card.back.second;
  if (!second) return card;
  const aside: Block = {
    type: "aside",
    language: second.language,
    direction: second.direction,
    label: second.label,
    children: second.blocks,
  };
  const { second: _moved, ...back } = card.back;
  return { ...card, back: { ...back, blocks: [...back.blocks, aside] } };
}
