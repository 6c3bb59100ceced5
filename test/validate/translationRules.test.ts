// The translation rules of docs/translations.md, one broken copy of the project per rule: `leaflets
// validate` must name the file, the key and what is wrong. And never a silent fallback: a key missing in
// the requested language refuses the leaflet instead of printing another language's sentence.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCatalog, PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { ConfigProblem } from "../../src/core/configProblem.ts";
import { MissingTranslationError } from "../../src/core/errors.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { buildLeafletDoc, generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { validateProject } from "../../src/validate/validateProject.ts";
import { baseOrder } from "../helpers/orders.ts";
import { editJson, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";

// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
function shippedJson(file: string): Record<string, any> {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, file), "utf8"));
}

/** The problems `leaflets validate` reports for a copy broken by `edit` in one file. */
// biome-ignore lint/suspicious/noExplicitAny: locale files are free-form JSON trees
async function problemsAfter(file: string, edit: (json: Record<string, any>) => void): Promise<ConfigProblem[]> {
  const root = projectCopy();
  editJson(root, file, edit);
  return validateProject(root);
}

afterEach(removeProjectCopies);

const FR_DRUG = "locales/fr/pomalidomide.json";
const FR_COMMON = "locales/fr/common.json";

describe("the shipped locales", () => {
  it("pass validate, Arabic included", async () => {
    const problems = await validateProject();
    expect(problems.filter((p) => p.file.startsWith("locales/ar/"))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("Arabic files are checked, not skipped: a placeholder dropped from an Arabic plural form is reported", async () => {
    const problems = await problemsAfter("locales/ar/common.json", (j) => {
      j.personal.calendarValue_two = j.personal.calendarValue_two.replace("{{to}}", "");
    });
    expect(problems).toContainEqual({
      file: "locales/ar/common.json",
      key: "personal.calendarValue_two",
      message: "placeholders differ from en: missing {{to}}",
    });
  });
});

describe("never a silent fallback", () => {
  const englishSentence: string = shippedJson("locales/en/pomalidomide.json").sections.studies.p2;

  function frenchOrderOn(root: string) {
    const { catalog, problems } = loadCatalog(root);
    expect(problems).toEqual([]);
    const validation = validateOrder({ ...baseOrder(), cycles: 1, language: "fr" }, catalog);
    if (!validation.ok) throw new Error(`test order refused: ${JSON.stringify(validation.problems)}`);
    return { catalog, order: validation.order };
  }

  it("a key missing in French refuses the French leaflet, naming fr and the key; no English sentence instead", async () => {
    const root = projectCopy();
    editJson(root, FR_DRUG, (j) => {
      delete j.sections.studies.p2;
    });
    const { catalog, order } = frenchOrderOn(root);
    expect(catalog.locales.get("en")?.namespaces.pomalidomide).toBeDefined();

    let thrown: unknown;
    try {
      buildLeafletDoc(order, catalog);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingTranslationError);
    const error = thrown as MissingTranslationError;
    expect(error.language).toBe("fr");
    expect(error.key).toBe("sections.studies.p2");
    expect(error.message).toContain("fr");
    expect(error.message).toContain("sections.studies.p2");
    expect(error.message).not.toContain(englishSentence);

    // The whole pipeline refuses too: no PDF bytes at all, so no English sentence in a French leaflet.
    await expect(generateDocuments(order, catalog, { kinds: ["leaflet"] })).rejects.toMatchObject({
      name: "LeafletError",
      code: "TRANSLATION_MISSING",
      language: "fr",
      key: "sections.studies.p2",
    });
  });

  it("the same copy still prints the English leaflet with that sentence (so the refusal above is French-only)", () => {
    const root = projectCopy();
    editJson(root, FR_DRUG, (j) => {
      delete j.sections.studies.p2;
    });
    const { catalog } = loadCatalog(root);
    const validation = validateOrder({ ...baseOrder(), cycles: 1, language: "en" }, catalog);
    if (!validation.ok) throw new Error("test order refused");
    expect(JSON.stringify(buildLeafletDoc(validation.order, catalog))).toContain(englishSentence);
  });

  it("validate reports the missing key with its file and key", async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      delete j.sections.studies.p2;
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.studies.p2",
      message: "missing (present in ar, de, en, nl, pl, tr)",
    });
  });
});

describe("validate: one broken copy per translation rule", () => {
  it("an extra key (not in the English file it was translated from)", async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      j.sections.studies.p3 = "Une phrase que l’anglais ne contient pas.";
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.studies.p3",
      message: "extra: not in the en file it was translated from",
    });
  });

  it("an empty string", async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      j.sections.howToTake.p2 = "";
    });
    expect(problems).toContainEqual({ file: FR_DRUG, key: "sections.howToTake.p2", message: "is empty" });
  });

  it("a placeholder left out ({{drug}} removed from a French value)", async () => {
    const before: string = shippedJson(FR_COMMON).document.leafletSubject;
    expect(before).toContain("{{drug}}");
    const problems = await problemsAfter(FR_COMMON, (j) => {
      j.document.leafletSubject = before.replace("{{drug}}", "le médicament");
    });
    expect(problems).toContainEqual({
      file: FR_COMMON,
      key: "document.leafletSubject",
      message: "placeholders differ from en: missing {{drug}}",
    });
  });

  it("a placeholder added ({{foo}})", async () => {
    const problems = await problemsAfter(FR_COMMON, (j) => {
      j.footer.source = `${j.footer.source} {{foo}}`;
    });
    expect(problems).toContainEqual({
      file: FR_COMMON,
      key: "footer.source",
      message: "placeholders differ from en: unknown {{foo}}",
    });
  });

  it('a number written out ("4 semaines" → "quatre semaines")', async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      const item = j.sections.ppp.womanChildbearing;
      expect(item.item1).toContain("4 semaines");
      item.item1 = item.item1.replaceAll("4 semaines", "quatre semaines");
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.ppp.womanChildbearing.item1",
      message: "the number 4 of the en text is missing (it appears 2 times there, 0 here)",
    });
  });

  it('one of two contraception spans changed ("… au moins 4 semaines après" → "8 semaines")', async () => {
    // English: "at least 4 weeks before … at least 4 weeks after". A translation that keeps one 4 and
    // turns the other into 8 gives a wrong time span: every number of the source must be there as
    // often as the source has it.
    const problems = await problemsAfter(FR_DRUG, (j) => {
      const item = j.sections.ppp.womanChildbearing;
      const last = item.item1.lastIndexOf("4 semaines");
      expect(last).toBeGreaterThan(item.item1.indexOf("4 semaines"));
      item.item1 = `${item.item1.slice(0, last)}8 semaines${item.item1.slice(last + "4 semaines".length)}`;
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: FR_DRUG,
        key: "sections.ppp.womanChildbearing.item1",
        message: expect.stringMatching(/\b4\b/),
      }),
    );
  });

  it("a unit left out (mg written as a word)", async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      expect(j.sections.what.p3).toContain("4 mg");
      j.sections.what.p3 = j.sections.what.p3.replace("4 mg", "4 milligrammes");
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.what.p3",
      message: 'the unit "mg" of the en text is missing',
    });
  });

  it("an HTML entity (&amp;) and a tag (<b>)", async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      j.sections.what.p1 = j.sections.what.p1.replace("pomalidomide", "pomalidomide &amp; co");
      j.sections.what.p2 = `<b>${j.sections.what.p2}</b>`;
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.what.p1",
      message: "contains an HTML entity; write the character itself",
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.what.p2",
      message: "contains markup (<…>); write plain text",
    });
  });

  it("an escape sequence left in the text (a literal backslash-n)", async () => {
    const problems = await problemsAfter(FR_DRUG, (j) => {
      j.sections.howToTake.p1 = `${j.sections.howToTake.p1}\\nDeuxième ligne.`;
    });
    expect(problems).toContainEqual({
      file: FR_DRUG,
      key: "sections.howToTake.p1",
      message: String.raw`contains an escape sequence (\n, \u…); write the character itself`,
    });
  });

  it('a character the embedded fonts cannot print ("漢")', async () => {
    const problems = await problemsAfter(FR_COMMON, (j) => {
      j.contacts.title = `${j.contacts.title} 漢`;
    });
    expect(problems).toContainEqual({
      file: FR_COMMON,
      key: "contacts.title",
      message: 'contains "漢" (U+6F22), which the embedded fonts cannot print',
    });
  });

  it("a Polish plural form missing (calendarValue_few)", async () => {
    const problems = await problemsAfter("locales/pl/common.json", (j) => {
      delete j.personal.calendarValue_few;
    });
    const found = problems.filter((p) => p.file === "locales/pl/common.json");
    expect(found).toEqual([
      {
        file: "locales/pl/common.json",
        key: "personal.calendarValue_few",
        message: expect.stringMatching(/^missing: Polski needs the plural forms /),
      },
    ]);
    const listed = (found[0]?.message ?? "").replace(/^.*plural forms /, "").split(", ");
    expect(listed.sort()).toEqual(["few", "many", "one", "other"]);
  });

  it("an extra plural form for German (calendarValue_few)", async () => {
    const problems = await problemsAfter("locales/de/common.json", (j) => {
      j.personal.calendarValue_few = j.personal.calendarValue_other;
    });
    expect(problems).toContainEqual({
      file: "locales/de/common.json",
      key: "personal.calendarValue_few",
      message: 'extra: Deutsch has no plural form "few" (it has one, other)',
    });
  });
});
