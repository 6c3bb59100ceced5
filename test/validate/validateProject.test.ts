// `leaflets validate` on the shipped files (clean) and on copies broken one rule at a time: each
// problem must name its file and key.
import { afterEach, describe, expect, it } from "vitest";
import { contrastRatio } from "../../src/validate/checkBrandContrast.ts";
import { validateProject } from "../../src/validate/validateProject.ts";
import { editJson, editText, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";

afterEach(removeProjectCopies);

describe("leaflets validate", () => {
  it("finds no problem in the shipped files", async () => {
    expect(await validateProject()).toEqual([]);
  });

  it("reports a key missing in one language, naming the language that has it", async () => {
    const root = projectCopy();
    editJson(root, "locales/nl/pomalidomide.json", (j) => {
      delete j.sections.what.p2;
    });
    expect(await validateProject(root)).toContainEqual({
      file: "locales/nl/pomalidomide.json",
      key: "sections.what.p2",
      message: "missing (present in ar, de, en, fr, pl, tr)",
    });
  });

  it("reports an empty string", async () => {
    const root = projectCopy();
    editJson(root, "locales/en/common.json", (j) => {
      j.personal.name = " ";
    });
    expect(await validateProject(root)).toContainEqual({
      file: "locales/en/common.json",
      key: "personal.name",
      message: "is empty",
    });
  });

  it("reports markup and HTML entities left in text", async () => {
    const root = projectCopy();
    editJson(root, "locales/en/pomalidomide.json", (j) => {
      j.sections.what.p1 = "Imnovid <b>contains</b> pomalidomide.";
      j.sections.what.p3 = "Capsules of 1, 2, 3 &amp; 4 mg.";
    });
    const problems = await validateProject(root);
    expect(problems).toContainEqual(
      expect.objectContaining({ key: "sections.what.p1", message: expect.stringContaining("markup") }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ key: "sections.what.p3", message: expect.stringContaining("entity") }),
    );
  });

  it("reports a character the embedded fonts cannot print", async () => {
    const root = projectCopy();
    editJson(root, "locales/nl/common.json", (j) => {
      j.contacts.title = "Wie kunt u bellen? 漢";
    });
    expect(await validateProject(root)).toContainEqual(
      expect.objectContaining({
        file: "locales/nl/common.json",
        key: "contacts.title",
        message: expect.stringContaining("U+6F22"),
      }),
    );
  });

  it("reports a section whose provenance names an unknown source", async () => {
    const root = projectCopy();
    editJson(root, "locales/en/pomalidomide.json", (j) => {
      j.sections.studies._provenance.sources = ["a-blog"];
    });
    expect(await validateProject(root)).toContainEqual(
      expect.objectContaining({ key: "sections.studies._provenance", message: expect.stringContaining('"a-blog"') }),
    );
  });

  it("reports a brand colour with too little contrast", async () => {
    const root = projectCopy();
    editText(root, "templates/brands/default/brand.yaml", (t) => t.replace('primary: "#0B4F6C"', 'primary: "#8FB8CC"'));
    expect(await validateProject(root)).toContainEqual(
      expect.objectContaining({ file: "templates/brands/default/brand.yaml", key: "colours.primary" }),
    );
  });

  it("reports a brand's first day of the week that is no weekday; accepts 1-7 or a weekday's name", async () => {
    const withFirstDay = async (value: string) => {
      const root = projectCopy();
      editText(root, "templates/brands/default/brand.yaml", (t) => `${t.trimEnd()}\nfirstDayOfWeek: ${value}\n`);
      return (await validateProject(root)).filter((p) => p.key === "firstDayOfWeek");
    };
    for (const bad of ["8", "0", "someday"]) {
      expect(await withFirstDay(bad), bad).toEqual([
        expect.objectContaining({
          file: "templates/brands/default/brand.yaml",
          message: expect.stringContaining("1 (Monday) to 7 (Sunday)"),
        }),
      ]);
    }
    for (const good of ["7", "sunday"]) expect(await withFirstDay(good), good).toEqual([]);
  });

  it("reports a regimen day outside the cycle", async () => {
    const root = projectCopy();
    editText(root, "templates/regimens/pd-28.yaml", (t) => t.replace("days: [1, 8, 15, 22]", "days: [1, 8, 15, 29]"));
    expect(await validateProject(root)).toContainEqual({
      file: "templates/regimens/pd-28.yaml",
      key: "components.1.days",
      message: "day 29 is outside the 28-day cycle",
    });
  });

  it("reports a key a template needs that no locale has", async () => {
    const root = projectCopy();
    editText(root, "templates/leaflets/pomalidomide.hbs", (t) =>
      t.replace('<p>{{t "sections.what.p3"}}</p>', '<p>{{t "sections.what.p4"}}</p>'),
    );
    const problems = await validateProject(root);
    expect(problems).toContainEqual({
      file: "locales/en/pomalidomide.json",
      key: "sections.what.p4",
      message: "missing (needed by a template)",
    });
    expect(problems).toContainEqual({
      file: "locales/nl/pomalidomide.json",
      key: "sections.what.p4",
      message: "missing (needed by a template)",
    });
  });

  it("reports a template that produces an unknown element", async () => {
    const root = projectCopy();
    editText(root, "templates/leaflets/pomalidomide.hbs", (t) =>
      t.replace('<section id="studies" shared="true">', '<section id="studies" shared="true"><marquee/>'),
    );
    expect(await validateProject(root)).toContainEqual(
      expect.objectContaining({
        file: "templates/leaflets/pomalidomide.hbs",
        message: expect.stringContaining("<marquee>"),
      }),
    );
  });

  it("reports a section marked shared that depends on the patient (it would be laid out for every order)", async () => {
    const root = projectCopy();
    editText(root, "templates/partials/calendar.hbs", (t) =>
      t.replace('<section id="calendar">', '<section id="calendar" shared="true">'),
    );
    const problems = await validateProject(root);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "templates/leaflets/pomalidomide.hbs",
        message: expect.stringMatching(/^section "calendar" is marked shared="true" but differs between patients/),
      }),
    );
    // A shared section that is the same for everyone is not reported.
    expect(problems.filter((p) => p.message.includes('section "what"'))).toEqual([]);
  });
});

describe("leaflets validate: cards", () => {
  it("reports card text that does not fit on the card, naming the locale file", async () => {
    const root = projectCopy();
    editJson(root, "locales/nl/pomalidomide.json", (j) => {
      j.sections.card.man.item2 = `${j.sections.card.man.item2} `.repeat(12);
    });
    expect(await validateProject(root)).toContainEqual(
      expect.objectContaining({
        file: "locales/nl/pomalidomide.json",
        key: "sections.card",
        message: expect.stringContaining("does not fit"),
      }),
    );
  });
});

describe("contrast ratio", () => {
  it("follows WCAG: black on white is 21:1, white on white 1:1", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#FFFFFF", "#FFFFFF")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
  });
});
