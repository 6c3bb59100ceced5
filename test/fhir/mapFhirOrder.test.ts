// The FHIR R4 mapping (templates/fhir/mapping.yaml) rule by rule on fixtures shaped like the R4 spec's
// examples (a MedicationRequest with its Patient contained; Bundles of type collection and transaction),
// and every way it refuses, each naming its FHIR path; then the order validation, with the same rules as a
// CSV row, naming the path its field came from. Pure: no rendering.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalog, loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { type FhirMapping, loadFhirMapping, loadFhirMappingOrThrow } from "../../src/fhir/loadFhirMapping.ts";
import { type FhirOrderFlags, mapFhirOrder } from "../../src/fhir/mapFhirOrder.ts";
import { orderFromFhir } from "../../src/fhir/orderFromFhir.ts";
import { parseFhirJson } from "../../src/fhir/parseFhirJson.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { validateProject } from "../../src/validate/validateProject.ts";
import { FHIR_BUNDLE_ORDER } from "../helpers/orders.ts";
import { editText, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form FHIR JSON edited by the tests
type Json = Record<string, any>;
const FIXTURES = join(import.meta.dirname, "../fixtures/fhir");
const fixture = (name: string): Json => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"));

let catalog: Catalog;
let mapping: FhirMapping;
beforeAll(() => {
  catalog = loadCatalogOrThrow();
  mapping = loadFhirMappingOrThrow(catalog);
});
afterEach(removeProjectCopies);

function mapped(input: unknown, flags: FhirOrderFlags = {}, rules: FhirMapping = mapping) {
  const result = mapFhirOrder(input, rules, catalog, flags);
  if (!result.ok) throw new Error(`expected a mapped order, got ${JSON.stringify(result.problems)}`);
  return result;
}

function problems(input: unknown, flags: FhirOrderFlags = {}, rules: FhirMapping = mapping) {
  const result = orderFromFhir(input, rules, catalog, flags);
  if (result.ok) throw new Error("expected the order to be refused");
  return result.problems;
}

describe("the mapping rules", () => {
  test("a MedicationRequest with its Patient, Organization and PPP Observation contained gives the whole order", () => {
    const { fields, paths } = mapped(fixture("medicationrequest-contained"));
    expect(fields).toEqual(FHIR_BUNDLE_ORDER);
    expect(paths).toMatchObject({
      patientId: "MedicationRequest.contained[0].identifier[0].value",
      drug: "MedicationRequest.medicationCodeableConcept.coding",
      regimen: "MedicationRequest.instantiatesCanonical[0]",
      doseMg: "MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity",
      startDate: "MedicationRequest.dosageInstruction[0].timing.repeat.boundsPeriod.start",
      cycles: "MedicationRequest.dispenseRequest.numberOfRepeatsAllowed",
      pppCategory: "MedicationRequest.contained[2].valueCodeableConcept",
      "contact.nurseLine": "MedicationRequest.contained[1].telecom[0].value",
    });
  });

  test("a Bundle of type collection: Patient by urn:uuid, requester PractitionerRole → its Organization's phones", () => {
    const { fields, paths } = mapped(fixture("bundle-collection"));
    expect(fields).toEqual(FHIR_BUNDLE_ORDER);
    expect(paths.contact).toBeUndefined();
    expect(paths["contact.emergency"]).toBe("Bundle.entry[3].resource.telecom[1].value");
    expect(paths.pppCategory).toBe("Bundle.entry[4].resource.valueCodeableConcept");
  });

  test("a Bundle of type transaction: PVd from a canonical URL on another server, cycles = repeats + 1, the date of a dateTime start", () => {
    const { fields } = mapped(fixture("bundle-transaction"), { ppp: "man" });
    expect(fields).toMatchObject({
      patientId: "FHIR-0002",
      regimen: "pvd-21",
      cycles: 12,
      startDate: "2027-09-08",
      language: "en",
      pppCategory: "man",
      dateOfBirth: "1949-02-28",
    });
  });

  test("the name: official before usual (in any order), usual when there is no official, text when given", () => {
    const bundle = fixture("bundle-collection");
    expect(mapped(bundle).paths.name).toBe("Bundle.entry[0].resource.name[1]");
    bundle.entry[0].resource.name = [
      { use: "usual", given: ["Zoë", "Anna"], family: "Jansen" },
      { use: "nickname", text: "Zo" },
    ];
    expect(mapped(bundle).fields.name).toBe("Zoë Anna Jansen");
    bundle.entry[0].resource.name = [{ use: "official", text: " Zoë  de Vries-Bakker ", family: "ignored" }];
    expect(mapped(bundle).fields.name).toBe("Zoë  de Vries-Bakker");
  });

  test("the patient id is the identifier of the mapping's system only (a BSN beside it is never used)", () => {
    const bundle = fixture("bundle-collection");
    bundle.entry[0].resource.identifier.reverse();
    expect(mapped(bundle).fields.patientId).toBe("FHIR-0001");
    expect(
      mapped(bundle, {}, { ...mapping, patientIdentifierSystem: "http://fhir.nl/fhir/NamingSystem/bsn" }).fields
        .patientId,
    ).toBe("999911120");
  });

  test("the language is the preferred communication's primary subtag; without a preferred one, --lang", () => {
    const bundle = fixture("bundle-collection");
    expect(mapped(bundle).fields.language).toBe("nl");
    for (const c of bundle.entry[0].resource.communication) delete c.preferred;
    expect(mapped(bundle).fields.language).toBeUndefined();
    expect(mapped(bundle, { lang: "fr" })).toMatchObject({ fields: { language: "fr" }, paths: { language: "--lang" } });
  });

  test("authoredOn stands in for a missing start only where the mapping allows it", () => {
    const request = fixture("medicationrequest-contained");
    delete request.dosageInstruction[0].timing;
    expect(mapped(request).fields.startDate).toBeUndefined();
    const allowed = mapped(request, {}, { ...mapping, authoredOnMayStandInForStart: true });
    expect(allowed).toMatchObject({
      fields: { startDate: "2026-11-20" },
      paths: { startDate: "MedicationRequest.authoredOn" },
    });
  });

  test("the cycles rule: repeatsPlusOne, repeats, or none (then --cycles)", () => {
    const request = fixture("medicationrequest-contained");
    expect(mapped(request).fields.cycles).toBe(3);
    expect(mapped(request, {}, { ...mapping, cycles: "repeats" }).fields.cycles).toBe(2);
    expect(mapped(request, {}, { ...mapping, cycles: "none" }).fields.cycles).toBeUndefined();
    expect(mapped(request, { cycles: 6 }, { ...mapping, cycles: "none" }).fields.cycles).toBe(6);
  });

  test("the hospital's own medicine codes and protocol URLs, from the mapping", () => {
    const request = fixture("medicationrequest-contained");
    request.medicationCodeableConcept.coding = [{ system: "urn:oid:2.16.840.1.113883.2.4.4.7", code: "15602494" }];
    request.instantiatesCanonical = ["https://protocols.example-hospital.nl/fhir/PlanDefinition/MM-PD-2024"];
    const own: FhirMapping = {
      ...mapping,
      medicines: [
        ...mapping.medicines,
        { drug: "pomalidomide", codes: [{ system: "urn:oid:2.16.840.1.113883.2.4.4.7", code: "15602494" }] },
      ],
      regimens: [
        ...mapping.regimens,
        { regimen: "pd-28", canonical: "https://protocols.example-hospital.nl/fhir/PlanDefinition/MM-PD-2024" },
      ],
    };
    expect(mapped(request, {}, own).fields).toMatchObject({ drug: "pomalidomide", regimen: "pd-28" });
  });

  test("a medicine coded on a contained Medication (medicationReference)", () => {
    const request = fixture("medicationrequest-contained");
    request.contained.push({ resourceType: "Medication", id: "med", code: request.medicationCodeableConcept });
    delete request.medicationCodeableConcept;
    request.medicationReference = { reference: "#med" };
    expect(mapped(request)).toMatchObject({
      fields: { drug: "pomalidomide" },
      paths: { drug: "MedicationRequest.contained[3].code.coding" },
    });
  });

  test("Imlygic: the visits regimen, no dose in mg, no cycles, no PPP category read", () => {
    const { fields } = mapped(fixture("imlygic-request"));
    expect(fields).toEqual({
      patientId: "FHIR-0003",
      name: "Ğül Öztürk",
      drug: "imlygic",
      regimen: "imlygic",
      startDate: "2027-12-15",
      language: "tr",
      dateOfBirth: "1961-07-14",
    });
  });

  test("the PPP Observation is read only when it is about the order's Patient (or names no subject)", () => {
    const bundle = fixture("bundle-collection");
    bundle.entry.push({ fullUrl: "urn:uuid:other", resource: { resourceType: "Patient", id: "other" } });
    bundle.entry[4].resource.subject.reference = "urn:uuid:other";
    expect(mapped(bundle).fields.pppCategory).toBeUndefined();
    delete bundle.entry[4].resource.subject;
    expect(mapped(bundle).fields.pppCategory).toBe("woman-childbearing");
  });

  test("--select picks one of two MedicationRequests; flags fill in what the record does not carry", () => {
    const { fields } = mapped(fixture("bundle-two-requests"), { select: "pom-pd28-old" });
    expect(fields.doseMg).toBe(3);
    const transaction = orderFromFhir(fixture("bundle-transaction"), mapping, catalog, { ppp: "man" });
    expect(transaction.ok).toBe(true);
  });

  test("a mapped order is exactly the JSON order: validateOrder gives the same Order", () => {
    const fromFhir = orderFromFhir(fixture("bundle-collection"), mapping, catalog);
    expect(fromFhir).toEqual(validateOrder(FHIR_BUNDLE_ORDER, catalog));
  });
});

describe("refusals name the FHIR path", () => {
  test("text that is not JSON, FHIR XML, and JSON that is not a FHIR resource", () => {
    expect(parseFhirJson('{"resourceType": "Bundle",', "b.json")).toEqual({
      ok: false,
      problems: [
        { field: "(FHIR)", message: expect.stringMatching(/^b\.json is not valid JSON at line 1, column 27/) },
      ],
    });
    expect(parseFhirJson('<Bundle xmlns="http://hl7.org/fhir">', "b.xml")).toMatchObject({
      problems: [{ message: expect.stringContaining("FHIR XML") }],
    });
    expect(problems([1, 2])).toEqual([{ field: "(FHIR)", message: expect.stringContaining("not a FHIR R4 resource") }]);
    expect(problems(fixture("patient"))).toEqual([
      { field: "Patient", message: expect.stringContaining("send a Bundle") },
    ]);
  });

  test("STU3's dose place, a status or Bundle type outside R4, a wrongly typed value", () => {
    const request = fixture("medicationrequest-contained");
    request.dosageInstruction[0].doseQuantity = { value: 4, unit: "mg" };
    expect(problems(request)).toContainEqual({
      field: "MedicationRequest.dosageInstruction[0].doseQuantity",
      message: expect.stringContaining("not R4 JSON"),
    });
    const bundle = fixture("bundle-collection");
    bundle.type = "bag";
    expect(problems(bundle)).toEqual([
      { field: "Bundle.type", message: expect.stringContaining("Bundle type of FHIR R4") },
    ]);
    const typed = fixture("bundle-collection");
    typed.entry[1].resource.dispenseRequest.numberOfRepeatsAllowed = "2";
    expect(problems(typed)).toEqual([
      { field: "Bundle.entry[1].resource.dispenseRequest.numberOfRepeatsAllowed", message: "must be a whole number" },
    ]);
  });

  test("a Bundle without a MedicationRequest", () => {
    const bundle = fixture("bundle-collection");
    bundle.entry.splice(1, 1);
    expect(problems(bundle)).toEqual([
      { field: "Bundle.entry", message: expect.stringContaining("holds no MedicationRequest") },
    ]);
  });

  test("two MedicationRequests without --select, and a --select that names neither", () => {
    expect(problems(fixture("bundle-two-requests"))).toEqual([
      {
        field: "Bundle.entry",
        message: expect.stringMatching(
          /holds 2 MedicationRequests .*"pom-pd28" at Bundle\.entry\[1\]\.resource.*--select <id>/,
        ),
      },
    ]);
    expect(problems(fixture("bundle-two-requests"), { select: "pom-x" })).toEqual([
      { field: "--select", message: expect.stringContaining('"pom-x", which the Bundle does not hold') },
    ]);
  });

  test("an unknown medicine code and an unknown protocol URL, naming what is known", () => {
    const request = fixture("bundle-collection");
    request.entry[1].resource.medicationCodeableConcept.coding[0].code = "L04AX05";
    expect(problems(request)).toEqual([
      {
        field: "Bundle.entry[1].resource.medicationCodeableConcept.coding",
        message: expect.stringMatching(/L04AX05 \(http:\/\/www\.whocc\.no\/atc\).*known codes: L04AX06.*pomalidomide/),
      },
    ]);
    const protocol = fixture("bundle-collection");
    protocol.entry[1].resource.instantiatesCanonical = ["https://example.org/PlanDefinition/pd-29"];
    expect(problems(protocol)).toEqual([
      { field: "Bundle.entry[1].resource.instantiatesCanonical", message: expect.stringContaining("give --regimen") },
    ]);
    expect(mapped(protocol, { regimen: "pd-28" }).paths.regimen).toBe("--regimen");
  });

  test("a flag that contradicts the record is refused, naming both", () => {
    const bundle = fixture("bundle-collection");
    expect(problems(bundle, { cycles: 6, regimen: "pvd-21", ppp: "man", lang: "en" })).toEqual([
      {
        field: "--regimen",
        message:
          "says pvd-21, but the record says pd-28 (Bundle.entry[1].resource.instantiatesCanonical[0]); leave the flag out or correct the record",
      },
      {
        field: "--cycles",
        message: expect.stringContaining(
          "says 6, but the record says 3 (Bundle.entry[1].resource.dispenseRequest.numberOfRepeatsAllowed)",
        ),
      },
      {
        field: "--ppp",
        message: expect.stringContaining(
          "says man, but the record says woman-childbearing (Bundle.entry[4].resource.valueCodeableConcept)",
        ),
      },
      {
        field: "--lang",
        message: expect.stringContaining(
          "says en, but the record says nl (Bundle.entry[0].resource.communication[1].language)",
        ),
      },
    ]);
    // A flag that agrees with the record is no contradiction.
    expect(orderFromFhir(bundle, mapping, catalog, { cycles: 3, lang: "nl" }).ok).toBe(true);
  });

  test("a dose of 5 mg is refused by the order validation, as from a CSV row, at the doseQuantity's path", () => {
    const bundle = fixture("bundle-collection");
    bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value = 5;
    const csv = validateOrder({ ...FHIR_BUNDLE_ORDER, doseMg: 5 }, catalog);
    if (csv.ok) throw new Error("5 mg must be refused");
    expect(problems(bundle)).toEqual([
      {
        field: "Bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity",
        message: `${csv.problems[0]?.message} (order field doseMg)`,
      },
    ]);
  });

  test("a dose not in mg, a dose range, two different doses; a cancelled request; a partial birth date", () => {
    const grams = fixture("medicationrequest-contained");
    grams.dosageInstruction[0].doseAndRate[0].doseQuantity = {
      value: 0.004,
      unit: "g",
      system: "http://unitsofmeasure.org",
      code: "g",
    };
    expect(problems(grams)).toEqual([
      {
        field: "MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity",
        message: expect.stringContaining('UCUM code "mg"'),
      },
    ]);
    const range = fixture("medicationrequest-contained");
    range.dosageInstruction[0].doseAndRate[0] = { doseRange: { low: { value: 3 }, high: { value: 4 } } };
    expect(problems(range)[0]?.field).toBe("MedicationRequest.dosageInstruction[0].doseAndRate[0].doseRange");
    const two = fixture("medicationrequest-contained");
    two.dosageInstruction.push(structuredClone(two.dosageInstruction[0]));
    two.dosageInstruction[1].doseAndRate[0].doseQuantity.value = 3;
    expect(problems(two)[0]?.field).toBe("MedicationRequest.dosageInstruction[1].doseAndRate[0].doseQuantity");
    const cancelled = fixture("medicationrequest-contained");
    cancelled.status = "cancelled";
    expect(problems(cancelled)).toEqual([
      { field: "MedicationRequest.status", message: expect.stringContaining("not active") },
    ]);
    const partial = fixture("bundle-collection");
    partial.entry[0].resource.birthDate = "1958";
    expect(problems(partial)).toEqual([
      {
        field: "Bundle.entry[0].resource.birthDate",
        message: expect.stringMatching(/YYYY-MM-DD.*\(order field dateOfBirth\)$/),
      },
    ]);
  });

  test("a missing Patient, a Patient without the mapping's identifier; what neither record nor flag gives", () => {
    const orphan = fixture("medicationrequest-contained");
    orphan.subject.reference = "#nobody";
    expect(problems(orphan)).toEqual([
      { field: "MedicationRequest.subject", message: expect.stringContaining("Patient") },
    ]);
    const noId = fixture("bundle-collection");
    noId.entry[0].resource.identifier = [];
    expect(problems(noId)).toEqual([
      {
        field: "Bundle.entry[0].resource.identifier",
        message: expect.stringContaining("urn:oid:1.2.36.146.595.217.0.1"),
      },
    ]);
    const withoutPpp = problems(fixture("bundle-transaction"));
    expect(withoutPpp).toEqual([{ field: "pppCategory", message: expect.stringContaining("give --ppp") }]);
  });

  test("no message repeats the patient's name or date of birth", () => {
    const bundle = fixture("bundle-collection");
    bundle.entry[0].resource.birthDate = "2030-04-30";
    bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value = 5;
    const text = JSON.stringify(problems(bundle, { cycles: 9 }));
    expect(text).not.toMatch(/Zoë|Vries|2030|1958/);
  });
});

describe("templates/fhir/mapping.yaml is checked by leaflets validate", () => {
  test("leaflets validate reports a broken mapping with its file and key", async () => {
    const root = projectCopy();
    editText(root, "templates/fhir/mapping.yaml", (text) =>
      text.replace("authoredOnMayStandInForStart: false", "authoredOnMayStandInForStart: maybe"),
    );
    expect(await validateProject(root)).toEqual([
      { file: "templates/fhir/mapping.yaml", key: "authoredOnMayStandInForStart", message: expect.any(String) },
    ]);
  });

  test("the shipped mapping is valid", () => {
    expect(loadFhirMapping(catalog).problems).toEqual([]);
  });

  test("an unknown medicine or regimen, a code for two medicines, a misspelt key are named with file and key", () => {
    const root = projectCopy();
    editText(root, "templates/fhir/mapping.yaml", (text) =>
      text
        .replace("- drug: imlygic", "- drug: imlygik")
        .replace("{ regimen: pvd-21,", "{ regimen: pvd-12,")
        .replace("code: L01XX51", "code: L04AX06"),
    );
    const { catalog: copy } = loadCatalog(root);
    expect(loadFhirMapping(copy).problems).toEqual([
      {
        file: "templates/fhir/mapping.yaml",
        key: "medicines.1.drug",
        message: 'no medicine "imlygik" in templates/drugs/',
      },
      {
        file: "templates/fhir/mapping.yaml",
        key: "medicines.1.codes.0",
        message: expect.stringContaining("already names pomalidomide"),
      },
      {
        file: "templates/fhir/mapping.yaml",
        key: "regimens.1.regimen",
        message: 'no regimen "pvd-12" in templates/regimens/',
      },
    ]);
    editText(root, "templates/fhir/mapping.yaml", (text) =>
      text.replace(/^cycles: repeatsPlusOne$/m, "cycle: repeatsPlusOne"),
    );
    const keys = loadFhirMapping(loadCatalog(root).catalog).problems.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(["cycles", ""]));
  });
});

describe("a FHIR file is read as strictly as an order", () => {
  test("a key given twice, bytes that are not UTF-8 and a BOM in the middle are refused", () => {
    const twice = parseFhirJson(
      Buffer.from('{"resourceType": "Bundle",\n "type": "collection",\n "type": "transaction"}'),
      "b.json",
    );
    expect(twice.ok).toBe(false);
    expect(JSON.stringify(twice)).toMatch(/type.*twice.*lines 2 and 3/);
    const bytes = parseFhirJson(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), "b.json");
    expect(bytes).toMatchObject({ ok: false, problems: [{ field: "(FHIR)" }] });
    expect(JSON.stringify(bytes)).toMatch(/not UTF-8/);
    const bom = parseFhirJson(Buffer.from('{"a":\n"\uFEFF"}'), "b.json");
    expect(JSON.stringify(bom)).toMatch(/byte order mark/);
  });
});
