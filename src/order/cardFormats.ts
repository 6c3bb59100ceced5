// The card formats (`leaflets generate --card-format`, the web page's `format`): one list for the command,
// the server and the renderer, on its own so that an order is checked before the renderer loads.
export const CARD_FORMATS = ["id1", "sheet"] as const;
export type CardFormat = (typeof CARD_FORMATS)[number];
