// Options shared by `generate` and `batch`: which document kinds to make.
import { DOCUMENT_KINDS, type DocumentKind } from "../../pipeline/generateDocuments.ts";
import { UsageError } from "../usageError.ts";

export function parseKinds(text: string): DocumentKind[] {
  const kinds = text
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !DOCUMENT_KINDS.includes(k as DocumentKind));
  if (kinds.length === 0 || unknown.length > 0) {
    throw new UsageError(`--kinds takes ${DOCUMENT_KINDS.join(" and/or ")}, comma-separated (got "${text}")`);
  }
  return kinds as DocumentKind[];
}
