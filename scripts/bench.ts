// `npm run bench`: renders leaflets and cards in one process through the real pipeline (validation →
// PDF bytes) and prints the warm median time per leaflet and per card, throughput and peak memory.
// Numbers, not assertions. BENCH_COUNT sets how many orders (default 200).
// `npm run bench -- --batch [N] [--workers W]`: N generated orders (default 1000) through the real
// batch path instead (CSV → worker pool → files and report), see scripts/benchBatch.ts; with `--queue`,
// also through a Redis queue with 1 and 2 `leaflets worker` processes (scripts/benchQueue.ts).
// `npm run bench -- --cold [N]`: N fresh processes of `leaflets --version`, `--help` and `generate --demo`
// (scripts/benchCold.ts). `npm run bench -- --preview [N]`: the server's preview renders, first and N edits
// (scripts/benchPreview.ts).
import "./reactProduction.ts"; // first: React picks its build when it loads
import { performance } from "node:perf_hooks";
import { loadCatalogOrThrow } from "../src/catalog/loadCatalog.ts";
import { validateOrder } from "../src/order/validateOrder.ts";
import { generateDocuments } from "../src/pipeline/generateDocuments.ts";

if (process.argv.includes("--cold")) {
  const { benchCold } = await import("./benchCold.ts");
  benchCold(process.argv);
  process.exit(0);
}

if (process.argv.includes("--preview")) {
  const { benchPreview } = await import("./benchPreview.ts");
  await benchPreview(process.argv);
  process.exit(0);
}

if (process.argv.includes("--batch")) {
  const { benchBatch } = await import("./benchBatch.ts");
  await benchBatch(process.argv);
  process.exit(0);
}

const COUNT = Number(process.env.BENCH_COUNT ?? 200);
const WARMUP = 10;

const catalog = loadCatalogOrThrow();
const regimens = ["pd-28", "pvd-21"];
const categories = ["woman-childbearing", "woman-not-childbearing", "man"];
const times: number[] = [];
const cardTimes: number[] = [];
let pages = 0;
const started = performance.now();
for (let i = 0; i < COUNT + WARMUP; i++) {
  const validation = validateOrder(
    {
      patientId: `BENCH-${i}`,
      name: `Bench Patiënt ${i}`,
      drug: "pomalidomide",
      regimen: regimens[i % regimens.length],
      doseMg: 1 + (i % 4),
      startDate: "2026-12-01",
      cycles: 3,
      pppCategory: categories[i % categories.length],
      language: i % 2 ? "nl" : "en",
    },
    catalog,
  );
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const t0 = performance.now();
  const [doc] = await generateDocuments(validation.order, catalog, { kinds: ["leaflet"] });
  const t1 = performance.now();
  await generateDocuments(validation.order, catalog, { kinds: ["card"] });
  const t2 = performance.now();
  if (i >= WARMUP) {
    times.push(t1 - t0);
    cardTimes.push(t2 - t1);
    pages += doc?.pages ?? 0;
  }
}
const total = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);
cardTimes.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const cardMedian = cardTimes[Math.floor(cardTimes.length / 2)] ?? 0;
const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`leaflets rendered:     ${COUNT} (+${WARMUP} warm-up), ${pages} pages`);
console.log(`warm median per leaflet: ${median.toFixed(1)} ms   (p95 ${p95.toFixed(1)} ms)`);
console.log(`warm median per card:    ${cardMedian.toFixed(1)} ms   (ID-1, front and back)`);
console.log(`throughput:            ${((COUNT + WARMUP) / total).toFixed(2)} orders/s (leaflet + card) in one process`);
console.log(`peak memory (RSS):     ${peakMb.toFixed(0)} MB`);
