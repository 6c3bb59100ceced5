// The structure element a react-pdf node stands for in a tagged PDF (PDF/UA-1): a `tag` prop that the
// patched renderer (patches/@react-pdf+render) reads. `{...tag("P")}` on a Text or View; one new object
// per element, since the renderer makes one element per tag object (a node split across pages keeps it).

/** The standard structure types these documents use (ISO 32000-1, 14.8.4). */
export type StructRole =
  | "Document"
  | "Sect"
  | "Aside"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "Caption"
  | "THead"
  | "TBody"
  | "TR"
  | "TH"
  | "TD"
  | "Figure"
  | "Link"
  | "Span"
  | "Artifact";

export interface StructOptions {
  /** Language of the element, where it differs from the document's (a bilingual leaflet's aside). */
  lang?: string;
  /** Alternate description: required for a Figure. */
  alt?: string;
  /** The text the element stands for, where its drawn glyphs do not give it. */
  actual?: string;
  title?: string;
  /** A table header cell's scope. */
  scope?: "Row" | "Column" | "Both";
  /** The node's children are drawn in the reverse of their reading order (a right-to-left row):
   * the renderer puts their elements back in reading order. */
  kidsReversed?: boolean;
}

export interface StructTag extends StructOptions {
  role: StructRole;
}

/** Props that make a node a structure element; spread them into the element's props. */
export function tag(role: StructRole, options: StructOptions = {}): Record<string, unknown> {
  return { tag: { role, ...definedOnly(options) } satisfies StructTag };
}

/** Props that make a node and everything under it an artifact (running header, rules, decoration). */
export function artifact(): Record<string, unknown> {
  return tag("Artifact");
}

function definedOnly(options: StructOptions): StructOptions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (value) out[key] = value;
  return out;
}
