// A large-print urgent box (a list of warning signs) can be taller than a page. react-pdf can neither
// keep an unbreakable block taller than the page (it draws its lines over each other) nor split a
// bordered box cleanly (it crushes what it moves). So the box is drawn as a stack of unbreakable pieces
// (each list item, with any heading or lead-in before it) that abut into one box and may part between pages.
import { View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block } from "../../document/documentTypes.ts";
import { pieceOf, tagOnce } from "../tags/sameElement.ts";
import type { Theme } from "../theme.ts";

export function CalloutInPieces({
  block,
  blocks,
  theme,
  width,
  padding,
  border,
  borderColour,
  drawPiece,
}: {
  /** The callout itself: its pieces are one element (Sect) for a screen reader. */
  block: Block;
  blocks: Block[];
  /** Draws one piece's blocks in the given width (Blocks.tsx passes itself). */
  drawPiece: (blocks: Block[], width: number) => ReactNode;
  theme: Theme;
  width: number;
  padding: number;
  border: number;
  borderColour: string;
}) {
  const pieces = piecesOf(blocks);
  const section = tagOnce(block, "Sect");
  const radius = 3;
  return (
    <>
      {pieces.map((piece, i) => {
        const first = i === 0;
        const last = i === pieces.length - 1;
        return (
          <View
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces are static for one render
            key={i}
            {...section}
            wrap={false}
            style={{
              // Never squeezed to fit the page's foot (its lines would overprint): it moves on instead.
              flexShrink: 0,
              marginTop: first ? 0.55 * theme.font.body : 0,
              marginBottom: last ? 0.55 * theme.font.body : 0,
              backgroundColor: theme.colour.accent,
              borderColor: borderColour,
              borderLeftWidth: border,
              borderRightWidth: border,
              borderTopWidth: first ? border : 0,
              borderBottomWidth: last ? border : 0,
              paddingHorizontal: padding,
              paddingTop: first ? padding : 0,
              paddingBottom: last ? padding : 0,
              ...(first ? { borderTopLeftRadius: radius, borderTopRightRadius: radius } : {}),
              ...(last ? { borderBottomLeftRadius: radius, borderBottomRightRadius: radius } : {}),
            }}
          >
            {drawPiece(piece, width - 2 * (padding + border))}
          </View>
        );
      })}
    </>
  );
}

/** Each block a piece of its own, each list item too; a heading or a lead-in paragraph goes with what
 * follows it (so a page never ends on "call if you notice any of these signs:"). */
function piecesOf(blocks: Block[]): Block[][] {
  const flat = blocks.flatMap((block): Block[] =>
    block.type === "list"
      ? block.items.map((item, i) => pieceOf({ ...block, items: [item], start: (block.start ?? 1) + i }, block))
      : [block],
  );
  const pieces: Block[][] = [];
  let pending: Block[] = [];
  for (const block of flat) {
    pending.push(block);
    if (block.type === "heading" || block.type === "paragraph") continue;
    pieces.push(pending);
    pending = [];
  }
  if (pending.length > 0) pieces.push(pending);
  return pieces;
}
