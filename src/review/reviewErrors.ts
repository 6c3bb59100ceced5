// What a review command refuses: a name it does not know (listing the known ones), a missing or bad
// reviewer's name (input errors), or an approval the validator's findings stand against (a refusal).
import { LeafletError } from "../core/errors.ts";

/** Unknown language, medicine, section, source or role, or a reviewer's name that breaks the rules. */
export class ReviewInputError extends LeafletError {
  constructor(message: string) {
    super("REVIEW_INPUT", message, "Run `leaflets review status` to see the languages, medicines and sections.");
  }
}

/** An approval refused because the validator finds the translation differs from its source. */
export class ReviewRefusedError extends LeafletError {
  constructor(
    message: string,
    readonly findings: { file: string; key: string; message: string }[],
  ) {
    super(
      "REVIEW_REFUSED",
      `${message}\n${findings.map((f) => `  - ${f.file}${f.key ? ` [${f.key}]` : ""}: ${f.message}`).join("\n")}`,
      'Correct the text, or approve with --override "reason" (recorded and shown in `review status`).',
    );
  }
}
