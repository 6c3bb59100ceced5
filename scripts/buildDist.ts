// `npm run build` (and `prepare`, so `npm install` does it): compiles src/ to plain JavaScript in dist/,
// one file per module in the same layout, with source maps (sources inlined) and type declarations, then
// stamps the build with the state of src/ it was made from (bin/buildStamp.js), so a bin never runs a
// build older than the sources, and primes the disk cache (scripts/primeCaches.ts). tsc (TypeScript 7) rewrites the .ts/.tsx import paths to .js.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DIST_DIR, ROOT, STAMP_FILE, sourceStamp } from "../bin/buildStamp.js";
import { primeCaches } from "./primeCaches.ts";

const started = performance.now();
// The stamp is taken first: an edit made while tsc runs leaves the build stale rather than stamped fresh.
const stamp = sourceStamp();
rmSync(DIST_DIR, { recursive: true, force: true });
const typescript = createRequire(import.meta.url).resolve("typescript/package.json");
const tsc = join(dirname(typescript), "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
if (result.status !== 0) {
  process.stderr.write("The build of src/ failed (dist/ left without a stamp: the bins run the sources).\n");
  process.exit(1);
}
writeFileSync(STAMP_FILE, `${JSON.stringify(stamp)}\n`);
// The fonts' coverage table, the compiled templates and the shaped words, so the first command does not make them.
process.env.NODE_ENV ??= "production";
await primeCaches();
const ms = Math.round(performance.now() - started);
process.stderr.write(`src/ was compiled to dist/ in ${ms} ms.\n`);
