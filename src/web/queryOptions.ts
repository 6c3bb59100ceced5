// A document option read from the request's query (paper, kind, format, duplex), checked by the order's
// own parsers (src/order/documentOptions.ts) and refused as 400 on the field of its name.
import { DocumentOptionError } from "../order/documentOptions.ts";
import { httpError } from "./http.ts";

export function queryOption<T>(url: URL, name: string, fallback: string, parse: (text: string) => T): T {
  try {
    return parse(url.searchParams.get(name) ?? fallback);
  } catch (error) {
    if (error instanceof DocumentOptionError) throw httpError(400, name, error.message);
    throw error;
  }
}
