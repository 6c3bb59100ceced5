// The order fields and programme a drug file declares: what the shipped files declare (pomalidomide's
// pregnancy prevention programme exactly as the clinical facts give it), and the problems `validate` names
// for a declaration that cannot work — each with its file and key.
import { afterEach, describe, expect, test } from "vitest";
import { declaredOrderFields } from "../../src/catalog/catalogOrderFields.ts";
import { loadCatalog } from "../../src/catalog/loadCatalog.ts";
import { orderFieldNames } from "../../src/order/orderFieldSchemas.ts";
import { editText, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";

afterEach(removeProjectCopies);

describe("the shipped drug files", () => {
  const { catalog, problems } = loadCatalog();

  test("load without problems and declare the fields an order has always had", () => {
    expect(problems).toEqual([]);
    expect(Object.keys(catalog.drugs.get("pomalidomide")?.orderFields ?? {})).toEqual([
      "doseMg",
      "cycles",
      "pppCategory",
    ]);
    expect(Object.keys(catalog.drugs.get("imlygic")?.orderFields ?? {})).toEqual(["months"]);
    expect([...declaredOrderFields(catalog).keys()].sort()).toEqual(["cycles", "doseMg", "months", "pppCategory"]);
    expect(orderFieldNames(catalog)).toEqual([
      "patientId",
      "name",
      "drug",
      "regimen",
      "months",
      "doseMg",
      "cycles",
      "pppCategory",
      "startDate",
      "language",
      "secondLanguage",
      "dateOfBirth",
      "brand",
      "largePrint",
      "contact",
    ]);
  });

  test("pomalidomide's programme: the three categories of the pregnancy prevention programme, required", () => {
    const pomalidomide = catalog.drugs.get("pomalidomide");
    expect(pomalidomide?.programme).toEqual({
      name: "ppp",
      title: "pregnancy prevention programme",
      categories: ["woman-childbearing", "woman-not-childbearing", "man"],
      categoryNames: "common:ppp",
    });
    expect(pomalidomide?.orderFields.pppCategory).toMatchObject({
      use: "required",
      type: "choice",
      values: ["woman-childbearing", "woman-not-childbearing", "man"],
      personal: "common:personal.ppp",
    });
    expect(pomalidomide?.orderFields.cycles).toMatchObject({ use: "required", type: "count", max: 12 });
    expect(catalog.drugs.get("imlygic")?.orderFields.months).toMatchObject({
      use: "optional",
      type: "count",
      max: 24,
      default: 6,
    });
  });
});

describe("a drug file's declarations that cannot work", () => {
  const problemsAfter = (file: string, edit: (text: string) => string) => {
    const root = projectCopy();
    editText(root, file, edit);
    return loadCatalog(root).problems;
  };

  test("a field of every order cannot be declared by a medicine", () => {
    const problems = problemsAfter("templates/drugs/imlygic.yaml", (text) =>
      text.replace(
        "orderFields:\n",
        "orderFields:\n  language:\n    use: optional\n    type: count\n    of: x\n    max: 2\n    label: x\n",
      ),
    );
    expect(problems).toContainEqual({
      file: "templates/drugs/imlygic.yaml",
      key: "orderFields.language",
      message: '"language" is a field of every order; a medicine cannot declare it',
    });
  });

  test("a field of type programme needs the programme, and an unknown type is named", () => {
    expect(
      problemsAfter("templates/drugs/pomalidomide.yaml", (text) =>
        text.replace(/\nprogramme:[\s\S]*?common:ppp[^\n]*\n/, "\n"),
      ),
    ).toContainEqual({
      file: "templates/drugs/pomalidomide.yaml",
      key: "orderFields.pppCategory",
      message: "a field of type programme needs the file's programme",
    });
    const unknownType = problemsAfter("templates/drugs/imlygic.yaml", (text) =>
      text.replace("type: count", "type: weeks"),
    );
    expect(unknownType.map((p) => [p.file, p.key])).toContainEqual([
      "templates/drugs/imlygic.yaml",
      "orderFields.months.type",
    ]);
  });

  test("two medicines declaring one field name differently", () => {
    const problems = problemsAfter("templates/drugs/imlygic.yaml", (text) =>
      text.replace(
        "orderFields:\n",
        "orderFields:\n  cycles:\n    use: optional\n    type: count\n    of: cycles\n    max: 6\n    label: fields.cycles\n",
      ),
    );
    expect(problems).toContainEqual({
      file: "templates/drugs/pomalidomide.yaml",
      key: "orderFields.cycles",
      message:
        'declares "cycles" differently from templates/drugs/imlygic.yaml; a field name means one thing in every order (choose another name)',
    });
  });
});
