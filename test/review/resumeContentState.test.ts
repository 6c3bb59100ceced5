// `batch --resume` trusts a patient's folder only while what it prints is unchanged: the manifest's job hash
// covers the content state (texts, approvals, rejections), so an approval or one edited word makes the
// resumed batch print the files again. Checked on a copy of the project, with the manifest contract the
// batch uses (jobHash + upToDateFiles), one card rendered per state.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import type { Order } from "../../src/order/orderTypes.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { patientFolderName } from "../../src/output/fileNames.ts";
import { jobHash, upToDateFiles } from "../../src/output/manifest.ts";
import { writeDocuments } from "../../src/output/writeDocuments.ts";
import { type GenerateOptions, generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { orderContentState } from "../../src/review/printedContentState.ts";
import { approve } from "../../src/review/reviewDecisions.ts";
import { baseOrder } from "../helpers/orders.ts";
import { editJson, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";

const out = mkdtempSync(join(tmpdir(), "leaflets-resume-content-"));
afterAll(() => {
  removeProjectCopies();
  rmSync(out, { recursive: true, force: true });
});

const OPTIONS: GenerateOptions = { kinds: ["card"] };

function orderIn(root: string): { order: Order; catalog: ReturnType<typeof loadCatalogOrThrow> } {
  const catalog = loadCatalogOrThrow(root);
  const result = validateOrder({ ...baseOrder(), language: "fr" }, catalog);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { order: result.order, catalog };
}

/** What `batch --resume` asks of the folder: its files, or undefined (print again). */
function resumable(root: string) {
  const { order, catalog } = orderIn(root);
  return upToDateFiles(
    join(out, patientFolderName(order.patientId)),
    jobHash(order, OPTIONS, orderContentState(order, catalog)),
  );
}

async function print(root: string): Promise<void> {
  const { order, catalog } = orderIn(root);
  await writeDocuments(out, order, await generateDocuments(order, catalog, OPTIONS), OPTIONS);
}

test("an approval, then an edited translated word, each make --resume print the files again", async () => {
  const root = projectCopy();
  await print(root);
  expect(resumable(root)?.map((f) => f.file)).toEqual(["pomalidomide-card-fr.pdf"]);

  const { catalog } = orderIn(root);
  const written = approve(catalog, { language: "fr", drug: "pomalidomide", by: "A. Jansen", date: "2026-12-03" });
  expect(written.length).toBeGreaterThan(0);
  expect(resumable(root)).toBeUndefined();

  await print(root);
  expect(resumable(root)).toBeDefined();

  editJson(root, "locales/fr/pomalidomide.json", (json) => {
    json.sections.ppp.title = json.sections.ppp.title.replace("grossesse", "Grossesse");
  });
  expect(resumable(root)).toBeUndefined();
  await print(root);
  expect(resumable(root)).toBeDefined();
}, 60_000);

test("the content state is the same for the same texts and decisions, and differs between languages", () => {
  const root = projectCopy();
  const { order, catalog } = orderIn(root);
  expect(orderContentState(order, catalog)).toMatch(/^[0-9a-f]{64}$/);
  expect(orderContentState(order, loadCatalogOrThrow(root))).toBe(orderContentState(order, catalog));
  expect(orderContentState({ ...order, language: "de" }, catalog)).not.toBe(orderContentState(order, catalog));
});
