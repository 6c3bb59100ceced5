// `npm run bench -- --batch N --queue`: the same N generated orders through the local batch (1 and 2
// render threads) and through a Redis queue (1 and 2 `leaflets worker` processes with one render thread
// each, 1 process with two), in the same run, on a redis-server started on a free loopback port. Prints
// orders per second and peak memory: the batch process (sampled at every row), each worker process (VmHWM).
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { runBatch } from "../src/batch/runBatch.ts";
import { PROJECT_ROOT } from "../src/catalog/loadCatalog.ts";
import { openQueueBatch } from "../src/queue/queueBatchRenderer.ts";

interface Figures {
  label: string;
  rate: number;
  seconds: number;
  failed: number;
  batchMb: number;
  workerMb: number[];
}

export async function benchQueue(input: string, dir: string, count: number): Promise<void> {
  const port = await freePort();
  const redisArgs = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const redis = spawn("redis-server", [...redisArgs, "--dir", dir], { stdio: ["ignore", "pipe", "inherit"] });
  await waitForOutput(redis, "Ready to accept connections");
  const url = `redis://127.0.0.1:${port}`;
  const results: Figures[] = [];
  try {
    for (const workers of [1, 2]) results.push(await local(input, dir, workers));
    for (const [processes, threads] of [
      [1, 1],
      [2, 1],
      [1, 2],
    ] as const) {
      results.push(await queued(input, dir, url, processes, threads));
    }
  } finally {
    redis.kill("SIGTERM");
  }
  console.log(`batch: ${count} orders, leaflet + card, same input for every run`);
  for (const r of results) {
    const workers = r.workerMb.length > 0 ? `, worker processes ${r.workerMb.map((mb) => `${mb} MB`).join(" + ")}` : "";
    console.log(
      `${r.label.padEnd(34)} ${r.rate.toFixed(2).padStart(6)} orders/s (${r.seconds.toFixed(1)} s, ${r.failed} failed); ` +
        `peak memory: batch process ${r.batchMb} MB${workers}`,
    );
  }
}

async function local(input: string, dir: string, workers: number): Promise<Figures> {
  let peak = 0;
  const result = await runBatch({
    input,
    outDir: join(dir, `local-${workers}`),
    workers,
    resume: false,
    merge: false,
    generate: { kinds: ["leaflet", "card"] },
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  rmSync(join(dir, `local-${workers}`), { recursive: true, force: true });
  return figures(`local batch, ${workers} render thread${workers > 1 ? "s" : ""}`, result, peak, []);
}

async function queued(input: string, dir: string, url: string, processes: number, threads: number): Promise<Figures> {
  const workers = await Promise.all(Array.from({ length: processes }, () => startWorker(url, threads)));
  const outDir = join(dir, `queue-${processes}`);
  let peak = 0;
  const generate = { kinds: ["leaflet", "card"] as ("leaflet" | "card")[] };
  const renderer = await openQueueBatch({ url, input, outDir, generate });
  let result: Awaited<ReturnType<typeof runBatch>>;
  try {
    result = await runBatch({
      input,
      outDir,
      workers: 1,
      resume: false,
      merge: false,
      generate,
      renderer,
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
  } finally {
    await renderer.close();
  }
  const workerMb = workers.map((w) => peakMb(w.pid as number));
  await Promise.all(workers.map(stopWorker));
  rmSync(outDir, { recursive: true, force: true });
  const label = `queue, ${processes} worker process${processes > 1 ? "es" : ""} × ${threads} thread${threads > 1 ? "s" : ""}`;
  return figures(label, result, peak, workerMb);
}

function figures(
  label: string,
  result: Awaited<ReturnType<typeof runBatch>>,
  peakBytes: number,
  workerMb: number[],
): Figures {
  return {
    label,
    rate: result.totals.rows / result.seconds,
    seconds: result.seconds,
    failed: result.totals.failed,
    batchMb: Math.round(peakBytes / 2 ** 20),
    workerMb,
  };
}

async function startWorker(url: string, threads: number): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    [join(PROJECT_ROOT, "bin/leaflets.js"), "worker", "--queue", url, "--concurrency", String(threads)],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  await waitForOutput(worker, "worker: taking jobs", "stderr");
  return worker;
}

async function stopWorker(worker: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => worker.once("exit", resolve));
  worker.kill("SIGTERM");
  await gone;
}

/** The process's peak resident memory (all its threads), from /proc. */
function peakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function waitForOutput(child: ChildProcess, text: string, stream: "stdout" | "stderr" = "stdout"): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child[stream]?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (output.includes(text)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited (${code}) before "${text}": ${output.slice(-400)}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
