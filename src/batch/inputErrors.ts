// The error for a batch input file that cannot be read at all: missing, not CSV or JSON Lines, or a header that
// does not name the order's fields. One bad record is not this error: it becomes a row error and the batch goes on.
import { LeafletError } from "../core/errors.ts";

const DEFAULT_HINT =
  "Give a .csv file (UTF-8) whose first row names the order's fields, or a .jsonl file with one JSON order per line.";

/** The whole input cannot be read: missing file, not CSV/JSONL, missing required columns, unknown columns. CLI exit code 2. */
export class InputError extends LeafletError {
  constructor(message: string, hint: string = DEFAULT_HINT) {
    super("INPUT_UNREADABLE", message, hint);
    this.name = "InputError";
  }
}
