// The error catalog: every failure a user can meet, with a stable code, what happened and what to do.
// Library code throws these; only src/cli turns them into messages and exit codes.
import { describeCharacters } from "./describeCharacters.ts";

/** One problem with one field of an order (or one key of a data file). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Base class: `code` is stable for scripts, `hint` tells the user what to do next. */
export class LeafletError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "LeafletError";
  }
}

/** The order cannot be printed as given; every problem is listed, nothing was written. */
export class OrderRefusedError extends LeafletError {
  constructor(readonly problems: FieldProblem[]) {
    super(
      "ORDER_REFUSED",
      `The order was refused (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems
        .map((p) => `  - ${p.field}: ${p.message}`)
        .join("\n")}`,
      "Correct the fields named above and run the command again.",
    );
  }
}

/** A data file shipped with the project (regimen, brand, locale, template) is broken. */
export class ConfigError extends LeafletError {
  constructor(
    readonly file: string,
    readonly key: string,
    detail: string,
  ) {
    super(
      "CONFIG_INVALID",
      `${file}${key ? ` (${key})` : ""}: ${detail}`,
      "Run `leaflets validate` to list every problem.",
    );
  }
}

/** A text to be printed needs a translation key that the language does not have. */
export class MissingTranslationError extends LeafletError {
  constructor(
    readonly language: string,
    readonly key: string,
  ) {
    super(
      "TRANSLATION_MISSING",
      `The ${language} text has no entry for "${key}"; the leaflet was not printed rather than mixing languages.`,
      `Add "${key}" to locales/${language}/ and run \`leaflets validate\`.`,
    );
  }
}

/** A character that no embedded font can draw: refused instead of printing a wrong glyph. */
export class UnprintableCharacterError extends LeafletError {
  constructor(
    readonly where: string,
    readonly char: string,
  ) {
    // The text may be a patient's name: the character is described by its Unicode block, never shown.
    super(
      "CHARACTER_NOT_PRINTABLE",
      `${where}: ${describeCharacters([char])} is not in the embedded fonts and would print wrongly.`,
      "Write the text without that character, or add a font that covers it.",
    );
  }
}

/** The markup a template produced does not follow the document grammar (a template bug). */
export class MarkupError extends LeafletError {
  constructor(
    readonly template: string,
    detail: string,
  ) {
    super("MARKUP_INVALID", `${template}: ${detail}`, "Fix the template; `leaflets validate` renders every template.");
  }
}

/** The output folder cannot be written (permissions, full disk, a file in the way). Nothing half-written stays. */
export class OutputError extends LeafletError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super("OUTPUT_NOT_WRITABLE", `cannot write ${path}: ${reason}`, "Choose another folder with --out, or free space.");
  }
}
