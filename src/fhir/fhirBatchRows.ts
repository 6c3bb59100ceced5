// `leaflets batch bundles.ndjson --format fhir`: one FHIR R4 Bundle (or MedicationRequest) per line, each
// mapped and checked like `generate --fhir`. A line that cannot be mapped or validated becomes a row error
// whose problems name the FHIR paths; the row number is the line number.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { FieldProblem } from "../core/errors.ts";
import { fieldSchemas } from "../order/fieldSchemas.ts";
import { validateOrder } from "../order/validateOrder.ts";
import { type FhirMapping, loadFhirMappingOrThrow } from "./loadFhirMapping.ts";
import { mapFhirOrder } from "./mapFhirOrder.ts";
import { locateProblems } from "./orderFromFhir.ts";
import { parseFhirJson } from "./parseFhirJson.ts";

export type FhirRow =
  | { row: number; fields: Record<string, unknown> }
  | { row: number; error: string; problems: FieldProblem[]; patientId?: string };

/** Maps lines with the batch's own catalog (its FHIR mapping is read once, here). */
export function fhirRowReader(catalog: Catalog): (line: { row: number; text: string }) => FhirRow {
  const mapping = loadFhirMappingOrThrow(catalog);
  return (line) => fhirLineToRow(line, catalog, mapping);
}

function fhirLineToRow({ row, text }: { row: number; text: string }, catalog: Catalog, mapping: FhirMapping): FhirRow {
  const parsed = parseFhirJson(text, `line ${row}`, row);
  if (!parsed.ok) return failed(row, parsed.problems);
  const mapped = mapFhirOrder(parsed.value, mapping, catalog);
  if (!mapped.ok) return failed(row, mapped.problems);
  const validation = validateOrder(mapped.fields, catalog);
  if (validation.ok) return { row, fields: mapped.fields };
  const id = mapped.fields.patientId;
  return failed(
    row,
    locateProblems(validation.problems, mapped.paths),
    fieldSchemas.patientId.safeParse(id).success ? (id as string) : undefined,
  );
}

function failed(row: number, problems: FieldProblem[], patientId?: string): FhirRow {
  const error = problems.map((p) => `${p.field}: ${p.message}`).join("; ");
  return patientId === undefined ? { row, error, problems } : { row, error, problems, patientId };
}
