// Pharmacist review end to end on a copy of the project: approve with the real command line, print with
// the real pipeline and read the PDF's text; then break the approval by editing one translated word or the
// English source, reject, require review by brand policy, and write many records at once.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { ConfigProblem } from "../../src/core/configProblem.ts";
import { OrderRefusedError } from "../../src/core/errors.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { reviewStatus } from "../../src/review/reviewStatus.ts";
import { validateProject } from "../../src/validate/validateProject.ts";
import { runCli } from "../helpers/cli.ts";
import { baseOrder } from "../helpers/orders.ts";
import { extractText, flat } from "../helpers/pdf.ts";
import { editJson, editText, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";

const fr = JSON.parse(readFileSync(join(PROJECT_ROOT, "locales/fr/common.json"), "utf8"));
const NOTICE_FR: string = fr.notice.unreviewed;

async function leafletText(root: string, order: Record<string, unknown> = {}): Promise<string[]> {
  const catalog = loadCatalogOrThrow(root);
  const result = validateOrder({ ...baseOrder(), language: "fr", ...order }, catalog);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const [leaflet] = await generateDocuments(result.order, catalog, { kinds: ["leaflet"] });
  if (!leaflet) throw new Error("no leaflet");
  return (await extractText(leaflet.bytes)).map(flat);
}

const state = (root: string, section: string, language = "fr") =>
  reviewStatus(loadCatalogOrThrow(root), language, "pomalidomide").find((s) => s.section === section);

afterAll(removeProjectCopies);

describe("approved French pomalidomide", () => {
  let root: string;
  let pages: string[];

  beforeAll(async () => {
    root = projectCopy();
    const approved = await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--by",
      "A. Jansen",
      "--role",
      "pharmacist",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ]);
    expect(approved.stderr).toBe("");
    expect(approved.code).toBe(0);
    const source = await runCli([
      "review",
      "source",
      "--source",
      "imnovid-smpc",
      "--version",
      "2025-03 (EMA)",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ]);
    expect(source.code).toBe(0);
    const leafletSource = await runCli([
      "review",
      "source",
      "--source",
      "imnovid-pil",
      "--version",
      "2024-11 (EMA)",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ]);
    expect(leafletSource.code).toBe(0);
    pages = await leafletText(root);
  }, 120_000);

  test("status says approved, by whom, for every section", async () => {
    const status = await runCli([
      "review",
      "status",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--json",
      "--project",
      root,
    ]);
    const sections = JSON.parse(status.stdout).sections as {
      section: string;
      state: string;
      decision?: { by: string };
    }[];
    expect(sections.map((s) => s.section)).toContain("ppp");
    expect(sections.every((s) => s.state === "approved" && s.decision?.by === "A. Jansen")).toBe(true);
  });

  test("show puts source and translation side by side, with the history", async () => {
    const show = await runCli([
      "review",
      "show",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--section",
      "ppp",
      "--project",
      root,
    ]);
    expect(show.code).toBe(0);
    const en = JSON.parse(readFileSync(join(PROJECT_ROOT, "locales/en/pomalidomide.json"), "utf8"));
    const frDrug = JSON.parse(readFileSync(join(PROJECT_ROOT, "locales/fr/pomalidomide.json"), "utf8"));
    expect(show.stdout).toContain(
      `[sections.ppp.title]\n  en: ${en.sections.ppp.title}\n  fr: ${frDrug.sections.ppp.title}`,
    );
    expect(show.stdout).toContain("Validator findings: none");
    expect(show.stdout).toContain("2026-12-03 approved by A. Jansen, pharmacist");
  });

  test("the PDF says who checked it, drops the notice, prints the recorded source version and the dates", () => {
    const all = pages.join("\n");
    expect(all).not.toContain(NOTICE_FR);
    expect(all).not.toContain("Vertaling nog niet gecontroleerd");
    // On every page's footer, and on the sources page.
    for (const page of pages) expect(page).toContain("Vérifié par A. Jansen, pharmacien, le 3 décembre 2026.");
    expect(all).toContain("Version : 2025-03 (EMA).");
    expect(all).toContain("Version : 2024-11 (EMA).");
    expect(all).not.toContain("non indiquée dans nos sources");
    expect(all).toMatch(/Version du contenu 2026-12-03 · [0-9a-f]{8}\./);
    expect(all).toContain("Publié le 1 décembre 2026 ; à réviser avant le 1 décembre 2028");
    expect(all).not.toContain("Pas encore vérifié par un pharmacien");
  });

  test("editing one translated word makes the section stale: status, validate, and the PDF's notice", async () => {
    const copy = projectCopy();
    await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      copy,
    ]);
    editJson(copy, "locales/fr/pomalidomide.json", (json) => {
      json.sections.ppp.title = json.sections.ppp.title.replace("grossesse", "Grossesse");
    });
    expect(state(copy, "ppp")).toMatchObject({ state: "stale", changed: ["text"] });
    expect(state(copy, "what")?.state).toBe("approved");
    const status = await runCli(["review", "status", "--lang", "fr", "--drug", "pomalidomide", "--project", copy]);
    expect(status.stdout).toMatch(/ppp +STALE: approved by A\. Jansen, 2026-12-03, but the text changed since/);
    const warnings: ConfigProblem[] = [];
    const problems = await validateProject(copy, warnings);
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: "locales/fr/pomalidomide.json",
        key: "sections.ppp",
        message: expect.stringContaining("stale review"),
      }),
    ]);
    const text = (await leafletText(copy)).join("\n");
    expect(text).toContain(NOTICE_FR);
    expect(text).not.toContain("Vérifié par");
    expect(text).toContain("Pas encore vérifié par un pharmacien : Programme de prévention de la Grossesse.");
    // Under a brand that requires review, validate fails on it.
    editText(copy, "templates/brands/default/brand.yaml", (yaml) => `${yaml}\nrequireReview: true\n`);
    const strict = await validateProject(copy);
    expect(strict).toEqual([expect.objectContaining({ file: "locales/fr/pomalidomide.json", key: "sections.ppp" })]);
  }, 60_000);

  test("editing the English source of a translation makes it stale", async () => {
    const copy = projectCopy();
    await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      copy,
    ]);
    editJson(copy, "locales/en/pomalidomide.json", (json) => {
      json.sections.sideEffects.title = `${json.sections.sideEffects.title} `;
    });
    expect(state(copy, "sideEffects")).toMatchObject({ state: "stale", changed: ["source"] });
    expect(state(copy, "ppp")?.state).toBe("approved");
  });
});

describe("rejected, refused, overridden", () => {
  test("a rejected section prints as unreviewed, named on the sources page", async () => {
    const root = projectCopy();
    await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ]);
    const rejected = await runCli([
      "review",
      "reject",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--section",
      "howToTake",
      "--by",
      "B. de Wit",
      "--note",
      "dose wording",
      "--date",
      "2026-12-04",
      "--project",
      root,
    ]);
    expect(rejected.code).toBe(0);
    expect(state(root, "howToTake")).toMatchObject({
      state: "rejected",
      decision: { note: "dose wording", by: "B. de Wit" },
    });
    const text = (await leafletText(root)).join("\n");
    expect(text).toContain(NOTICE_FR);
    expect(text).toContain("Pas encore vérifié par un pharmacien : Comment prendre le pomalidomide ?.");
    // History is kept: the approval and the rejection are both in the file.
    const lines = readFileSync(join(root, "locales/reviews/fr.jsonl"), "utf8").trim().split("\n");
    expect(lines.filter((l) => l.includes('"section":"howToTake"')).map((l) => JSON.parse(l).decision)).toEqual([
      "approved",
      "rejected",
    ]);
  }, 60_000);

  test("requireReview refuses to print, naming language, medicine and sections", async () => {
    const root = projectCopy();
    editText(root, "templates/brands/default/brand.yaml", (yaml) => `${yaml}\nrequireReview: true\n`);
    await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--section",
      "ppp",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ]);
    const error = await leafletText(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderRefusedError);
    const message = (error as OrderRefusedError).problems.map((p) => p.message).join("\n");
    expect(message).toContain("pomalidomide in fr has sections a pharmacist has not approved");
    expect(message).toContain("what: unreviewed");
    expect(message).toContain("howToTake: unreviewed");
    expect(message).not.toContain("ppp:");
    expect(message).toContain('the brand "default" requires review');
  }, 60_000);

  test("an approval the validator objects to is refused unless overridden, and the override is shown", async () => {
    const root = projectCopy();
    editJson(root, "locales/fr/pomalidomide.json", (json) => {
      json.sections.what.p3 = json.sections.what.p3.replace("4 mg", "5 mg");
    });
    const args = [
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--section",
      "what",
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ];
    const refused = await runCli(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Not approved: the validator finds");
    expect(refused.stderr).toContain(
      "locales/fr/pomalidomide.json [sections.what.p3]: the number 4 of the en text is missing",
    );
    expect(state(root, "what")?.state).toBe("unreviewed");
    const overridden = await runCli([...args, "--override", "strength checked with the SmPC"]);
    expect(overridden.code).toBe(0);
    const status = await runCli(["review", "status", "--lang", "fr", "--drug", "pomalidomide", "--project", root]);
    expect(status.stdout).toMatch(
      /what +approved by A\. Jansen, pharmacist, 2026-12-03 \(override: strength checked with the SmPC\)/,
    );
  }, 60_000);

  test("unknown names are refused with the known ones listed; a reviewer's name is required", async () => {
    const root = projectCopy();
    const cases: [string[], string][] = [
      [["--lang", "xx", "--drug", "pomalidomide"], 'unknown language "xx"; known: ar, de, en, fr, nl, pl, tr'],
      [["--lang", "fr", "--drug", "aspirin"], 'unknown medicine "aspirin"; known: imlygic, pomalidomide'],
      [
        ["--lang", "fr", "--drug", "pomalidomide", "--section", "nope"],
        'unknown section "nope" of pomalidomide in fr; known: common, document, what,',
      ],
    ];
    const runs = await Promise.all(
      cases.map(([args]) => runCli(["review", "approve", ...args, "--by", "A. Jansen", "--project", root])),
    );
    for (const [index, run] of runs.entries()) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(cases[index]?.[1]);
    }
    const nameless = await runCli(["review", "approve", "--lang", "fr", "--drug", "pomalidomide", "--project", root]);
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toContain("the reviewer's name (--by) is required");
    const long = await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      "pomalidomide",
      "--by",
      "x".repeat(101),
      "--project",
      root,
    ]);
    expect(long.stderr).toContain("longer than 100 characters");
    const source = await runCli([
      "review",
      "source",
      "--source",
      "smpc",
      "--version",
      "1",
      "--by",
      "A. Jansen",
      "--project",
      root,
    ]);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain(
      'unknown source "smpc"; known: ema-imlygic, ema-imnovid, imlygic-pil, imlygic-smpc, imnovid-pil, imnovid-smpc, myeloma-uk',
    );
  }, 60_000);
});

test("records written at once by several processes never corrupt the file", async () => {
  const root = projectCopy();
  const writers = 6;
  const each = 25;
  // Notes of 8 kB: far over PIPE_BUF, so only the lock keeps lines whole.
  const script = `
    const { appendSectionDecision } = await import(${JSON.stringify(join(PROJECT_ROOT, "src/review/reviewRecords.ts"))});
    const [root, writer] = process.argv.slice(-2);
    for (let i = 0; i < ${each}; i++) appendSectionDecision(root, {
      kind: "section", decision: "approved", language: "fr", namespace: "pomalidomide", section: "ppp",
      by: "Writer " + writer, role: "pharmacist", date: "2026-12-03", note: String(i).padEnd(8000, writer),
      textSha256: "a".repeat(64), sourceLanguage: "en", sourceSha256: "b".repeat(64),
    });`;
  const file = join(root, "writer.mjs");
  writeFileSync(file, script);
  await Promise.all(
    Array.from(
      { length: writers },
      (_, w) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", file, root, String(w)], {
            cwd: PROJECT_ROOT,
            stdio: "inherit",
          });
          child.on("error", reject);
          child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
        }),
    ),
  );
  const lines = readFileSync(join(root, "locales/reviews/fr.jsonl"), "utf8").split("\n").filter(Boolean);
  expect(lines).toHaveLength(writers * each);
  const records = lines.map((l) => JSON.parse(l) as { by: string; note: string });
  for (let w = 0; w < writers; w++) expect(records.filter((r) => r.by === `Writer ${w}`)).toHaveLength(each);
  expect(records.every((r) => r.note.length === 8000)).toBe(true);
}, 60_000);

test("list marks a language not printable for a brand that requires review, with review state and content version", async () => {
  const root = projectCopy();
  editText(root, "templates/brands/default/brand.yaml", (yaml) => `${yaml}\nrequireReview: true\n`);
  for (const drug of ["pomalidomide", "imlygic"]) {
    const approved = await runCli([
      "review",
      "approve",
      "--lang",
      "fr",
      "--drug",
      drug,
      "--by",
      "A. Jansen",
      "--date",
      "2026-12-03",
      "--project",
      root,
    ]);
    expect(approved.code).toBe(0);
  }
  const [json, text] = await Promise.all([
    runCli(["list", "--json", "--project", root]),
    runCli(["list", "--project", root]),
  ]);
  const languages = JSON.parse(json.stdout).languages as {
    code: string;
    notPrintableFor: string[];
    review: Record<string, { state: string; contentVersion: string; open: string[] }>;
  }[];
  const fr = languages.find((l) => l.code === "fr");
  const de = languages.find((l) => l.code === "de");
  expect(fr?.notPrintableFor).toEqual([]);
  expect(fr?.review.pomalidomide).toMatchObject({ state: "approved", open: [] });
  expect(fr?.review.pomalidomide?.contentVersion).toMatch(/^2026-12-03 · [0-9a-f]{8}$/);
  expect(de?.notPrintableFor).toEqual(["default"]);
  expect(de?.review.imlygic?.state).toBe("unreviewed");
  expect(text.stdout).toMatch(/^ {2}de .*\(not printable for default: review required\)/m);
  expect(text.stdout).not.toMatch(/^ {2}fr .*not printable/m);
}, 60_000);

test("the manifest records the full content hash whose first 8 digits the leaflet prints", async () => {
  const out = mkdtempSync(join(tmpdir(), "leaflets-review-manifest-"));
  try {
    const run = await runCli(["generate", "--demo", "--kinds", "leaflet", "--out", out]);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "DEMO-0001", "manifest.json"), "utf8"));
    const sha: string = manifest.files[0].contentSha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const text = (await extractText(readFileSync(join(out, "DEMO-0001", "pomalidomide-leaflet-en.pdf"))))
      .map(flat)
      .join("\n");
    expect(text).toMatch(new RegExp(`Content version (\\d{4}-\\d{2}-\\d{2} · )?${sha.slice(0, 8)}\\.`));
    expect(text).toContain("Issued on 1 December 2026; to be reviewed by 1 December 2028");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
