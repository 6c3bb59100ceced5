// The bytes of a FHIR file or request as JSON: R4 JSON only, read as strictly as an order (UTF-8 decoded
// with fatal errors, duplicate keys refused, own properties only). XML (the other FHIR format) and text that
// is not JSON are refused with where the JSON breaks; never a quote of the content (it holds a patient).
import type { FieldProblem } from "../core/errors.ts";
import { decodeUtf8 } from "../input/decodeUtf8.ts";
import { parseStrictJson } from "../input/parseStrictJson.ts";

/** The most one FHIR order (a Bundle with its Patient) may weigh, from a file or a request. */
export const FHIR_LIMIT_BYTES = 1024 * 1024;

export type ParsedFhirJson = { ok: true; value: unknown } | { ok: false; problems: FieldProblem[] };

export function parseFhirJson(input: Uint8Array | string, what: string, firstLine = 1): ParsedFhirJson {
  let text: string;
  if (typeof input === "string") text = input.replace(/^\uFEFF/, "");
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return refused(`${what} ${decoded.message}`);
    text = decoded.text;
  }
  if (text.trimStart().startsWith("<")) {
    return refused(`${what} is FHIR XML (or HTML); only FHIR R4 JSON is read (application/fhir+json)`);
  }
  if (text.trim() === "") return refused(`${what} is empty; give one FHIR R4 Bundle`);
  const parsed = parseStrictJson(text, what, firstLine);
  if (!parsed.ok) {
    // The strict parser names a key given twice by its field; in a FHIR file that is a FHIR element.
    const problems = parsed.problems.map((p) =>
      p.field.startsWith("(")
        ? { ...p, field: "(FHIR)" }
        : { field: "(FHIR)", message: `${what}: ${p.field} ${p.message}` },
    );
    return { ok: false, problems };
  }
  return { ok: true, value: parsed.value };
}

function refused(message: string): ParsedFhirJson {
  return { ok: false, problems: [{ field: "(FHIR)", message }] };
}
