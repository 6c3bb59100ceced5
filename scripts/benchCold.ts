// `npm run bench -- --cold [N]`: the cost of starting. N fresh processes (default 10) each of
// `leaflets --version`, `leaflets --help` and `leaflets generate --demo` (leaflet and card, into a temporary
// folder), run one after another; prints the median and the slowest wall time of each. The command runs
// the compiled build when it is up to date (LEAFLETS_RUN=source measures the sources through tsx).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildState } from "../bin/buildStamp.js";
import { PROJECT_ROOT } from "../src/catalog/loadCatalog.ts";

const BIN = join(PROJECT_ROOT, "bin/leaflets.js");

/** Wall times of `runs` fresh `node …args` processes, fastest first. */
function wallTimes(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    times.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${run.stderr}`);
  }
  return times.sort((a, b) => a - b);
}

export function benchCold(argv: string[]): void {
  const after = argv[argv.indexOf("--cold") + 1];
  const runs = after && /^\d+$/.test(after) ? Number(after) : 10;
  const { NODE_ENV: _, ...env } = process.env; // the bench's own React setting is not the command's business
  process.env = env;
  const asked = process.env.LEAFLETS_RUN;
  const runtime = asked === "source" || buildState() !== "fresh" ? "the sources through tsx" : "the build (dist/)";
  console.log(
    `cold starts, ${runs} fresh processes each, running ${runtime}; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  const out = mkdtempSync(join(tmpdir(), "leaflets-bench-cold-"));
  try {
    const commands: [string, string[]][] = [
      ["node -e 0 (node alone)", ["-e", "0"]],
      ["leaflets --version", [BIN, "--version"]],
      ["leaflets --help", [BIN, "--help"]],
      ["leaflets generate --demo", [BIN, "generate", "--demo", "--out", out]],
    ];
    for (const [label, args] of commands) {
      const times = wallTimes(args, runs);
      const median = times[Math.floor((times.length - 1) / 2)] ?? 0;
      const max = times[times.length - 1] ?? 0;
      console.log(
        `${label.padEnd(26)} median ${median.toFixed(0).padStart(5)} ms   max ${max.toFixed(0).padStart(5)} ms`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
