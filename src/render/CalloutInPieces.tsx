// A large-print urgent box (a list of warning signs) can be taller than a page. react-pdf can neither
// keep an unbreakable block taller than the page (it draws its lines over each other) nor split a
// bordered box cleanly (it crushes what it moves). So the box is drawn as a stack of unbreakable pieces,
// a heading with what follows it and then each block, that abut into one box and may part between pages.
import { View } from "@react-pdf/renderer";
import type { Block } from "../document/documentTypes.ts";
import { Blocks } from "./Blocks.tsx";
import type { Theme } from "./theme.ts";

export function CalloutInPieces({
  blocks,
  theme,
  width,
  padding,
  border,
  borderColour,
}: {
  blocks: Block[];
  theme: Theme;
  width: number;
  padding: number;
  border: number;
  borderColour: string;
}) {
  const pieces = piecesOf(blocks);
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
            <Blocks blocks={piece} theme={theme} width={width - 2 * (padding + border)} />
          </View>
        );
      })}
    </>
  );
}

/** Each block a piece of its own, a heading together with the block after it. */
function piecesOf(blocks: Block[]): Block[][] {
  const pieces: Block[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const next = blocks[i + 1];
    if (block.type === "heading" && next) {
      pieces.push([block, next]);
      i++;
    } else pieces.push([block]);
  }
  return pieces;
}
