// The kinds of document an order prints, on their own so that the command line can name them in its
// help without loading the renderer.
export const DOCUMENT_KINDS = ["leaflet", "card"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
