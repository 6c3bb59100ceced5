// The render pool replaces a worker after its job limit, but only when there is a next job to give:
// a replacement started at the end of a batch would load and warm up for nothing.
import { describe, expect, test } from "vitest";
import type { RenderJob, RenderResult } from "../../src/batch/renderJobs.ts";
import { RenderPool } from "../../src/batch/renderPool.ts";

const ECHO = new URL("../fixtures/batch/echoWorker.mjs", import.meta.url);

function job(id: number): RenderJob {
  return { id, order: {} as RenderJob["order"], options: {}, outDir: "" };
}

function thread(result: RenderResult): string {
  if (!result.ok) throw new Error(`job ${result.id} failed`);
  return result.notes[0] ?? "";
}

describe("render pool", () => {
  test("a worker is replaced after its job limit: five jobs on one worker with a limit of two take three workers", async () => {
    const pool = new RenderPool(1, 2, ECHO);
    try {
      const threads = (await Promise.all([1, 2, 3, 4, 5].map((id) => pool.run(job(id))))).map(thread);
      expect(threads[0]).toBe(threads[1]);
      expect(threads[2]).toBe(threads[3]);
      expect(new Set(threads).size).toBe(3);
      expect(pool.workersStarted).toBe(3);
    } finally {
      await pool.close();
    }
  });

  test("a worker at its limit with nothing left to do is not replaced; the next job gets a new worker", async () => {
    const pool = new RenderPool(1, 2, ECHO);
    try {
      const first = (await Promise.all([1, 2].map((id) => pool.run(job(id))))).map(thread);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pool.workersStarted).toBe(1);
      const third = thread(await pool.run(job(3)));
      expect(third).not.toBe(first[0]);
      expect(pool.workersStarted).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
