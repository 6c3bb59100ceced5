// `leaflets batch --queue` and `leaflets worker` end to end: a real redis-server (started by the test on a
// free loopback port), the real commands as child processes, cards-only rows (cheap) in temporary folders.
// Checks what a pharmacist gets (files, bytes, manifests, report) against the local batch, and what a
// fault does: a worker killed with kill -9, the batch command killed and run again, Redis restarted. Jobs
// and patient data must be gone from Redis when the batch is done.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReportEntry } from "../../src/batch/reportWriter.ts";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import type { Manifest } from "../../src/output/manifest.ts";
import { sha256 } from "../../src/output/manifest.ts";
import { hasRedisServer, startRedis, type TestRedis } from "../helpers/redisServer.ts";

const hasRedis = hasRedisServer();
if (!hasRedis) {
  console.warn(
    "test/queue: redis-server is not installed here; the render queue tests are skipped (apt-get install redis-server)",
  );
}

const HEADER = "patientId,name,drug,regimen,doseMg,startDate,cycles,months,pppCategory,language";
/** Names no log, report or Redis key may contain. */
const NAMES = ["Queuë Patiënt", "Wwwwwwwwww Mmmmmmmmmm"];
const LONG_NAME = `${"Wwwwwwwwww Mmmmmmmmmm".repeat(4)}Wwwwwwwwwwwwwww`;

/** `count` valid rows (pomalidomide and Imlygic, en/nl/de), then optionally a row refused by validation
 * (dose 9) and a row refused while rendering (a name too long for the card). */
function ordersCsv(count: number, refusals = false): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const language = ["en", "nl", "de"][i % 3];
    const day = String(1 + i).padStart(2, "0");
    if (i % 4 === 3) return `Q-${i + 1},Queuë Patiënt ${i + 1},imlygic,imlygic,,2026-12-${day},,6,,${language}`;
    const category = ["man", "woman-childbearing", "woman-not-childbearing"][i % 3];
    return `Q-${i + 1},Queuë Patiënt ${i + 1},pomalidomide,pd-28,${1 + (i % 4)},2026-12-${day},3,,${category},${language}`;
  });
  if (refusals) {
    rows.push("Q-BAD-DOSE,Queuë Patiënt X,pomalidomide,pd-28,9,2026-12-01,3,,man,en");
    rows.push(`Q-LONG,${LONG_NAME},pomalidomide,pd-28,4,2026-12-01,3,,man,en`);
  }
  return `${HEADER}\n${rows.join("\n")}\n`;
}

interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  waitFor(pattern: RegExp, count?: number): Promise<void>;
}

const running: Running[] = [];

function leaflets(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, "bin/leaflets.js"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: "1", LEAFLETS_QUEUE_CHECK_MS: "1000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const add = (chunk: string) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.setEncoding("utf8").on("data", add);
  child.stderr?.setEncoding("utf8").on("data", add);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const handle: Running = {
    child,
    output: () => output,
    exited,
    waitFor(pattern, count = 1) {
      const global = new RegExp(pattern.source, "g");
      const seen = () => (output.match(global)?.length ?? 0) >= count;
      return new Promise((resolve, reject) => {
        if (seen()) return resolve();
        const listener = () => {
          if (seen()) {
            listeners.delete(listener);
            resolve();
          }
        };
        listeners.add(listener);
        void exited.then(() => {
          if (!seen()) reject(new Error(`exited before ${pattern}: ${output.slice(-1000)}`));
        });
      });
    },
  };
  running.push(handle);
  return handle;
}

async function startWorker(url: string, concurrency: number, env: Record<string, string> = {}): Promise<Running> {
  const worker = leaflets(["worker", "--queue", url, "--concurrency", String(concurrency)], env);
  await worker.waitFor(/worker: taking jobs/);
  return worker;
}

async function stop(process: Running): Promise<void> {
  if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill("SIGTERM");
  await process.exited;
}

function readReport(dir: string): ReportEntry[] {
  return (JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as { rows: ReportEntry[] }).rows;
}

/** Every file under dir except the report, by path relative to dir, with its bytes' hash. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith("report.")) files.set(relative(dir, path), sha256(readFileSync(path)));
    }
  };
  walk(dir);
  return files;
}

/** Each patient folder's files are exactly those of its manifest, with the manifest's hashes. */
function expectCompleteFolders(dir: string, patientIds: string[]): void {
  for (const id of patientIds) {
    const folder = join(dir, id);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as Manifest;
    expect(readdirSync(folder).sort()).toEqual([...manifest.files.map((f) => f.file), "manifest.json"].sort());
    for (const file of manifest.files) expect(sha256(readFileSync(join(folder, file.file)))).toBe(file.sha256);
  }
}

/** Waits until `check` is true, looking every 50 ms. */
async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

function batchIdOf(output: string): string {
  const id = /batch (batch-[0-9a-f]+) on/.exec(output)?.[1];
  if (!id) throw new Error(`no batch id in: ${output}`);
  return id;
}

describe.skipIf(!hasRedis)("batches on a Redis queue (leaflets worker)", () => {
  let redis: TestRedis;
  let client: Redis;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "leaflets-queue-test-"));
    redis = await startRedis();
    client = new Redis(redis.url, { lazyConnect: true });
    await client.connect();
  });

  afterAll(async () => {
    await Promise.all(running.map(stop));
    client?.disconnect();
    await redis?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 180_000);

  test("two worker processes print the same files, bytes and manifests as a local batch; nothing is left in Redis", async () => {
    const input = join(root, "same.csv");
    writeFileSync(input, ordersCsv(5, true));
    const localDir = join(root, "same-local");
    const queueDir = join(root, "same-queue");
    const local = leaflets(["batch", input, "--out", localDir, "--kinds", "card", "--workers", "1"]);
    const workers = [await startWorker(redis.url, 1), await startWorker(redis.url, 1)];
    const queued = leaflets(["batch", input, "--out", queueDir, "--kinds", "card", "--queue", redis.url]);
    expect(await local.exited).toBe(1);
    expect(await queued.exited).toBe(1); // the two refused rows, as without the queue

    const localFiles = filesOf(localDir);
    expect(localFiles.size).toBe(10); // five cards and five manifests
    expect(filesOf(queueDir)).toEqual(localFiles);
    const rows = readReport(queueDir);
    const strip = (entry: ReportEntry) => ({ ...entry, files: entry.files.map((f) => relative(queueDir, f)) });
    const localRows = readReport(localDir).map((entry) => ({
      ...entry,
      files: entry.files.map((f) => relative(localDir, f)),
    }));
    expect(rows.map(strip)).toEqual(localRows);
    expect(rows.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "failed", "failed"]);
    expect(rows[6]?.errors[0]?.field).toBe("name"); // found while rendering the card, on a worker
    expect(queued.output()).toMatch(/5 printed, 0 already complete, 2 failed, of 7 rows/);

    // Both workers took part; the refused order was tried once, not three times.
    const batchId = batchIdOf(queued.output());
    for (const worker of workers) expect(worker.output()).toMatch(/-row-\d+: done/);
    const longJob = `${batchId}-row-8`;
    const attempts = workers.map((w) => w.output().split(`${longJob}: attempt`).length - 1);
    expect(attempts.reduce((a, b) => a + b)).toBe(1);

    // No job, order or name is left in Redis: only BullMQ's own bookkeeping and the event stream of ids.
    const keys = await client.keys("*");
    expect(keys.filter((key) => key.includes(batchId))).toEqual([]);
    expect(await client.llen("bull:leaflets-render:wait")).toBe(0);
    let everything = "";
    for (const key of keys) {
      const type = await client.type(key);
      if (type === "string") everything += await client.get(key);
      if (type === "hash") everything += JSON.stringify(await client.hgetall(key));
      if (type === "stream") everything += JSON.stringify(await client.xrange(key, "-", "+"));
      if (type === "zset") everything += JSON.stringify(await client.zrange(key, 0, -1));
      if (type === "list") everything += JSON.stringify(await client.lrange(key, 0, -1));
    }
    expect(everything).toContain(batchId); // the events were read
    for (const name of NAMES) expect(everything).not.toContain(name);
    for (const name of NAMES) {
      for (const process of [...workers, queued]) expect(process.output()).not.toContain(name);
    }
    expect(everything).not.toContain("2026-12-0");
    await Promise.all(workers.map(stop));
  }, 180_000);

  test("a worker killed with kill -9 mid-job loses nothing: another worker takes its job", async () => {
    const input = join(root, "kill.csv");
    writeFileSync(input, ordersCsv(8));
    const out = join(root, "kill-out");
    const env = { LEAFLETS_QUEUE_STALLED_MS: "1500" };
    const doomed = await startWorker(redis.url, 1, env);
    const batch = leaflets(["batch", input, "--out", out, "--kinds", "card", "--queue", redis.url]);
    // The first job of a new worker takes seconds (its render thread starts cold): kill it while it runs.
    await until(async () => (await client.llen("bull:leaflets-render:active")) > 0);
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    const rescuer = await startWorker(redis.url, 2, env);
    expect(await batch.exited).toBe(0);
    expect(rescuer.output()).toMatch(/its worker stopped; handed to the next free worker/);
    const rows = readReport(out);
    expect(rows.map((r) => r.status)).toEqual(Array(8).fill("ok"));
    expectCompleteFolders(
      out,
      rows.map((r) => r.patientId as string),
    );
    await stop(rescuer);
  }, 180_000);

  test("the batch command killed and run again attaches to its jobs instead of adding them again", async () => {
    const input = join(root, "resume.csv");
    writeFileSync(input, ordersCsv(6));
    const out = join(root, "resume-out");
    const args = ["batch", input, "--out", out, "--kinds", "card", "--queue", redis.url];
    const first = leaflets(args);
    await until(async () => (await client.llen("bull:leaflets-render:wait")) === 6);
    first.child.kill("SIGKILL");
    await first.exited;
    const batchId = batchIdOf(first.output());
    // A worker renders some rows while no batch command is there to hear of it.
    const worker = await startWorker(redis.url, 1);
    await worker.waitFor(/-row-\d+: done/, 2);
    const again = leaflets(args);
    expect(await again.exited).toBe(0);
    expect(again.output()).toMatch(/attaching to the jobs of its earlier run/);
    const rows = readReport(out);
    expect(rows.map((r) => r.status)).toEqual(Array(6).fill("ok"));
    expectCompleteFolders(
      out,
      rows.map((r) => r.patientId as string),
    );
    // Every row was added once and rendered once.
    const events = await client.xrange("bull:leaflets-render:events", "-", "+");
    for (let row = 2; row <= 7; row++) {
      const jobId = `${batchId}-row-${row}`;
      const added = events.filter(([, fields]) => fields[1] === "added" && fields[3] === jobId);
      expect(added).toHaveLength(1);
      expect(worker.output().split(`${jobId}: done`).length - 1).toBe(1);
    }
    expect(await client.get(`leaflets:batch:${batchId}`)).toBeNull(); // finished: no longer "running"
    await stop(worker);
  }, 180_000);

  test("Redis stopped and started again mid-batch: the workers and the batch reconnect and finish", async () => {
    const durable = await startRedis({ appendOnly: true });
    try {
      const input = join(root, "restart.csv");
      writeFileSync(input, ordersCsv(8));
      const out = join(root, "restart-out");
      const worker = await startWorker(durable.url, 1);
      const batch = leaflets(["batch", input, "--out", out, "--kinds", "leaflet,card", "--queue", durable.url]);
      await worker.waitFor(/-row-\d+: done/);
      await durable.stop();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await durable.start();
      expect(await batch.exited).toBe(0);
      const rows = readReport(out);
      expect(rows.map((r) => r.status)).toEqual(Array(8).fill("ok"));
      expectCompleteFolders(
        out,
        rows.map((r) => r.patientId as string),
      );
      expect(worker.output()).toMatch(/queue: .*\(reconnecting\)/);
      await stop(worker);
    } finally {
      await durable.dispose();
    }
  }, 180_000);

  test("an unusable queue address is a usage error (exit 2) that never shows the password", async () => {
    const run = leaflets(["worker", "--queue", "http://user:s3cret@127.0.0.1:1"]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/redis:\/\/ or rediss:\/\//);
    expect(run.output()).not.toContain("s3cret");
  }, 180_000);
});
