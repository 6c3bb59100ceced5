// `leaflets serve --queue`: the nurses' page's renders go to a `leaflets worker` process through a real
// redis-server (started by the test on a free loopback port). The card that comes back is the patient's
// card; a refusal found while rendering comes back as the page's usual 422; nothing stays in Redis.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { type RunningServer, startServer } from "../../src/web/startServer.ts";
import { baseOrder } from "../helpers/orders.ts";
import { extractText, flat } from "../helpers/pdf.ts";
import { hasRedisServer, startRedis, type TestRedis } from "../helpers/redisServer.ts";

const hasRedis = hasRedisServer();
if (!hasRedis) console.warn("test/queue: redis-server is not installed here; the page-on-a-queue tests are skipped");

describe.skipIf(!hasRedis)("the nurses' page rendering through the queue", () => {
  let redis: TestRedis;
  let worker: ChildProcess;
  let workerLog = "";
  let server: RunningServer;
  let jobRoot: string;

  beforeAll(async () => {
    redis = await startRedis();
    worker = spawn(process.execPath, [join(PROJECT_ROOT, "bin/leaflets.js"), "worker", "--queue", redis.url], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    await new Promise<void>((resolve) => {
      worker.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        workerLog += chunk;
        if (workerLog.includes("worker: taking jobs")) resolve();
      });
    });
    jobRoot = mkdtempSync(join(tmpdir(), "leaflets-queue-page-"));
    server = await startServer({ port: 0, host: "127.0.0.1", queue: redis.url, jobRoot, batchWorkers: 1 });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (worker && worker.exitCode === null) {
      const gone = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      await gone;
    }
    await redis?.dispose();
    if (jobRoot) rmSync(jobRoot, { recursive: true, force: true });
  }, 120_000);

  test("a card rendered by the worker, a refusal as 422, and no job or document left in Redis", async () => {
    const order = { ...baseOrder(), name: "Queuë Pagina", pppCategory: "man" };
    const card = await fetch(`${server.url}api/render?kind=card`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url.replace(/\/$/, "") },
      body: JSON.stringify(order),
    });
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("application/pdf");
    const text = flat(await extractText(new Uint8Array(await card.arrayBuffer())));
    expect(text).toContain("Queuë Pagina");
    expect(text).toContain("Patient number: T-0001 · Pregnancy prevention: man");

    const long = `${"Wwwwwwwwww Mmmmmmmmmm".repeat(4)}Wwwwwwwwwwwwwww`;
    const refused = await fetch(`${server.url}api/render?kind=card`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url.replace(/\/$/, "") },
      body: JSON.stringify({ ...order, patientId: "T-0002", name: long }),
    });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(["name"]);

    const client = new Redis(redis.url);
    try {
      const keys = await client.keys("*");
      expect(keys.filter((key) => key.startsWith("leaflets:page-result:"))).toEqual([]);
      expect(keys.filter((key) => /^bull:leaflets-render:[0-9a-f]{8}-/.test(key))).toEqual([]);
      const events = JSON.stringify(await client.xrange("bull:leaflets-render:events", "-", "+"));
      expect(events).toContain("completed");
      expect(events).not.toContain("Queuë");
      expect(events).not.toContain("JVBER"); // no PDF (base64 "%PDF") in the event stream
    } finally {
      client.disconnect();
    }
    expect(workerLog).not.toContain("Queuë");
  });
});
