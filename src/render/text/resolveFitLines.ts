// A tree → tree step before rendering: gives every fit line the type size at which it fits its width
// (or throws TextDoesNotFitError naming the field), so the refusal happens here, outside React — an
// error thrown inside a react-pdf render is swallowed and turns into a crash.
import type { Block, CardDoc, CardFace } from "../../document/documentTypes.ts";
import { fitSize } from "./fitText.ts";

export function resolveFitLines(card: CardDoc, width: number): CardDoc {
  return { ...card, front: resolveFace(card.front, width), back: resolveFace(card.back, width) };
}

function resolveFace(face: CardFace, width: number): CardFace {
  return { ...face, blocks: face.blocks.map((block) => resolveBlock(block, width)) };
}

function resolveBlock(block: Block, width: number): Block {
  if (block.type !== "fitLine") return block;
  return { ...block, size: fitSize(block.text, width, block.maxSize, block.minSize, block.field) };
}
