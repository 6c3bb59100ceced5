// Part of `npm run build`: fills the command's disk cache (src/cache/diskCache.ts) with what a fresh
// process would otherwise make at its first use: the fonts' coverage table, every document template
// compiled with its partials, and the words of every language shaped (src/render/text/shapingStore.ts) by
// rendering the fictional demo patients (pomalidomide, Imlygic; leaflet and card; every language; normal
// and large print). Each entry is keyed on the hash of what it is made from, so priming is only a head
// start: a process that finds no entry (or a stale one) makes it itself. No real patient's data is used.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogOrThrow, PROJECT_ROOT } from "../src/catalog/loadCatalog.ts";
import { compileDocumentTemplate } from "../src/document/createTemplateEngine.ts";
import { DEMO_ORDER } from "../src/order/demoOrder.ts";
import { validateOrder } from "../src/order/validateOrder.ts";
import { generateDocuments } from "../src/pipeline/generateDocuments.ts";
import { fontCoverage } from "../src/render/text/fonts.ts";
import { recordShaping, saveShapingStores } from "../src/render/text/shapingStore.ts";

const DEMO_IMLYGIC = {
  patientId: "DEMO-0002",
  name: "Zoë Çelik-Łukasz",
  drug: "imlygic",
  regimen: "imlygic",
  startDate: "2026-11-24",
  language: "en",
};

export async function primeCaches(): Promise<void> {
  fontCoverage();
  const templatesDir = join(PROJECT_ROOT, "templates");
  for (const folder of ["leaflets", "cards"]) {
    for (const name of readdirSync(join(templatesDir, folder)).filter((n) => n.endsWith(".hbs"))) {
      compileDocumentTemplate(templatesDir, `${folder}/${name}`);
    }
  }
  recordShaping();
  const catalog = loadCatalogOrThrow();
  for (const language of catalog.locales.keys()) {
    for (const demo of [DEMO_ORDER, DEMO_IMLYGIC]) {
      for (const largePrint of [false, true]) {
        const validation = validateOrder({ ...demo, language, largePrint }, catalog);
        if (!validation.ok) continue; // e.g. a language a medicine has no texts in
        await generateDocuments(validation.order, catalog, {}).catch(() => undefined);
      }
    }
  }
  saveShapingStores();
}
