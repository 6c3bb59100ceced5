// The real `leaflets` command as a child process (node bin/leaflets.js, cwd the project), writing into a
// temporary folder: exit codes, what it prints, and what it writes (or does not write).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, type ExpectStatic, test } from "vitest";
import { runCli as cli, listTree, type CliRun as Run, singleJson, tempFolders } from "../helpers/cli.ts";
import { baseOrder, type OrderInput } from "../helpers/orders.ts";
import { extractText, flat, pageSizes } from "../helpers/pdf.ts";

const freshDir = tempFolders("leaflets-cli-test-");

function writeOrder(dir: string, order: OrderInput | string): string {
  const path = join(dir, "order.json");
  writeFileSync(path, typeof order === "string" ? order : JSON.stringify(order, null, 2));
  return path;
}

describe.concurrent("leaflets generate", () => {
  test("--demo writes the leaflet and the card to DIR/DEMO-0001/ and prints their paths", async ({ expect }) => {
    const out = freshDir("demo");
    const run = await cli(["generate", "--demo", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const path = join(out, "DEMO-0001", "pomalidomide-leaflet-en.pdf");
    const card = join(out, "DEMO-0001", "pomalidomide-card-en.pdf");
    expect(run.stdout.trim().split("\n")).toEqual([path, card]);
    expect(readFileSync(card).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(existsSync(path)).toBe(true);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await extractText(bytes);
    expect(text[0]).toContain("For Zoë Çelik-Łukasz (DEMO-0001)");
    expect(text[0]).toContain("Start date 1 December 2026");
    expect(text[0]).toContain(`Page 1 of ${text.length}`);
  });

  test("--demo --lang nl writes …-nl.pdf in Dutch", async ({ expect }) => {
    const out = freshDir("demo-nl");
    const run = await cli(["generate", "--demo", "--lang", "nl", "--kinds", "leaflet", "--out", out]);
    expect(run.code).toBe(0);
    const path = join(out, "DEMO-0001", "pomalidomide-leaflet-nl.pdf");
    expect(run.stdout.trim()).toBe(path);
    expect(existsSync(join(out, "DEMO-0001", "pomalidomide-card-nl.pdf"))).toBe(false);
    expect(readFileSync(path).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(existsSync(join(out, "DEMO-0001", "pomalidomide-leaflet-en.pdf"))).toBe(false);
    const text = await extractText(readFileSync(path));
    expect(text[0]).toContain("Pagina 1 van ");
    expect(flat(text)).toContain("Cyclus 1: 1 december 2026 – 28 december 2026");
    // Whom to call, as a Dutch nurse says it ("Wie belt u?" would mean "who is calling you?").
    expect(flat(text)).toContain("Wie kunt u bellen?");
    expect(flat(text)).not.toContain("Wie belt u");
    expect(flat(text)).toContain("Spoednummer (dag en nacht)");
  });

  test("--patient order.json --json prints exactly one JSON object with the files written", async ({ expect }) => {
    const dir = freshDir("json");
    const out = join(dir, "out");
    const orderPath = writeOrder(dir, { ...baseOrder(), cycles: 1 });
    const run = await cli(["generate", "--patient", orderPath, "--out", out, "--json"]);
    expect(run.code).toBe(0);
    const result = singleJson(run.stdout);
    const path = join(out, "T-0001", "pomalidomide-leaflet-en.pdf");
    const cardPath = join(out, "T-0001", "pomalidomide-card-en.pdf");
    const pages = (await pageSizes(readFileSync(path))).length;
    expect(pages).toBeGreaterThan(1);
    expect(result).toEqual({
      ok: true,
      files: [
        { path, kind: "leaflet", language: "en", pages },
        { path: cardPath, kind: "card", language: "en", pages: 2 },
      ],
    });
  });

  test("--duplex pads a leaflet with an odd page count with a blank back page, in its language, with the id", async ({
    expect,
  }) => {
    const plain = freshDir("duplex-plain");
    const padded = freshDir("duplex");
    // German: the demo leaflet has an odd page count in it (9 pages).
    const args = ["generate", "--demo", "--lang", "de", "--kinds", "leaflet", "--out"];
    expect((await cli([...args, plain])).code).toBe(0);
    expect((await cli([...args, padded, "--duplex"])).code).toBe(0);
    const file = join("DEMO-0001", "pomalidomide-leaflet-de.pdf");
    const before = await extractText(readFileSync(join(plain, file)));
    const after = await extractText(readFileSync(join(padded, file)));
    expect(before.length % 2).toBe(1); // the padding is exercised
    expect(after.length).toBe(before.length + 1);
    expect(after.slice(0, -1)).toEqual(before);
    expect(flat(after.at(-1) ?? "")).toBe("Diese Seite wurde absichtlich leer gelassen. Patientennummer: DEMO-0001");
  });

  test("--paper Letter gives Letter-size pages", async ({ expect }) => {
    const out = freshDir("letter");
    const run = await cli(["generate", "--demo", "--paper", "Letter", "--out", out]);
    expect(run.code).toBe(0);
    const sizes = await pageSizes(readFileSync(join(out, "DEMO-0001", "pomalidomide-leaflet-en.pdf")));
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) {
      expect(Math.abs(size.width - 612)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(size.height - 792)).toBeLessThanOrEqual(0.5);
    }
  });
});

describe.concurrent("a refused order", () => {
  // Identifying details that must never reach a terminal or a log.
  const name = "Geheimnaam Privé";
  const dateOfBirth = "1950-06-15";
  const refused = { ...baseOrder(), name, dateOfBirth, startDate: "2026-02-30", doseMg: 5 };

  const expectNoPersonalData = (expect: ExpectStatic, run: Run) => {
    const output = run.stdout + run.stderr;
    for (const part of [name, ...name.split(" "), dateOfBirth]) expect(output).not.toContain(part);
  };

  test("--json: exit code 1, {ok:false, errors} naming both fields, nothing written", async ({ expect }) => {
    const dir = freshDir("refused-json");
    const out = join(dir, "out");
    const orderPath = writeOrder(dir, refused);
    const run = await cli(["generate", "--patient", orderPath, "--out", out, "--json"]);
    expect(run.code).toBe(1);
    const result = singleJson(run.stdout);
    expect(result.ok).toBe(false);
    const errors = result.errors as { field: string; message: string }[];
    expect(Array.isArray(errors)).toBe(true);
    for (const error of errors) {
      expect(Object.keys(error).sort()).toEqual(["field", "message"]);
      expect(typeof error.message).toBe("string");
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(["startDate", "doseMg"]));
    expect(listTree(out)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["order.json"]);
    expectNoPersonalData(expect, run);
  });

  test("without --json: exit code 1, both fields named, no personal data, nothing written", async ({ expect }) => {
    const dir = freshDir("refused-text");
    const out = join(dir, "out");
    const orderPath = writeOrder(dir, refused);
    const run = await cli(["generate", "--patient", orderPath, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("startDate");
    expect(run.stderr).toContain("doseMg");
    expect(run.stdout).toBe("");
    expect(listTree(out)).toEqual([]);
    expect(readdirSync(dir)).toEqual(["order.json"]);
    expectNoPersonalData(expect, run);
  });

  test("a date of birth written the wrong way round is not echoed back", async ({ expect }) => {
    const dir = freshDir("refused-dob");
    const out = join(dir, "out");
    const orderPath = writeOrder(dir, { ...baseOrder(), name, dateOfBirth: "15-06-1950" });
    const runs = await Promise.all([
      cli(["generate", "--patient", orderPath, "--out", out]),
      cli(["generate", "--patient", orderPath, "--out", out, "--json"]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain("dateOfBirth");
      expect(run.stdout + run.stderr).not.toContain("15-06-1950");
      expectNoPersonalData(expect, run);
    }
    expect(listTree(out)).toEqual([]);
  });

  test("an order file that is not valid JSON does not echo the name", async ({ expect }) => {
    const dir = freshDir("refused-badjson");
    const out = join(dir, "out");
    // A hand-edited file with the name left unquoted.
    const orderPath = writeOrder(dir, `{"patientId": "T-0001", "name": ${name}, "drug": "pomalidomide"}`);
    const runs = await Promise.all([
      cli(["generate", "--patient", orderPath, "--out", out]),
      cli(["generate", "--patient", orderPath, "--out", out, "--json"]),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(1);
      expectNoPersonalData(expect, run);
    }
    expect(listTree(out)).toEqual([]);
  });
});

describe.concurrent("bad invocations exit with code 2 and write nothing", () => {
  const cases: [string, (dir: string) => string[]][] = [
    ["both --demo and --patient", (dir) => ["--demo", "--patient", writeOrder(dir, baseOrder())]],
    ["neither --demo nor --patient", () => []],
    ["an unknown option", () => ["--demo", "--frobnicate"]],
    ["--paper A3", () => ["--demo", "--paper", "A3"]],
    ["a missing order file", (dir) => ["--patient", join(dir, "no-such-order.json")]],
  ];
  test.for(cases)("%s", async ([, args], { expect }) => {
    const dir = freshDir("usage");
    const out = join(dir, "out");
    const run = await cli(["generate", ...args(dir), "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.length).toBeGreaterThan(0);
    expect(listTree(out)).toEqual([]);
  });
});

describe.concurrent("leaflets list and validate", () => {
  test("list shows the medicines, regimens, languages and brands", async ({ expect }) => {
    const run = await cli(["list"]);
    expect(run.code).toBe(0);
    for (const id of ["pomalidomide", "pd-28", "pvd-21", "en", "nl", "default"]) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${id}\\s`, "m"));
    }
  });

  test("list --json names the same ids", async ({ expect }) => {
    const run = await cli(["list", "--json"]);
    expect(run.code).toBe(0);
    const listing = singleJson(run.stdout) as Record<string, { id?: string; code?: string }[]>;
    const ids = (key: string) => (listing[key] ?? []).map((entry) => entry.id ?? entry.code);
    expect(ids("drugs")).toContain("pomalidomide");
    expect(ids("regimens")).toEqual(expect.arrayContaining(["pd-28", "pvd-21"]));
    expect(ids("languages")).toEqual(expect.arrayContaining(["en", "nl"]));
    expect(ids("brands")).toContain("default");
  });

  test("validate exits 0 on the shipped files", async ({ expect }) => {
    const run = await cli(["validate"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
