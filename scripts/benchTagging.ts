// What tagging costs: CPU per order (leaflet and card, the demo in en, nl, ar), tagged and untagged in
// turn in one warm process, 36 orders each after a warm-up round. `node --import tsx scripts/benchTagging.ts`.
import { loadCatalogOrThrow } from "../src/catalog/loadCatalog.ts";
import { DEMO_ORDER } from "../src/order/demoOrder.ts";
import { validateOrder } from "../src/order/validateOrder.ts";
import { generateDocuments } from "../src/pipeline/generateDocuments.ts";

const catalog = loadCatalogOrThrow();
const orders = ["en", "nl", "ar"].map((language) => {
  const v = validateOrder({ ...DEMO_ORDER, language }, catalog);
  if (!v.ok) throw new Error("refused");
  return v.order;
});
const cpu = { tagged: 0, untagged: 0 };
for (let round = 0; round < 4; round++)
  for (const tags of [true, false]) {
    const start = process.cpuUsage();
    for (let i = 0; i < 4; i++)
      for (const o of orders) await generateDocuments({ ...o, patientId: `P-${round}-${i}` }, catalog, { tags });
    const used = process.cpuUsage(start);
    if (round > 0) cpu[tags ? "tagged" : "untagged"] += (used.user + used.system) / 1000;
  }
console.log(
  `tagged ${(cpu.tagged / 36).toFixed(1)} ms CPU/order, untagged ${(cpu.untagged / 36).toFixed(1)} ms, +${((cpu.tagged / cpu.untagged - 1) * 100).toFixed(1)}%`,
);
