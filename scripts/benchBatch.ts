// The batch benchmark: writes N generated orders (pomalidomide and Imlygic, English and Dutch, leaflet
// and card) to a CSV, runs them through runBatch with W workers into a temporary folder, and prints
// orders per second, the peak resident memory of the whole process (the workers are threads in it)
// and the resident memory after every 1,000 orders.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBatch } from "../src/batch/runBatch.ts";

const HEADER = "patientId,name,drug,regimen,doseMg,startDate,cycles,months,pppCategory,language";
const CATEGORIES = ["woman-childbearing", "woman-not-childbearing", "man"];

function orderLine(i: number): string {
  const language = i % 2 === 0 ? "en" : "nl";
  const day = String(1 + (i % 28)).padStart(2, "0");
  if (i % 5 === 4) return `BENCH-${i},Bench Patiënt ${i},imlygic,imlygic,,2026-12-${day},,6,,${language}`;
  const regimen = i % 3 === 0 ? "pvd-21" : "pd-28";
  return `BENCH-${i},Bench Patiënt ${i},pomalidomide,${regimen},${1 + (i % 4)},2026-12-${day},3,,${CATEGORIES[i % 3]},${language}`;
}

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export async function benchBatch(argv: string[]): Promise<void> {
  const count = option(argv, "--batch", 1000);
  const workers = option(argv, "--workers", 2);
  const dir = mkdtempSync(join(tmpdir(), "leaflets-bench-"));
  const input = join(dir, "orders.csv");
  writeFileSync(input, `${HEADER}\n${Array.from({ length: count }, (_, i) => orderLine(i)).join("\n")}\n`);
  if (argv.includes("--queue")) {
    // The local batch and a Redis queue with 1 and 2 worker processes, in the same run (scripts/benchQueue.ts).
    const { benchQueue } = await import("./benchQueue.ts");
    try {
      return await benchQueue(input, dir, count);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const samples: string[] = [];
  try {
    const result = await runBatch({
      input,
      outDir: join(dir, "out"),
      workers,
      resume: false,
      merge: false,
      generate: { kinds: ["leaflet", "card"] },
      onProgress: (p) => {
        if (p.done % 1000 === 0 || p.done === p.total) {
          samples.push(
            `  after ${String(p.done).padStart(6)} orders: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB resident`,
          );
        }
      },
    });
    const { totals, seconds } = result;
    console.log(`batch: ${totals.rows} orders (${totals.failed} failed), leaflet + card, ${workers} workers`);
    console.log(`orders per second:     ${(totals.rows / seconds).toFixed(2)}  (${seconds.toFixed(1)} s)`);
    console.log(
      `peak memory (RSS, whole process incl. worker threads): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    console.log(samples.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
