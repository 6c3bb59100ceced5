// `leaflets generate --fhir` and `leaflets batch --format fhir` as a nurse runs them (child processes, a
// temporary folder): a FHIR order prints byte for byte the PDFs of the same order as JSON, --ics adds the
// calendar file through the same writer and manifest, refusals name the FHIR path (exit 1), an unreadable
// file exits 2, and a batch of Bundles reports rows by line number.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { runCli as cli, tempFolders } from "../helpers/cli.ts";
import { FHIR_BUNDLE_ORDER } from "../helpers/orders.ts";
import { extractText, flat } from "../helpers/pdf.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/fhir");
const fixturePath = (name: string) => join(FIXTURES, `${name}.json`);
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form FHIR JSON edited by the tests
const fixture = (name: string): Record<string, any> => JSON.parse(readFileSync(fixturePath(name), "utf8"));

const freshDir = tempFolders("leaflets-fhir-cli-");
function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

/** Child processes that render: on a shared 2-core machine they may wait a long time for a core. */
const HEAVY_TIMEOUT = 240_000;

describe.concurrent("leaflets generate --fhir", { timeout: HEAVY_TIMEOUT }, () => {
  test("a FHIR Bundle and the same order as JSON give byte-identical PDFs; --ics adds the calendar to the manifest", async ({
    expect,
  }) => {
    const fhirOut = freshDir("fhir");
    const jsonOut = freshDir("json");
    const [fromFhir, fromJson] = await Promise.all([
      cli(["generate", "--fhir", fixturePath("bundle-collection"), "--out", fhirOut, "--ics", "--json"]),
      cli(["generate", "--patient", writeJson(jsonOut, "order.json", FHIR_BUNDLE_ORDER), "--out", jsonOut]),
    ]);
    expect(fromFhir.stderr).toBe("");
    expect(fromFhir.code).toBe(0);
    expect(fromJson.code).toBe(0);
    const result = JSON.parse(fromFhir.stdout) as { files: { path: string; kind: string; pages: number }[] };
    const folder = join(fhirOut, "FHIR-0001");
    expect(result.files.map((f) => [f.kind, f.path])).toEqual([
      ["leaflet", join(folder, "pomalidomide-leaflet-nl.pdf")],
      ["card", join(folder, "pomalidomide-card-nl.pdf")],
      ["calendar", join(folder, "pomalidomide-calendar-nl.ics")],
    ]);
    for (const name of ["pomalidomide-leaflet-nl.pdf", "pomalidomide-card-nl.pdf"]) {
      expect(readFileSync(join(folder, name)).equals(readFileSync(join(jsonOut, "FHIR-0001", name)))).toBe(true);
    }
    const leaflet = flat(await extractText(readFileSync(join(folder, "pomalidomide-leaflet-nl.pdf"))));
    expect(leaflet).toContain("Zoë de Vries");
    expect(leaflet).toContain("FHIR-0001");
    expect(leaflet).toContain("+31 20 555 0111");
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as {
      files: { file: string; sha256: string }[];
    };
    const ics = readFileSync(join(folder, "pomalidomide-calendar-nl.ics"));
    expect(manifest.files.map((f) => f.file)).toContain("pomalidomide-calendar-nl.ics");
    const { createHash } = await import("node:crypto");
    expect(manifest.files.find((f) => f.file.endsWith(".ics"))?.sha256).toBe(
      createHash("sha256").update(ics).digest("hex"),
    );
    expect(ics.toString("utf8")).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.toString("utf8")).toContain("SUMMARY:pomalidomide 4 mg · dexamethason 40 mg");
    expect(ics.toString("utf8")).not.toMatch(/Zoë|Vries|1958/);
  });

  test("a 5 mg dose is refused (exit 1) at the doseQuantity's FHIR path, nothing written", async ({ expect }) => {
    const dir = freshDir("dose");
    const bundle = fixture("bundle-collection");
    bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value = 5;
    const run = await cli(["generate", "--fhir", writeJson(dir, "b.json", bundle), "--out", join(dir, "out")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "- Bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity: 5 mg is not a pomalidomide strength; use 1, 2, 3 or 4 (mg) (order field doseMg)",
    );
    expect(run.stderr).not.toMatch(/Zoë|Vries|1958/);
    expect(existsSync(join(dir, "out"))).toBe(false);
    const json = await cli(["generate", "--fhir", join(dir, "b.json"), "--out", join(dir, "out"), "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      errors: [
        {
          field: "Bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity",
          message: expect.stringContaining("5 mg"),
        },
      ],
    });
  });

  test("two MedicationRequests need --select (exit 1); a flag against the record is refused naming both", async ({
    expect,
  }) => {
    const [two, contradiction] = await Promise.all([
      cli(["generate", "--fhir", fixturePath("bundle-two-requests"), "--out", freshDir("two")]),
      cli(["generate", "--fhir", fixturePath("bundle-collection"), "--cycles", "6", "--out", freshDir("flag")]),
    ]);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/Bundle\.entry: holds 2 MedicationRequests .*--select <id>/);
    expect(contradiction.code).toBe(1);
    expect(contradiction.stderr).toContain(
      "--cycles: says 6, but the record says 3 (Bundle.entry[1].resource.dispenseRequest.numberOfRepeatsAllowed)",
    );
  });

  test("exit 2 for a file that cannot be read or flags without --fhir; exit 1 for text that is not FHIR JSON", async ({
    expect,
  }) => {
    const dir = freshDir("bad");
    const [missing, orphanFlag, notJson, unknownCode] = await Promise.all([
      cli(["generate", "--fhir", join(dir, "missing.json")]),
      cli(["generate", "--demo", "--ppp", "man"]),
      cli(["generate", "--fhir", writeJson(dir, "x.json", "<Bundle/>")]),
      cli([
        "generate",
        "--fhir",
        writeJson(dir, "c.json", { ...fixture("imlygic-request"), medicationCodeableConcept: { text: "T-VEC" } }),
      ]),
    ]);
    expect([missing.code, orphanFlag.code, notJson.code, unknownCode.code]).toEqual([2, 2, 1, 1]);
    expect(missing.stderr).toContain("cannot read the FHIR file");
    expect(orphanFlag.stderr).toContain("--ppp go with --fhir");
    expect(notJson.stderr).toContain("FHIR XML");
    expect(unknownCode.stderr).toContain("MedicationRequest.medicationCodeableConcept.coding: names no medicine");
  });
});

test("leaflets batch --format fhir: one Bundle per line, rows are line numbers, problems name FHIR paths", async ({
  expect,
}) => {
  const dir = freshDir("batch");
  const fiveMg = fixture("bundle-collection");
  fiveMg.entry[0].resource.identifier[0].value = "FHIR-0005";
  fiveMg.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value = 5;
  const lines = [
    JSON.stringify(fixture("bundle-collection")),
    "",
    JSON.stringify(fixture("bundle-transaction")),
    JSON.stringify(fixture("imlygic-request")),
    '{"resourceType": "Bundle", "type": "collection", "entry": [',
    JSON.stringify(fiveMg),
  ];
  const input = writeJson(dir, "bundles.ndjson", `${lines.join("\n")}\n`);
  const out = join(dir, "out");
  const run = await cli([
    "batch",
    input,
    "--format",
    "fhir",
    "--out",
    out,
    "--workers",
    "1",
    "--kinds",
    "card",
    "--json",
  ]);
  expect(run.code).toBe(1);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
    rows: { row: number; patientId: string | null; status: string; errors: { field: string; message: string }[] }[];
  };
  expect(report.rows.map((r) => [r.row, r.patientId, r.status])).toEqual([
    [1, "FHIR-0001", "ok"],
    [3, "FHIR-0002", "failed"],
    [4, "FHIR-0003", "ok"],
    [5, null, "failed"],
    [6, "FHIR-0005", "failed"],
  ]);
  expect(report.rows[1]?.errors).toEqual([
    { field: "pppCategory", message: expect.stringContaining("is required for pomalidomide") },
  ]);
  expect(report.rows[3]?.errors[0]?.message).toContain("line 5 is not valid JSON at line 5");
  expect(report.rows[4]?.errors).toEqual([
    {
      field: "Bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity",
      message: expect.stringContaining("5 mg"),
    },
  ]);
  expect(readFileSync(join(out, "report.csv"), "utf8")).not.toMatch(/Zoë|Łukasz|Ğül/);
  const bad = await cli(["batch", input, "--format", "xml", "--out", out]);
  expect(bad.code).toBe(2);
});
