// One order from JSON bytes (a file, standard input, an HTTP body, a JSON Lines row): strictly decoded as
// UTF-8, parsed with duplicate keys refused, and checked to be one JSON object. Problems are named like
// validateOrder's (field and message) and never quote the input.
import type { FieldProblem } from "../core/errors.ts";
import { decodeUtf8 } from "./decodeUtf8.ts";
import { parseStrictJson } from "./parseStrictJson.ts";

/** The most an order may weigh, everywhere: one order is a few hundred bytes. */
export const ORDER_LIMIT_BYTES = 1024 * 1024;

export type ParsedOrder = { ok: true; fields: Record<string, unknown> } | { ok: false; problems: FieldProblem[] };

export function parseOrderJson(input: Uint8Array | string, what: string, firstLine = 1): ParsedOrder {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return { ok: false, problems: [{ field: "(order)", message: `${what} ${decoded.message}` }] };
    text = decoded.text;
  }
  if (text.trim() === "") {
    return {
      ok: false,
      problems: [{ field: "(order)", message: `${what} is empty; give one JSON object with the order's fields` }],
    };
  }
  const parsed = parseStrictJson(text, what, firstLine);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = Array.isArray(value) ? "a JSON array" : value === null ? "null" : `a ${typeof value}`;
    return {
      ok: false,
      problems: [
        {
          field: "(order)",
          message: `${what} must hold one JSON object with the order's fields (got ${got})`,
        },
      ],
    };
  }
  return { ok: true, fields: value as Record<string, unknown> };
}
