// Renders the sample documents the tagging work is checked on (the demo in en, nl and ar, the Imlygic
// leaflet in nl, their cards) into a folder, tagged or not: `node --import tsx scripts/renderSamples.ts
// DIR [--no-tags] [--pdfa]`. For looking at pages and text side by side, and for measuring file sizes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogOrThrow } from "../src/catalog/loadCatalog.ts";
import { DEMO_ORDER } from "../src/order/demoOrder.ts";
import { validateOrder } from "../src/order/validateOrder.ts";
import { generateDocuments } from "../src/pipeline/generateDocuments.ts";

export const SAMPLE_ORDERS: Record<string, Record<string, unknown>> = {
  "demo-en": { ...DEMO_ORDER },
  "demo-nl": { ...DEMO_ORDER, language: "nl" },
  "demo-ar": { ...DEMO_ORDER, language: "ar" },
  "imlygic-nl": {
    patientId: "T-0002",
    name: "Test Patiënt",
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-11-24",
    language: "nl",
  },
};

async function main() {
  const [dir = "/tmp/samples", ...flags] = process.argv.slice(2);
  mkdirSync(dir, { recursive: true });
  const catalog = loadCatalogOrThrow();
  for (const [name, input] of Object.entries(SAMPLE_ORDERS)) {
    const validation = validateOrder(input, catalog);
    if (!validation.ok) throw new Error(`${name}: refused`);
    const documents = await generateDocuments(validation.order, catalog, {
      tags: !flags.includes("--no-tags"),
      pdfa: flags.includes("--pdfa"),
    });
    for (const d of documents) writeFileSync(join(dir, `${name}-${d.kind}.pdf`), d.bytes);
  }
}

await main();
