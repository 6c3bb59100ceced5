// The text of a FHIR file or request as JSON: R4 JSON only. XML (the other FHIR format) and text that is
// not JSON are refused with where the JSON breaks; never a quote of the content (it holds a patient).
import type { FieldProblem } from "../errors.ts";
import { jsonErrorPlace } from "../order/jsonErrorPlace.ts";

export type ParsedFhirJson = { ok: true; value: unknown } | { ok: false; problems: FieldProblem[] };

export function parseFhirJson(text: string, what: string): ParsedFhirJson {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trimStart().startsWith("<")) {
    return refused(`${what} is FHIR XML (or HTML); only FHIR R4 JSON is read (application/fhir+json)`);
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return refused(`${what} is not FHIR R4 JSON: not valid JSON${jsonErrorPlace(body, error as Error)}`);
  }
}

function refused(message: string): ParsedFhirJson {
  return { ok: false, problems: [{ field: "(FHIR)", message }] };
}
