// A document option given as a flag (--paper, --card-format), checked by the order's own parsers
// (src/order/documentOptions.ts) and refused as a usage error (exit code 2) that names the flag.

import { UsageError } from "../../core/errors.ts";
import { DocumentOptionError } from "../../order/documentOptions.ts";

export function flagOption<T>(flag: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof DocumentOptionError) throw new UsageError(`${flag} ${error.message}`);
    throw error;
  }
}
