// The card formats `leaflets generate --card-format` takes, on their own so that the order is checked
// before the renderer loads (a refused order never pays for it). The renderer's own list
// (src/render/card/renderCardPdf.tsx) must equal this one: test/cli/compiledCli.test.ts checks it.
export const CARD_FORMAT_NAMES = ["id1", "sheet"] as const;
