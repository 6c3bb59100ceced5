// `generate --fhir`: the FHIR file read (exit 2 if it cannot be), mapped with templates/fhir/mapping.yaml and
// the order flags (--regimen, --cycles, --ppp, --lang, --select); a mapping problem refuses the order (exit 1).
import type { Catalog } from "../../catalog/catalogTypes.ts";
import { FileReadProblem, OrderRefusedError, UsageError } from "../../core/errors.ts";
import { loadFhirMappingOrThrow } from "../../fhir/loadFhirMapping.ts";
import { type FhirOrderFlags, mapFhirOrder } from "../../fhir/mapFhirOrder.ts";
import { FHIR_LIMIT_BYTES, parseFhirJson } from "../../fhir/parseFhirJson.ts";
import { readLimitedFile } from "../../input/readLimitedFile.ts";
import type { FhirCliFlags } from "../shared/commandFlags.ts";

/** The FHIR file's order fields and where each came from. */
export function readFhirOrder(
  flags: FhirCliFlags & { fhir: string },
  catalog: Catalog,
): { fields: Record<string, unknown>; paths: Record<string, string> } {
  let bytes: Buffer;
  try {
    bytes = readLimitedFile(flags.fhir, FHIR_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof FileReadProblem)
      throw new UsageError(`cannot read the FHIR file ${error.path}: ${error.reason}`);
    throw error;
  }
  const parsed = parseFhirJson(bytes, flags.fhir);
  if (!parsed.ok) throw new OrderRefusedError(parsed.problems);
  const mapped = mapFhirOrder(parsed.value, loadFhirMappingOrThrow(catalog), catalog, orderFlags(flags));
  if (!mapped.ok) throw new OrderRefusedError(mapped.problems);
  return { fields: mapped.fields, paths: mapped.paths };
}

function orderFlags(flags: FhirCliFlags): FhirOrderFlags {
  let cycles: number | undefined;
  if (flags.cycles !== undefined) {
    cycles = Number(flags.cycles);
    if (!/^\d+$/.test(flags.cycles)) throw new UsageError(`--cycles takes a whole number (got "${flags.cycles}")`);
  }
  return { regimen: flags.regimen, cycles, ppp: flags.ppp, lang: flags.lang, select: flags.select };
}
