// A mistake in how the command was called (exit code 2), as opposed to a refused order (exit code 1).
import { LeafletError } from "../../core/errors.ts";

export class UsageError extends LeafletError {
  constructor(message: string) {
    super("USAGE", message, "Run with --help to see the options.");
  }
}
