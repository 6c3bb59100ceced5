// A medicine is data: the fictional zorivastat (test/fixtures/medicine-project, never shipped) with its own
// order field `tabletForm` and its own card, laid over a copy of the project. Validated, generated (its
// leaflet and card, read back from the PDFs), checked by `leaflets validate --project`, listed by
// `leaflets list`, described to the nurses' page and accepted as a CSV column — with no code for it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readOrders } from "../../src/batch/readOrders.ts";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalog } from "../../src/catalog/loadCatalog.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { describeCatalog } from "../../src/web/describeCatalog.ts";
import { runCli } from "../helpers/cli.ts";
import { fixtureProject } from "../helpers/fixtureProject.ts";
import { extractText, flat } from "../helpers/pdf.ts";
import { editJson, removeProjectCopies } from "../helpers/projectCopy.ts";

const zorivastat = {
  patientId: "ZOR-0001",
  name: "Test Patiënt",
  drug: "zorivastat",
  regimen: "zori-14",
  startDate: "2026-12-01",
  cycles: 2,
  tabletForm: "dispersed",
  language: "en",
};

let root: string;
let catalog: Catalog;

beforeAll(() => {
  root = fixtureProject();
  const loaded = loadCatalog(root);
  expect(loaded.problems).toEqual([]);
  catalog = loaded.catalog;
});
afterAll(removeProjectCopies);

describe("the fixture medicine's order", () => {
  test("is valid with its own field, which the order keeps under its own name", () => {
    const result = validateOrder(zorivastat, catalog);
    expect(result.ok && result.order).toMatchObject({ drug: "zorivastat", cycles: 2, tabletForm: "dispersed" });
  });

  test("its field is required, takes only its values, and is refused for another medicine", () => {
    const problems = (input: Record<string, unknown>) => {
      const result = validateOrder(input, catalog);
      return result.ok ? [] : result.problems;
    };
    const { tabletForm: _, ...without } = zorivastat;
    expect(problems(without)).toEqual([
      { field: "tabletForm", message: "is required for zorivastat: whole or dispersed" },
    ]);
    expect(problems({ ...zorivastat, tabletForm: "crushed" })).toEqual([
      { field: "tabletForm", message: "must be one of whole, dispersed" },
    ]);
    expect(problems({ ...zorivastat, pppCategory: "man" })).toEqual([
      { field: "pppCategory", message: "does not apply to zorivastat (it is for pomalidomide); leave it out" },
    ]);
    const pomalidomide = {
      ...zorivastat,
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: 4,
      pppCategory: "man",
    };
    expect(problems(pomalidomide)).toEqual([
      { field: "tabletForm", message: "does not apply to pomalidomide (it is for zorivastat); leave it out" },
    ]);
  });

  test("the shipped project does not know the field", () => {
    const shipped = loadCatalog().catalog;
    const result = validateOrder(zorivastat, shipped);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toContain("tabletForm");
  });
});

describe("its leaflet and card", () => {
  let leaflet: string;
  let card: string;
  let wholeCard: string;

  beforeAll(async () => {
    const order = (input: Record<string, unknown>): Order => {
      const result = validateOrder(input, catalog);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.order;
    };
    const documents = await generateDocuments(order(zorivastat), catalog);
    const text = async (kind: string, docs = documents) => {
      const bytes = docs.find((d) => d.kind === kind)?.bytes;
      if (!bytes) throw new Error(`no ${kind}`);
      return flat(await extractText(bytes));
    };
    leaflet = await text("leaflet");
    card = await text("card");
    const whole = await generateDocuments(order({ ...zorivastat, tabletForm: "whole" }), catalog, { kinds: ["card"] });
    wholeCard = await text("card", whole);
  }, 120_000);

  test("the leaflet prints the field among the patient's details and the text for its value", () => {
    expect(leaflet).toContain("Tablets dispersed in water");
    expect(leaflet).toContain("Stir each tablet into half a glass of water");
    expect(leaflet).not.toContain("Swallow each tablet whole");
    // Its own regimen: 50 mg on days 1–7 of 14-day cycles, from the engine.
    expect(leaflet).toContain("Take zorivastat 50 mg");
    expect(leaflet).toContain("2 cycles: 1 December 2026 – 28 December 2026");
    expect(leaflet).not.toMatch(/pregnan/i);
  });

  test("its own card prints the value and the rule for it", () => {
    expect(card).toContain("Zorivastat (Zorivex), a fictional medicine");
    expect(card).toContain("Patient number: ZOR-0001 · Tablets: dispersed in water");
    expect(card).toContain("Stir the tablet into water and drink it at once.");
    expect(card).not.toContain("Swallow the tablet whole");
    expect(wholeCard).toContain("Tablets: swallowed whole");
    expect(wholeCard).toContain("Swallow the tablet whole with water.");
    expect(wholeCard).not.toContain("Stir the tablet");
  });
});

describe("the project's commands, page and batch", () => {
  test("leaflets validate --project passes, and finds a value's text missing in one language", async () => {
    const ok = await runCli(["validate", "--project", root]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const broken = fixtureProject();
    editJson(broken, "locales/nl/zorivastat.json", (json) => {
      delete json.sections.card.whole;
    });
    const run = await runCli(["validate", "--project", broken, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("locales/nl/zorivastat.json");
    expect(run.stdout).toContain("sections.card.whole");
  }, 120_000);

  test("validate names a field's label that no language holds (the page would show a bare key)", async () => {
    const broken = fixtureProject();
    for (const language of ["en", "nl"]) {
      editJson(broken, `locales/${language}/zorivastat.json`, (json) => {
        delete json.orderFields.tabletForm.label;
      });
    }
    const { validateProject } = await import("../../src/validate/validateProject.ts");
    const message = "missing: the label of the order field tabletForm (templates/drugs/zorivastat.yaml)";
    expect(await validateProject(broken)).toEqual([
      { file: "locales/en/zorivastat.json", key: "orderFields.tabletForm.label", message },
      { file: "locales/nl/zorivastat.json", key: "orderFields.tabletForm.label", message },
    ]);
  }, 120_000);

  test("leaflets list --project names the medicine's fields", async () => {
    const run = await runCli(["list", "--project", root, "--json"]);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as { drugs: { id: string; orderFields: Record<string, string> }[] };
    expect(listing.drugs.find((d) => d.id === "zorivastat")?.orderFields).toEqual({
      cycles: "required, 1–12 cycles",
      tabletForm: "required, one of whole, dispersed",
    });
  }, 60_000);

  test("the catalog the page reads describes the field, with its texts from the project's locale files", () => {
    const answer = describeCatalog(catalog);
    const drug = answer.drugs.find((d) => d.id === "zorivastat");
    expect(drug?.orderFields).toEqual({ cycles: "required", tabletForm: "required" });
    expect(drug?.fields.map((f) => f.name)).toEqual(["cycles", "tabletForm"]);
    const field = drug?.fields.find((f) => f.name === "tabletForm");
    expect(field).toEqual({
      name: "tabletForm",
      use: "required",
      type: "choice",
      label: "zorivastat:orderFields.tabletForm.label",
      help: "zorivastat:orderFields.tabletForm.help",
      values: [
        { value: "whole", name: "zorivastat:tabletForm.whole" },
        { value: "dispersed", name: "zorivastat:tabletForm.dispersed" },
      ],
    });
    expect(answer.labels.en?.texts["zorivastat:orderFields.tabletForm.label"]).toBe("How the tablets are taken");
    expect(answer.labels.nl?.texts["zorivastat:tabletForm.dispersed"]).toBe("uiteengevallen in water");
    expect(answer.orderFields).toContain("tabletForm");
  });

  test("a CSV may carry the field's column for this project, not for the shipped one", async () => {
    const csv = join(root, "clinic.csv");
    writeFileSync(
      csv,
      "patientId;name;drug;regimen;startDate;cycles;tabletForm;language\nZ-1;Ann Test;zorivastat;zori-14;2026-12-01;2;whole;en\n",
    );
    const rows = [];
    for await (const row of readOrders(csv, undefined, catalog)) rows.push(row);
    expect(rows).toEqual([
      { row: 2, fields: { ...zorivastat, patientId: "Z-1", name: "Ann Test", tabletForm: "whole" } },
    ]);
    const shipped = readOrders(csv);
    await expect(shipped.next()).rejects.toThrow(/unknown column "tabletForm"/);
  });
});
