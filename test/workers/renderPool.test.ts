// The render pool replaces a worker after its job limit, but only when there is a next job to give (a
// replacement started at the end of a batch would load and warm up for nothing). When a worker dies or
// hangs, the job it was rendering fails and the batch goes on with a new worker.
import { describe, expect, test } from "vitest";
import type { RenderJob, RenderResult } from "../../src/workers/renderJobs.ts";
import { RenderPool } from "../../src/workers/renderPool.ts";

const STAND_IN = new URL("../fixtures/batch/standInWorker.mjs", import.meta.url);

function job(id: number, patientId = `P-${id}`): RenderJob {
  return { id, order: { patientId } as RenderJob["order"], options: {}, outDir: "" };
}

function thread(result: RenderResult): string {
  if (!result.ok) throw new Error(`job ${result.id} failed`);
  return result.notes[0] ?? "";
}

/** Runs `check` on a pool of one stand-in worker, closing the pool afterwards. */
async function withPool(jobLimit: number, check: (pool: RenderPool) => Promise<void>, timeoutMs?: number) {
  const pool = new RenderPool(1, jobLimit, STAND_IN, timeoutMs);
  try {
    await check(pool);
  } finally {
    await pool.close();
  }
}

describe("render pool", () => {
  test("a worker is replaced after its job limit: five jobs on one worker with a limit of two take three workers", () =>
    withPool(2, async (pool) => {
      const threads = (await Promise.all([1, 2, 3, 4, 5].map((id) => pool.run(job(id))))).map(thread);
      expect(threads[0]).toBe(threads[1]);
      expect(threads[2]).toBe(threads[3]);
      expect(new Set(threads).size).toBe(3);
      expect(pool.workersStarted).toBe(3);
    }));

  test("a worker at its limit with nothing left to do is not replaced; the next job gets a new worker", () =>
    withPool(2, async (pool) => {
      const first = (await Promise.all([1, 2].map((id) => pool.run(job(id))))).map(thread);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pool.workersStarted).toBe(1);
      const third = thread(await pool.run(job(3)));
      expect(third).not.toBe(first[0]);
      expect(pool.workersStarted).toBe(2);
    }));

  test("a worker that dies fails the job it was rendering; the next job is rendered by its replacement", () =>
    withPool(100, async (pool) => {
      const [crashed, next] = await Promise.all([pool.run(job(1, "CRASH")), pool.run(job(2))]);
      expect(crashed.ok).toBe(false);
      expect(crashed.ok ? "" : crashed.errors[0]?.message).toContain("render worker stopped (exit code 3)");
      expect(next.ok).toBe(true);
      expect(pool.workersStarted).toBe(2);
    }));

  test("a job that hangs fails after the timeout; the next job is rendered by a new worker", () =>
    withPool(
      100,
      async (pool) => {
        const [hung, next] = await Promise.all([pool.run(job(1, "HANG")), pool.run(job(2))]);
        expect(hung.ok ? "" : hung.errors[0]?.message).toContain("took longer than 0.3 s");
        expect(next.ok).toBe(true);
      },
      300,
    ));
});
