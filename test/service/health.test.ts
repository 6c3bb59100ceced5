// GET /healthz checks the service for real: the database takes a write and a render worker renders the
// demo card within the deadline — never an answer from the render cache. A stand-in worker that hangs or
// dies makes it answer 503 with the reason; when the worker works again (replaced), 200 again.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEMO_ORDER } from "../../src/order/demoOrder.ts";
import { type ServiceServer, startServiceServer } from "./serviceServer.ts";

const modeDir = mkdtempSync(join(tmpdir(), "leaflets-health-mode-"));
const modeFile = join(modeDir, "mode");
const setMode = (mode: "ok" | "hang" | "die") => writeFileSync(modeFile, mode);

let web: ServiceServer;
beforeAll(async () => {
  setMode("ok");
  process.env.LEAFLETS_TEST_WORKER_MODE = modeFile;
  web = await startServiceServer([], {
    renderWorkers: 1,
    renderTimeoutMs: 3000,
    healthDeadlineMs: 800,
    renderWorkerEntry: new URL("../fixtures/batch/standInHealthWorker.mjs", import.meta.url),
  });
});
afterAll(async () => {
  await web?.stop();
  rmSync(modeDir, { recursive: true, force: true });
});

const health = async () => {
  const response = await fetch(`${web.url}/healthz`);
  return { status: response.status, body: await response.json() };
};

test("healthy: 200, the database took a write, a worker rendered", async () => {
  expect(await health()).toEqual({ status: 200, body: { ok: true, database: "ok", render: "ok" } });
  const row = web.service.db.prepare("SELECT checked_at FROM health WHERE id = 1").get() as { checked_at: string };
  expect(row.checked_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});

test("a hanging worker: 503 naming the deadline, although the demo card is in the render cache", async () => {
  // The page renders the demo card: the render cache now holds it.
  const preview = await fetch(`${web.url}/api/render?kind=card`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: web.url },
    body: JSON.stringify(DEMO_ORDER),
  });
  expect(preview.status).toBe(200);
  setMode("hang");
  const stuck = await health();
  expect(stuck.status).toBe(503);
  expect(stuck.body).toMatchObject({ ok: false, database: "ok", render: "failed" });
  expect(stuck.body.reasons).toEqual(["render: no render worker rendered the demo card within 0.8 s"]);
  // While that render has not come back, a second check sends no second job to pile up behind it.
  const again = await health();
  expect(again.status).toBe(503);
  expect(again.body.reasons).toEqual(["render: the previous check's render has not come back"]);
  // The pool stops the stuck worker at its own limit (3 s) and starts another: healthy again.
  setMode("ok");
  await expect.poll(async () => (await health()).status, { timeout: 10_000, interval: 300 }).toBe(200);
}, 20_000);

test("a worker that dies: 503 with the reason; its replacement answers, 200 again", async () => {
  setMode("die");
  const died = await health();
  expect(died.status).toBe(503);
  expect(died.body.reasons).toEqual([expect.stringMatching(/^render: render worker stopped \(exit code 3\)$/)]);
  setMode("ok");
  await expect.poll(async () => (await health()).status, { timeout: 10_000, interval: 300 }).toBe(200);
}, 20_000);

test("a database that takes no write: 503 naming it", async () => {
  web.service.db.pragma("query_only = ON");
  try {
    const readOnly = await health();
    expect(readOnly.status).toBe(503);
    expect(readOnly.body).toMatchObject({ ok: false, database: "failed", render: "ok" });
    expect(readOnly.body.reasons).toEqual([expect.stringMatching(/^database: it does not take a write \(.+\)$/)]);
  } finally {
    web.service.db.pragma("query_only = OFF");
  }
  expect((await health()).status).toBe(200);
});
