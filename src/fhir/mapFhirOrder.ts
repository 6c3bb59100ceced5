// FHIR R4 → the order's fields: a Bundle (or one MedicationRequest with its Patient contained) read by the
// rules of templates/fhir/mapping.yaml, plus the order flags for what the record does not carry. Every
// problem names its FHIR path; every field read remembers where it came from, so the order validation's
// problems can name it too (orderFromFhir.ts). Pure: no files, no clock. Never echoes a name or a date.
import type { Catalog } from "../catalog/catalogTypes.ts";
import type { FieldProblem } from "../core/errors.ts";
import {
  bundleSchema,
  codeableConceptSchema,
  medicationRequestSchema,
  observationSchema,
  patientSchema,
  problemsAt,
  type ReadMedicationRequest,
  type ReadPatient,
  requesterSchema,
  resourceSchema,
} from "./fhirSchemas.ts";
import type { FhirMapping } from "./loadFhirMapping.ts";
import { type LocatedResource, type ResourcePool, resolveReference } from "./resolveReference.ts";

/** What the nurse adds on the command line (or the form) for what the record does not carry. */
export interface FhirOrderFlags {
  regimen?: string | undefined;
  cycles?: number | undefined;
  ppp?: string | undefined;
  lang?: string | undefined;
  /** The id of the MedicationRequest to print when the Bundle holds more than one. */
  select?: string | undefined;
}

/** The order's fields and, for each, where it was read ("Bundle.entry[1].resource.birthDate" or "--ppp"). */
export type FhirMapResult =
  | { ok: true; fields: Record<string, unknown>; paths: Record<string, string> }
  | { ok: false; problems: FieldProblem[] };

const FLAG_OF_FIELD = { regimen: "--regimen", cycles: "--cycles", pppCategory: "--ppp", language: "--lang" } as const;
type FlaggedField = keyof typeof FLAG_OF_FIELD;
const UCUM = "http://unitsofmeasure.org";
/** Requests in these states must not be printed: the order was withdrawn, finished or is an error. */
const NOT_PRINTABLE_STATUS = new Set(["cancelled", "completed", "entered-in-error", "stopped"]);

export function mapFhirOrder(
  input: unknown,
  mapping: FhirMapping,
  catalog: Catalog,
  flags: FhirOrderFlags = {},
): FhirMapResult {
  const root = resourceSchema.safeParse(input);
  if (!root.success) {
    return refused(
      "(FHIR)",
      "is not a FHIR R4 resource: expected a JSON object with a resourceType (Bundle or MedicationRequest)",
    );
  }
  const picked = pickRequest(root.data, flags.select);
  if (!picked.ok) return picked;
  return new OrderReader(picked.request, picked.pool, mapping, catalog, flags).read();
}

type Picked = { ok: true; request: LocatedResource; pool: ResourcePool } | { ok: false; problems: FieldProblem[] };

function pickRequest(root: LocatedResource["resource"], select: string | undefined): Picked {
  if (root.resourceType === "MedicationRequest") {
    const request = { resource: root, path: "MedicationRequest" };
    if (select !== undefined && root.id !== select) {
      return refused(
        "--select",
        `names the MedicationRequest "${select}", but the file holds only "${root.id ?? "(no id)"}"`,
      );
    }
    return { ok: true, request, pool: { entries: [] } };
  }
  if (root.resourceType !== "Bundle") {
    return refused(
      `${root.resourceType}`,
      "cannot be read as an order: send a Bundle with a MedicationRequest and its Patient, or one MedicationRequest with its Patient contained",
    );
  }
  const bundle = bundleSchema.safeParse(root);
  if (!bundle.success) return { ok: false, problems: problemsAt("Bundle", bundle.error) };
  const entries = (bundle.data.entry ?? []).flatMap((entry, i) =>
    entry.resource
      ? [{ fullUrl: entry.fullUrl, located: { resource: entry.resource, path: `Bundle.entry[${i}].resource` } }]
      : [],
  );
  const requests = entries.map((e) => e.located).filter((l) => l.resource.resourceType === "MedicationRequest");
  if (requests.length === 0) return refused("Bundle.entry", "holds no MedicationRequest: there is no order to print");
  const list = requests.map((r) => `"${r.resource.id ?? "(no id)"}" at ${r.path}`).join(", ");
  if (select !== undefined) {
    const chosen = requests.find((r) => r.resource.id === select);
    if (!chosen)
      return refused(
        "--select",
        `names the MedicationRequest "${select}", which the Bundle does not hold (it holds ${list})`,
      );
    return { ok: true, request: chosen, pool: { entries } };
  }
  if (requests.length > 1) {
    return refused(
      "Bundle.entry",
      `holds ${requests.length} MedicationRequests (${list}); choose the one to print with --select <id>`,
    );
  }
  return { ok: true, request: requests[0] as LocatedResource, pool: { entries } };
}

function refused(field: string, message: string): { ok: false; problems: FieldProblem[] } {
  return { ok: false, problems: [{ field, message }] };
}

/** Reads one MedicationRequest and what it points to, collecting every problem. */
class OrderReader {
  private readonly problems: FieldProblem[] = [];
  private readonly fields: Record<string, unknown> = {};
  private readonly paths: Record<string, string> = {};
  private readonly base: string;
  private readonly contained: LocatedResource[];
  /** Where the order's Patient is, once found: an Observation about another patient is not read. */
  private patientPath: string | undefined;

  constructor(
    private readonly located: LocatedResource,
    private readonly pool: ResourcePool,
    private readonly mapping: FhirMapping,
    private readonly catalog: Catalog,
    private readonly flags: FhirOrderFlags,
  ) {
    this.base = located.path;
    const contained = Array.isArray(located.resource.contained) ? (located.resource.contained as unknown[]) : [];
    this.contained = contained.flatMap((resource, i) => {
      const parsed = resourceSchema.safeParse(resource);
      return parsed.success ? [{ resource: parsed.data, path: `${this.base}.contained[${i}]` }] : [];
    });
  }

  read(): FhirMapResult {
    const parsed = medicationRequestSchema.safeParse(this.located.resource);
    if (!parsed.success) return { ok: false, problems: problemsAt(this.base, parsed.error) };
    const request = parsed.data;
    this.refuseStu3(request);
    if (NOT_PRINTABLE_STATUS.has(request.status)) {
      this.problem(`${this.base}.status`, `is "${request.status}": a request that is not active is not printed`);
    }
    this.readPatient(request);
    const drug = this.readMedicine(request);
    this.readRegimen(request);
    const uses = drug ? this.catalog.drugs.get(drug)?.orderFields : undefined;
    if (uses?.doseMg) this.readDose(request);
    this.readStart(request);
    if (uses?.cycles && this.mapping.cycles !== "none") this.readCycles(request);
    if (uses?.pppCategory && this.mapping.pppObservation) this.readPpp();
    this.readContacts(request);
    this.applyFlags();
    if (this.problems.length > 0) return { ok: false, problems: this.problems };
    return { ok: true, fields: this.fields, paths: this.paths };
  }

  private problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  private set(field: string, value: unknown, path: string): void {
    this.fields[field] = value;
    this.paths[field] = path;
  }

  private refuseStu3(request: ReadMedicationRequest): void {
    for (const [i, dosage] of (request.dosageInstruction ?? []).entries()) {
      if (dosage.doseQuantity !== undefined) {
        this.problem(
          `${this.base}.dosageInstruction[${i}].doseQuantity`,
          "is where FHIR STU3 put the dose; this is not R4 JSON (R4: dosageInstruction[].doseAndRate[].doseQuantity)",
        );
      }
    }
  }

  // -- Patient ------------------------------------------------------------------------------------------------

  private readPatient(request: ReadMedicationRequest): void {
    const found = resolveReference(request.subject.reference, this.contained, this.pool);
    if (found?.resource.resourceType !== "Patient") {
      this.problem(`${this.base}.subject`, "does not point to a Patient in the Bundle or contained in the request");
      return;
    }
    const parsed = patientSchema.safeParse(found.resource);
    if (!parsed.success) {
      this.problems.push(...problemsAt(found.path, parsed.error));
      return;
    }
    const patient = parsed.data;
    this.patientPath = found.path;
    const system = this.mapping.patientIdentifierSystem;
    const idIndex = (patient.identifier ?? []).findIndex((id) => id.system === system && id.value);
    if (idIndex < 0) {
      this.problem(
        `${found.path}.identifier`,
        `has no identifier with the system ${system} (patientIdentifierSystem in templates/fhir/mapping.yaml)`,
      );
    } else {
      this.set("patientId", patient.identifier?.[idIndex]?.value, `${found.path}.identifier[${idIndex}].value`);
    }
    this.readName(patient, found.path);
    if (patient.birthDate !== undefined) this.set("dateOfBirth", patient.birthDate, `${found.path}.birthDate`);
    this.readLanguage(patient, found.path);
  }

  /** The official name, else the usual one, else one without a use; its text, or given names and family. */
  private readName(patient: ReadPatient, path: string): void {
    const names = patient.name ?? [];
    const index = [
      names.findIndex((n) => n.use === "official"),
      names.findIndex((n) => n.use === "usual"),
      names.findIndex((n) => n.use === undefined),
    ].find((i) => i >= 0);
    const name = index === undefined ? undefined : names[index];
    const written =
      name?.text?.trim() || [...(name?.given ?? []), name?.family ?? ""].join(" ").replace(/\s+/g, " ").trim();
    if (index === undefined || !written) {
      this.problem(`${path}.name`, "has no official, usual or unlabelled name with text or given and family names");
      return;
    }
    this.set("name", written, `${path}.name[${index}]`);
  }

  /** The preferred communication language, as its primary subtag ("nl-NL" → "nl"). */
  private readLanguage(patient: ReadPatient, path: string): void {
    const index = (patient.communication ?? []).findIndex((c) => c.preferred === true);
    if (index < 0) return;
    const codes = (patient.communication?.[index]?.language.coding ?? []).flatMap((c) => (c.code ? [c.code] : []));
    const code = codes[0];
    if (!code) {
      this.problem(
        `${path}.communication[${index}].language`,
        "has no coding with a language code (BCP 47, e.g. nl or nl-NL)",
      );
      return;
    }
    this.set("language", code.split("-")[0]?.toLowerCase(), `${path}.communication[${index}].language`);
  }

  // -- Medicine, regimen --------------------------------------------------------------------------------------

  private readMedicine(request: ReadMedicationRequest): string | undefined {
    let concept: ReadMedicationRequest["medicationCodeableConcept"] = request.medicationCodeableConcept;
    let path = `${this.base}.medicationCodeableConcept`;
    if (!concept && request.medicationReference) {
      const medication = resolveReference(request.medicationReference.reference, this.contained, this.pool);
      const code = codeableConceptSchema.safeParse(
        medication?.resource.resourceType === "Medication" ? medication.resource.code : undefined,
      );
      if (!medication || !code.success) {
        this.problem(
          `${this.base}.medicationReference`,
          "does not point to a Medication with a code in the Bundle or contained",
        );
        return undefined;
      }
      concept = code.data;
      path = `${medication.path}.code`;
    }
    if (!concept) {
      this.problem(
        `${this.base}.medicationCodeableConcept`,
        "is missing: the medicine must be coded (ATC or a code in templates/fhir/mapping.yaml)",
      );
      return undefined;
    }
    const codings = concept.coding ?? [];
    const drugs = new Set<string>();
    for (const coding of codings) {
      for (const medicine of this.mapping.medicines) {
        if (medicine.codes.some((c) => c.system === coding.system && c.code === coding.code)) drugs.add(medicine.drug);
      }
    }
    if (drugs.size === 0) {
      const given =
        codings.map((c) => `${c.code ?? "(no code)"} (${c.system ?? "no system"})`).join(", ") || "no coding";
      const known = this.mapping.medicines
        .flatMap((m) => m.codes.map((c) => `${c.code} (${c.system}) for ${m.drug}`))
        .join(", ");
      this.problem(
        `${path}.coding`,
        `names no medicine this project prints: ${given}; known codes: ${known} (add the hospital's own in templates/fhir/mapping.yaml)`,
      );
      return undefined;
    }
    if (drugs.size > 1) {
      this.problem(
        `${path}.coding`,
        `names more than one medicine (${[...drugs].join(", ")}); one request must be for one medicine`,
      );
      return undefined;
    }
    const drug = [...drugs][0] as string;
    this.set("drug", drug, `${path}.coding`);
    return drug;
  }

  private readRegimen(request: ReadMedicationRequest): void {
    const canonicals = request.instantiatesCanonical ?? [];
    const found: { regimen: string; index: number }[] = [];
    for (const [index, url] of canonicals.entries()) {
      const bare = url.split("|")[0] as string;
      const rule = this.mapping.regimens.find((r) =>
        r.canonical ? r.canonical === bare : bare.endsWith(r.endsWith ?? "\0"),
      );
      if (rule) found.push({ regimen: rule.regimen, index });
    }
    const distinct = [...new Set(found.map((f) => f.regimen))];
    if (distinct.length > 1) {
      this.problem(
        `${this.base}.instantiatesCanonical`,
        `names more than one regimen (${distinct.join(", ")}); one request follows one protocol`,
      );
      return;
    }
    const first = found[0];
    if (first) {
      this.set("regimen", first.regimen, `${this.base}.instantiatesCanonical[${first.index}]`);
    } else if (canonicals.length > 0 && this.flags.regimen === undefined) {
      const known = this.mapping.regimens.map((r) => `${r.canonical ?? `…${r.endsWith}`} (${r.regimen})`).join(", ");
      this.problem(
        `${this.base}.instantiatesCanonical`,
        `names no protocol known in templates/fhir/mapping.yaml (known: ${known}); add the hospital's URL there, or give --regimen`,
      );
    }
  }

  // -- Dose, start, cycles ------------------------------------------------------------------------------------

  private readDose(request: ReadMedicationRequest): void {
    const doses: { value: number; path: string }[] = [];
    for (const [i, dosage] of (request.dosageInstruction ?? []).entries()) {
      for (const [j, rate] of (dosage.doseAndRate ?? []).entries()) {
        const path = `${this.base}.dosageInstruction[${i}].doseAndRate[${j}]`;
        if (rate.doseRange !== undefined && rate.doseQuantity === undefined) {
          this.problem(`${path}.doseRange`, "is a range; a leaflet prints one dose (give doseQuantity)");
          continue;
        }
        const quantity = rate.doseQuantity;
        if (!quantity) continue;
        const unitOk =
          quantity.code !== undefined
            ? quantity.code === "mg" && (quantity.system ?? UCUM) === UCUM
            : quantity.unit === "mg";
        if (!unitOk) {
          this.problem(
            `${path}.doseQuantity`,
            `must be in milligrams (UCUM code "mg", system ${UCUM}); got ${quantity.code ?? quantity.unit ?? "no unit"}`,
          );
          continue;
        }
        if (quantity.value === undefined) {
          this.problem(`${path}.doseQuantity.value`, "is missing");
          continue;
        }
        doses.push({ value: quantity.value, path: `${path}.doseQuantity` });
      }
    }
    const first = doses[0];
    if (!first) return;
    const other = doses.find((d) => d.value !== first.value);
    if (other) {
      this.problem(
        other.path,
        `gives ${other.value} mg, but ${first.path} gives ${first.value} mg; one request must have one dose`,
      );
      return;
    }
    this.set("doseMg", first.value, first.path);
  }

  /** boundsPeriod.start (its date as written, the time of day dropped), or authoredOn if the mapping allows. */
  private readStart(request: ReadMedicationRequest): void {
    const starts = (request.dosageInstruction ?? []).flatMap((dosage, i) => {
      const start = dosage.timing?.repeat?.boundsPeriod?.start;
      return start === undefined
        ? []
        : [{ date: dateOf(start), path: `${this.base}.dosageInstruction[${i}].timing.repeat.boundsPeriod.start` }];
    });
    const first = starts[0];
    if (first) {
      const other = starts.find((s) => s.date !== first.date);
      if (other) this.problem(other.path, `differs from ${first.path}; one request must have one start date`);
      else this.set("startDate", first.date, first.path);
      return;
    }
    if (this.mapping.authoredOnMayStandInForStart && request.authoredOn !== undefined) {
      this.set("startDate", dateOf(request.authoredOn), `${this.base}.authoredOn`);
    }
  }

  private readCycles(request: ReadMedicationRequest): void {
    const repeats = request.dispenseRequest?.numberOfRepeatsAllowed;
    if (repeats === undefined) return;
    const cycles = this.mapping.cycles === "repeatsPlusOne" ? repeats + 1 : repeats;
    this.set("cycles", cycles, `${this.base}.dispenseRequest.numberOfRepeatsAllowed`);
  }

  // -- PPP category, contacts ---------------------------------------------------------------------------------

  private readPpp(): void {
    const rule = this.mapping.pppObservation;
    if (!rule) return;
    const candidates = [...this.contained, ...this.pool.entries.map((e) => e.located)].filter(
      (l) => l.resource.resourceType === "Observation",
    );
    const found: { category: string; path: string }[] = [];
    for (const located of candidates) {
      const parsed = observationSchema.safeParse(located.resource);
      if (!parsed.success) continue;
      const observation = parsed.data;
      if (!(observation.code.coding ?? []).some((c) => c.system === rule.code.system && c.code === rule.code.code))
        continue;
      if (observation.status === "cancelled" || observation.status === "entered-in-error") continue;
      const about = observation.subject?.reference
        ? resolveReference(observation.subject.reference, this.contained, this.pool)
        : undefined;
      if (about && about.path !== this.patientPath) continue;
      const path = `${located.path}.valueCodeableConcept`;
      const codes = (observation.valueCodeableConcept?.coding ?? []).flatMap((c) => (c.code ? [c.code] : []));
      const category = codes.map((code) => rule.values[code]).find((c) => c !== undefined);
      if (!category) {
        this.problem(
          path,
          `holds no code listed under pppObservation.values in templates/fhir/mapping.yaml (known: ${Object.keys(rule.values).join(", ")})`,
        );
        continue;
      }
      found.push({ category, path });
    }
    const first = found[0];
    if (!first) return;
    const other = found.find((f) => f.category !== first.category);
    if (other) this.problem(other.path, `gives ${other.category}, but ${first.path} gives ${first.category}`);
    else this.set("pppCategory", first.category, first.path);
  }

  private readContacts(request: ReadMedicationRequest): void {
    const rules = this.mapping.contacts;
    if (!rules || !request.requester) return;
    const requester = resolveReference(request.requester.reference, this.contained, this.pool);
    if (!requester) return;
    const holders = [requester];
    const role = requesterSchema.safeParse(requester.resource);
    if (role.success && requester.resource.resourceType === "PractitionerRole" && role.data.organization) {
      const organization = resolveReference(role.data.organization.reference, this.contained, this.pool);
      if (organization) holders.push(organization);
    }
    const contact: Record<string, string> = {};
    for (const [field, rule] of Object.entries(rules)) {
      if (!rule) continue;
      for (const holder of holders) {
        if (holder.resource.resourceType !== "Organization" && holder.resource.resourceType !== "PractitionerRole")
          continue;
        const parsed = requesterSchema.safeParse(holder.resource);
        if (!parsed.success) continue;
        const index = (parsed.data.telecom ?? []).findIndex(
          (t) =>
            t.system === "phone" && t.value && t.use === rule.use && (rule.rank === undefined || t.rank === rule.rank),
        );
        const value = parsed.data.telecom?.[index]?.value;
        if (index >= 0 && value) {
          contact[field] = value;
          this.paths[`contact.${field}`] = `${holder.path}.telecom[${index}].value`;
          break;
        }
      }
    }
    if (Object.keys(contact).length > 0) this.fields.contact = contact;
  }

  // -- Flags ----------------------------------------------------------------------------------------------------

  /** A flag fills in what the record does not carry; a flag that says otherwise than the record is refused. */
  private applyFlags(): void {
    const given: Record<FlaggedField, unknown> = {
      regimen: this.flags.regimen,
      cycles: this.flags.cycles,
      pppCategory: this.flags.ppp,
      language: this.flags.lang,
    };
    for (const field of Object.keys(FLAG_OF_FIELD) as FlaggedField[]) {
      const flag = given[field];
      if (flag === undefined) continue;
      const path = this.paths[field];
      if (path === undefined) {
        this.set(field, flag, FLAG_OF_FIELD[field]);
      } else if (this.fields[field] !== flag) {
        this.problem(
          FLAG_OF_FIELD[field],
          `says ${String(flag)}, but the record says ${String(this.fields[field])} (${path}); leave the flag out or correct the record`,
        );
      }
    }
  }
}

/** The date of a FHIR date or dateTime as written ("2026-12-01T09:00:00+01:00" → "2026-12-01"); anything else
 * is passed on as it is, for the order validation to refuse. */
function dateOf(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
  return match ? (match[1] as string) : value;
}
