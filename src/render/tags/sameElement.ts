// A block laid out in pieces (a list split after its first item so the heading stays with it, a
// large-print callout set item by item) is one element for a screen reader: each piece is linked to the
// block it came from, and the tag props are made once per original block.
import { type StructOptions, type StructRole, tag } from "./structureTag.ts";

const origins = new WeakMap<object, object>();
const tags = new WeakMap<object, Map<string, Record<string, unknown>>>();

/** Records that `piece` is part of `original` (or of what `original` is itself part of). */
export function pieceOf<T extends object>(piece: T, original: object): T {
  origins.set(piece, origins.get(original) ?? original);
  return piece;
}

/** The tag props for `block`'s element of `role`: the same object for every piece of one block. */
export function tagOnce(block: object, role: StructRole, options?: StructOptions): Record<string, unknown> {
  const origin = origins.get(block) ?? block;
  let byRole = tags.get(origin);
  if (!byRole) {
    byRole = new Map();
    tags.set(origin, byRole);
  }
  let props = byRole.get(role);
  if (!props) {
    props = tag(role, options);
    byRole.set(role, props);
  }
  return props;
}
