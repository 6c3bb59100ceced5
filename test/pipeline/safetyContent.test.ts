// What the package leaflets add, as the patient reads it in every language: the pomalidomide "Call at once"
// box with the signs of infection, bleeding, allergy and breathlessness and the 24-hour number right after
// them; the forgotten-dose rule; Imlygic's missed visit and the signs to call the team about; the notes space
// at the end; the package leaflet named on the sources page; and neither medicine's rules on the other's
// leaflet. Each leaflet is rendered once and read with poppler's pdftotext (Arabic words in reading order).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { baseOrder, type OrderInput } from "../helpers/orders.ts";

const LANGUAGES = ["en", "nl", "fr", "de", "pl", "tr", "ar"] as const;
type Language = (typeof LANGUAGES)[number];
type Drug = "pomalidomide" | "imlygic";
/** The shipped brand's numbers (templates/brands/default). */
const NURSE_LINE = "+31 20 555 0101";
const EMERGENCY = "+31 20 555 0199";

// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
type Json = Record<string, any>;
const locale = (language: string, namespace: "common" | Drug): Json =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, "locales", language, `${namespace}.json`), "utf8"));

/** Text as compared here: no white space (lines wrap anywhere), no direction marks or isolates, and none of
 * the punctuation pdftotext moves to the other end of a right-to-left line. */
function squeeze(text: string): string {
  return text.replace(/[\s\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/[.:،,()«»“”]/g, "");
}

/** What to look for: the whole text; in Arabic its longest run without Latin letters or digits, since
 * pdftotext may set a Latin name or a number at the other end of its line. */
function needle(text: string, language: Language): string {
  if (language !== "ar") return squeeze(text);
  const runs = text.split(/[A-Za-z0-9+][A-Za-z0-9+\s.,()-]*/).map(squeeze);
  return runs.reduce((a, b) => (b.length > a.length ? b : a), "");
}

interface Read {
  /** Every page's text squeezed, in order. */
  pages: string[];
  all: string;
}

function order(drug: Drug, language: Language): OrderInput {
  return drug === "pomalidomide"
    ? { ...baseOrder(), patientId: `S-${language}`, language }
    : {
        patientId: `S-${language}`,
        name: "Test Patiënt",
        drug: "imlygic",
        regimen: "imlygic",
        startDate: "2026-11-24",
        language,
      };
}

const hasPdftotext = existsSync("/usr/bin/pdftotext");
if (!hasPdftotext)
  console.warn(
    "safetyContent.test.ts: skipped — poppler-utils (pdftotext) is missing (apt-get install poppler-utils).",
  );

const catalog = loadCatalogOrThrow();
const read = new Map<string, Read>();
let dir = "";

async function render(drug: Drug, language: Language, largePrint = false): Promise<Read> {
  const validation = validateOrder({ ...order(drug, language), ...(largePrint ? { largePrint } : {}) }, catalog);
  if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
  const [leaflet] = await generateDocuments(validation.order, catalog, { kinds: ["leaflet"] });
  if (!leaflet) throw new Error("no leaflet generated");
  const file = join(dir, `${drug}-${language}${largePrint ? "-lp" : ""}.pdf`);
  writeFileSync(file, leaflet.bytes);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const pages = text.split("\f").filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
  const squeezed = pages.map(squeeze);
  return { pages: squeezed, all: squeezed.join("") };
}

beforeAll(async () => {
  if (!hasPdftotext) return;
  dir = mkdtempSync(join(tmpdir(), "safety-"));
  for (const language of LANGUAGES) {
    for (const drug of ["pomalidomide", "imlygic"] as const)
      read.set(`${drug}-${language}`, await render(drug, language));
  }
  read.set("pomalidomide-en-lp", await render("pomalidomide", "en", true));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const leaflet = (drug: Drug, language: Language): Read => {
  const r = read.get(`${drug}-${language}`);
  if (!r) throw new Error(`not rendered: ${drug} ${language}`);
  return r;
};

/** Finds each text after the one before it; returns where each starts (or fails, naming the missing one). */
function inOrder(all: string, texts: string[], language: Language, from = 0): number[] {
  const at: number[] = [];
  let position = from;
  for (const text of texts) {
    const found = all.indexOf(needle(text, language), position);
    expect(found, `"${text}" after the text before it`).toBeGreaterThanOrEqual(0);
    at.push(found);
    position = found + needle(text, language).length;
  }
  return at;
}

/**
 * The texts lie between `from` and `to` (positions in `all`): in order, except in Arabic, where pdftotext
 * may give a box's list items in another order than they stand (it is each item's place that counts there).
 */
function within(all: string, texts: string[], language: Language, from: number, to: number): void {
  if (language !== "ar") {
    const at = inOrder(all, texts, language, from);
    expect(at.at(-1) as number, "the last of them before the end").toBeLessThan(to);
    return;
  }
  for (const text of texts) {
    const found = all.indexOf(needle(text, language), from);
    expect(found, `"${text}" after its heading`).toBeGreaterThanOrEqual(0);
    expect(found + needle(text, language).length, `"${text}" before the end`).toBeLessThanOrEqual(to);
  }
}

/** Where the section headed `title` starts and the next one (headed `next`) does. */
function section(all: string, title: string, next: string, language: Language): [number, number] {
  const start = all.indexOf(needle(title, language));
  expect(start, `the heading "${title}"`).toBeGreaterThanOrEqual(0);
  const end = all.indexOf(needle(next, language), start);
  expect(end, `the heading "${next}" after it`).toBeGreaterThan(start);
  return [start, end];
}

/** The contact line as the contacts block prints it: "label: number". */
const contactLine = (label: string, number: string) => squeeze(`${label}${number}`);

/** Where the box starts: its heading, found as the last occurrence just before its first sentence (the
 * heading's words also appear in running text that mentions the box). */
function boxStart(all: string, title: string, intro: string, language: Language): number {
  const introAt = all.indexOf(needle(intro, language));
  expect(introAt, `the box's first sentence "${intro}"`).toBeGreaterThan(0);
  const titleAt = all.lastIndexOf(needle(title, language), introAt);
  expect(titleAt, `the box's heading "${title}"`).toBeGreaterThanOrEqual(0);
  // Nothing but the heading and (in Arabic) a Latin name stands between them.
  expect(introAt - (titleAt + needle(title, language).length)).toBeLessThanOrEqual(30);
  return titleAt;
}

/** What every page's footer carries ("Page " of "Page N of M", in the language). */
const footerStart = (common: Json, language: Language): string =>
  needle(String(common.footer.page).split("{{page}}")[0] as string, language);

const describeIf = hasPdftotext ? describe : describe.skip;

describeIf.each(LANGUAGES)("package-leaflet safety content (%s)", (language) => {
  const common = locale(language, "common");
  const pom = locale(language, "pomalidomide");
  const iml = locale(language, "imlygic");
  const ps = pom.sections;
  const is = iml.sections;
  const entry = (source: Json) =>
    String(common.sources.entry)
      .replace("{{title}}", source.title)
      .replace("{{publisher}}", source.publisher)
      .replace("{{version}}", source.version);

  test("pomalidomide: every new sign is inside the “Call at once” box, the 24-hour number right after them", () => {
    const { all } = leaflet("pomalidomide", language);
    const c = ps.callAtOnce;
    const m = ps.callAtOnceMore;
    const start = boxStart(all, c.title, c.intro, language);
    // The box ends with the 24-hour number, on the same page: no page footer ("Sources: …") before it.
    const line = contactLine(common.contacts.emergency, EMERGENCY);
    const end = all.indexOf(line, start);
    expect(end, "the 24-hour number after the box's heading").toBeGreaterThan(start);
    expect(all.slice(start, end)).not.toContain(footerStart(common, language));
    const signs = [c.item1, c.item2, m.intro, m.item1, m.item2, m.item3, m.item4];
    within(all, [c.intro, ...signs], language, start, end);
    // The number follows the last sign directly (in Arabic: the box's last sign in extraction order).
    const before = all.slice(0, end);
    expect(signs.some((sign) => before.endsWith(needle(sign, language)))).toBe(true);
    // …and the next section starts after it.
    expect(all.indexOf(needle(ps.studies.title, language), end)).toBeGreaterThan(end);
  });

  test("pomalidomide: a forgotten dose, too much, taking, handling and storing the capsules", () => {
    const { all } = leaflet("pomalidomide", language);
    const f = ps.forgottenDose;
    within(all, [f.p1, f.p2, f.p3], language, ...section(all, f.title, ps.storing.title, language));
    const t = ps.takingCapsules;
    within(all, [t.item1, t.item2, t.item3, t.item4, t.item5], language, ...section(all, t.title, f.title, language));
    const s = ps.storing;
    within(all, [s.item1, s.item2, s.item3], language, ...section(all, s.title, ps.ppp.title, language));
  });

  test("imlygic: a missed visit, the signs to call the team about with its numbers, accidental exposure", () => {
    const { all } = leaflet("imlygic", language);
    const v = is.missedVisit;
    within(all, [v.p1, v.p2], language, ...section(all, v.title, is.howItWorks.title, language));
    const c = is.callTeam;
    const start = boxStart(all, c.title, c.intro, language);
    const lines =
      contactLine(common.contacts.nurseLine, NURSE_LINE) + contactLine(common.contacts.emergency, EMERGENCY);
    const end = all.indexOf(lines, start);
    expect(end, "the nurse line and the 24-hour number after the box's heading").toBeGreaterThan(start);
    expect(all.slice(start, end)).not.toContain(footerStart(common, language));
    const signs = [c.item1, c.item2, c.item3, c.item4];
    within(all, [c.intro, ...signs], language, start, end);
    const before = all.slice(0, end);
    expect(signs.some((sign) => before.endsWith(needle(sign, language)))).toBe(true);
    const a = is.accidentalExposure;
    within(all, [a.p1, a.p2], language, ...section(all, a.title, is.risks.title, language));
  });

  test.each(["pomalidomide", "imlygic"] as const)(
    "%s: the package leaflet on the sources page, the notes space last",
    (drug) => {
      const { all, pages } = leaflet(drug, language);
      const source = (drug === "pomalidomide" ? pom : iml)._meta.sources[
        `${drug === "pomalidomide" ? "imnovid" : "imlygic"}-pil`
      ];
      const [sourcesAt] = inOrder(all, [common.sources.title, entry(source)], language);
      const notes = needle(common.notes.title, language);
      const notesAt = all.lastIndexOf(notes);
      expect(notesAt).toBeGreaterThan(sourcesAt as number);
      // On the last page, after everything else the leaflet says (only the page's footer follows).
      const lastPage = pages.at(-1) as string;
      expect(lastPage).toContain(notes);
      expect(lastPage.indexOf(notes)).toBeLessThan(lastPage.lastIndexOf(footerStart(common, language)));
      // The source's own name, as the footer and the sources page print it.
      expect(all).toContain(squeeze(source.title));
    },
  );

  test("neither medicine's rules on the other's leaflet", () => {
    const onPomalidomide = leaflet("pomalidomide", language).all;
    const onImlygic = leaflet("imlygic", language).all;
    for (const text of [
      is.missedVisit.title,
      is.missedVisit.p1,
      is.callTeam.intro,
      is.callTeam.item1,
      is.callTeam.item3,
      is.accidentalExposure.title,
    ])
      expect(onPomalidomide, `Imlygic's "${text}" on the pomalidomide leaflet`).not.toContain(needle(text, language));
    expect(onPomalidomide).not.toContain(squeeze(iml._meta.sources["imlygic-pil"].title));
    for (const text of [
      ps.callAtOnce.intro,
      ps.callAtOnceMore.intro,
      ps.callAtOnceMore.item1,
      ps.callAtOnceMore.item2,
      ps.forgottenDose.p1,
      ps.forgottenDose.p2,
      ps.takingCapsules.item2,
      ps.takingCapsules.item5,
      ps.storing.title,
    ])
      expect(onImlygic, `pomalidomide's "${text}" on the Imlygic leaflet`).not.toContain(needle(text, language));
    expect(onImlygic).not.toContain(squeeze(pom._meta.sources["imnovid-pil"].title));
  });
});

describeIf("large print", () => {
  test("the notes space closes the large-print leaflet too, and the box keeps the 24-hour number", () => {
    const r = read.get("pomalidomide-en-lp") as Read;
    const common = locale("en", "common");
    const ps = locale("en", "pomalidomide").sections;
    expect(r.pages.at(-1)).toContain(squeeze(common.notes.title));
    const at = inOrder(r.all, [ps.callAtOnceMore.intro, ps.callAtOnceMore.item4], "en");
    const afterLast = (at[1] as number) + squeeze(ps.callAtOnceMore.item4).length;
    const line = contactLine(common.contacts.emergency, EMERGENCY);
    expect(r.all.slice(afterLast, afterLast + line.length)).toBe(line);
  });
});
