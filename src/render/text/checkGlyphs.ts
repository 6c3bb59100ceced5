// The last guard before printing: every character of every text in the document must be drawable by
// the embedded fonts, else the document is refused (react-pdf would silently print a wrong glyph).

import { UnprintableCharacterError } from "../../core/errors.ts";
import type { Block, CardDoc, LeafletDoc } from "../../document/documentTypes.ts";
import { canPrint } from "./fonts.ts";

export function checkGlyphs(doc: LeafletDoc | CardDoc): void {
  for (const [where, text] of "front" in doc ? cardTexts(doc) : textsOf(doc)) {
    for (const char of text) {
      if (!canPrint(char)) throw new UnprintableCharacterError(where, char);
    }
  }
}

function* textsOf(doc: LeafletDoc): Generator<[string, string]> {
  yield ["document title", doc.title];
  yield ["header", `${doc.header.organisation} ${doc.header.title} ${doc.header.patient}`];
  yield ["footer", `${doc.footer.source} ${doc.footer.notice} ${doc.footer.pageLabel} 0123456789`];
  for (const c of doc.footer.contacts) yield ["footer", `${c.label} ${c.number}`];
  yield* blockTexts(doc.body, "body");
}

function* cardTexts(card: CardDoc): Generator<[string, string]> {
  yield ["card title", card.title];
  for (const [side, face] of [
    ["card front", card.front],
    ["card back", card.back],
  ] as const) {
    yield [side, `${face.band.organisation} ${face.band.title}`];
    yield* blockTexts(face.blocks, side);
  }
}

function* blockTexts(blocks: Block[], where: string): Generator<[string, string]> {
  for (const block of blocks) {
    switch (block.type) {
      case "section":
        yield* blockTexts(block.children, `section "${block.id}"`);
        break;
      case "callout":
        yield* blockTexts(block.children, where);
        break;
      case "aside":
        yield [where, block.label];
        yield* blockTexts(block.children, `${where} (${block.language})`);
        break;
      case "heading":
      case "paragraph":
        yield [where, block.text.map((r) => r.text).join("")];
        break;
      case "list":
        for (const item of block.items) yield [where, item.map((r) => r.text).join("")];
        break;
      case "facts":
        for (const f of block.items) yield [where, `${f.label} ${f.value}`];
        break;
      case "contacts":
        for (const c of block.items) yield [where, `${c.label} ${c.number}`];
        break;
      case "address":
        yield [where, block.url];
        break;
      case "qr":
        yield [where, `${block.label} ${block.url}`];
        break;
      case "fitLine":
        yield [where, `${block.label} ${block.text}`];
        break;
      case "table":
        yield [where, [...block.header, block.tickLabel ?? "", ...block.rows.flat()].join(" ")];
        break;
      case "calendar":
        yield [where, block.legendTitle];
        for (const k of block.legend) yield [where, `${k.symbol} ${k.text}`];
        for (const names of block.weekdays) yield [where, names.join(" ")];
        for (const cycle of block.cycles) {
          yield [where, [cycle.title, cycle.continued, ...cycle.lines, ...cycle.weeks.map((w) => w.heading)].join(" ")];
          if (cycle.second)
            yield [
              where,
              [cycle.second.label, cycle.second.title, cycle.second.continued, ...cycle.second.lines].join(" "),
            ];
          for (const day of cycle.weeks.flatMap((w) => w.days)) {
            if (!day) continue;
            yield [
              where,
              `${day.label} ${day.date} ${day.rest ?? ""} ${day.doses.map((d) => `${d.symbol} ${d.text}`).join(" ")}`,
            ];
          }
        }
        break;
    }
  }
}
