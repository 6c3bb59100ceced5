// A FHIR R4 order through the same order validation as any other: map (mapFhirOrder), let the caller add
// what is not clinical (second language, large print), validate with validateOrder, and name each refused
// field by the FHIR path (or the flag) it was read from — a 5 mg dose is refused exactly as from a CSV.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { FieldProblem } from "../core/errors.ts";
import { type OrderValidation, validateOrder } from "../order/validateOrder.ts";
import type { FhirMapping } from "./loadFhirMapping.ts";
import { type FhirOrderFlags, mapFhirOrder } from "./mapFhirOrder.ts";

/** Where the record would carry a field that is missing, and how to give it instead. */
const MISSING_HINTS: Record<string, string> = {
  regimen: "the record names no protocol (instantiatesCanonical): give --regimen",
  cycles: "the record has no dispenseRequest.numberOfRepeatsAllowed: give --cycles",
  pppCategory:
    "the record carries no pregnancy prevention category: give --ppp, or record it as the Observation named in templates/fhir/mapping.yaml",
  language: "the Patient has no preferred communication language: give --lang",
  doseMg: "the record has no dosageInstruction[].doseAndRate[].doseQuantity in mg",
  startDate: "the record has no dosageInstruction[].timing.repeat.boundsPeriod.start",
  patientId: "the Patient has no identifier of the mapping's system",
  name: "the Patient has no name",
};

/** Problems of the validated order, each named by where its field came from. */
export function locateProblems(problems: FieldProblem[], paths: Record<string, string>): FieldProblem[] {
  return problems.map((problem) => {
    const path = paths[problem.field] ?? paths[problem.field.split(".")[0] as string];
    if (path !== undefined) return { field: path, message: `${problem.message} (order field ${problem.field})` };
    const hint = MISSING_HINTS[problem.field];
    return hint && /required/.test(problem.message) ? { ...problem, message: `${problem.message}; ${hint}` } : problem;
  });
}

/** Map and validate. `extra` holds order fields that are not in a medical record (secondLanguage, largePrint, brand). */
export function orderFromFhir(
  input: unknown,
  mapping: FhirMapping,
  catalog: Catalog,
  flags: FhirOrderFlags = {},
  extra: Record<string, unknown> = {},
): OrderValidation {
  const mapped = mapFhirOrder(input, mapping, catalog, flags);
  if (!mapped.ok) return { ok: false, problems: mapped.problems };
  const validation = validateOrder({ ...mapped.fields, ...extra }, catalog);
  if (validation.ok) return validation;
  return { ok: false, problems: locateProblems(validation.problems, mapped.paths) };
}
