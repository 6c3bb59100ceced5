// A pool of render worker threads. Each worker renders one job at a time; a worker is replaced after
// `maxJobsPerWorker` jobs (react-pdf keeps memory across many renders), once there is a next job for it,
// or when it dies, so memory stays flat over any number of orders. A job whose worker dies fails on its
// own; the batch goes on. The shared parts of leaflets a worker renders are passed to the other workers
// and to every new one, so each is laid out once per batch.
import { Worker } from "node:worker_threads";
import type { FieldProblem } from "../core/errors.ts";
import { SHARED_PARTS_KEPT, type SharedPartSeed } from "../render/leaflet/sharedPart.tsx";
import type { RenderJob, RenderResult, SeedMessage, WorkerStart } from "./renderJobs.ts";

const WORKER_ENTRY = new URL("../../bin/render-worker.js", import.meta.url);

/** Each worker's V8 old generation is capped, so it collects garbage early instead of growing with the
 * machine's memory. A worker holds about 110 MB once its caches are full; a 59-page leaflet (12 cycles,
 * large print, two languages) renders within 128 MB. Measured with `npm run bench -- --batch`. */
const WORKER_HEAP_MB = Number(process.env.LEAFLETS_WORKER_HEAP_MB ?? 160);

/** A job that takes longer than this has hung (a leaflet takes well under 5 s): its worker is replaced and
 * the row fails with a message, so one bad document can never stall a whole batch. */
const JOB_TIMEOUT_MS = Number(process.env.LEAFLETS_JOB_TIMEOUT_MS ?? 120_000);

/** Jobs a worker renders before it is replaced. A new worker starts cold: about 2 s to load, then each
 * shared part of the leaflets (per medicine, language and category) and every remembered text laid out
 * again; replacing after 250 jobs cost a third of the throughput, after 1,000 nothing measurable. */
const WORKER_JOBS = Number(process.env.LEAFLETS_WORKER_JOBS ?? 1000);

interface Pending {
  job: RenderJob;
  resolve: (result: RenderResult) => void;
  /** The request that wants this job went away: a job not started yet is dropped. */
  signal?: AbortSignal;
}

/** How long a worker that was told to stop may take; past it, it is given up (a thread blocked in a read
 * cannot be stopped) so that the batch still finishes its report. */
const STOP_WAIT_MS = 5_000;

interface Slot {
  worker: Worker;
  jobsDone: number;
  /** Jobs before this worker is replaced. */
  jobLimit: number;
  /** Being stopped: takes no more jobs; its replacement starts once it has gone. */
  retiring?: boolean;
  current?: Pending;
  timer?: NodeJS.Timeout;
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;
  /** Shared parts the workers have rendered, by key (as many as a worker keeps). */
  private readonly sharedParts = new Map<string, Uint8Array>();

  /** Workers started so far, replacements included. */
  workersStarted = 0;

  constructor(
    readonly size: number,
    private readonly maxJobsPerWorker = WORKER_JOBS,
    /** The worker script (tests use a stand-in). */
    private readonly entry: URL = WORKER_ENTRY,
    private readonly jobTimeoutMs = JOB_TIMEOUT_MS,
    /** Each worker renders the demo order once as it starts (the server's: a first preview is then warm). */
    private readonly warmUp = false,
  ) {
    // The first workers are replaced after different numbers of jobs (half the limit, the whole limit,
    // …), so that two workers are never replaced at once: each replacement briefly holds a second heap.
    for (let i = 0; i < size; i++) {
      this.slots.push(this.spawn(Math.max(1, Math.round((maxJobsPerWorker * (i + 1)) / size))));
    }
  }

  /** Renders and writes one job on the next free worker. Never rejects: failures come back as results. */
  run(job: RenderJob, signal?: AbortSignal, urgent = false): Promise<RenderResult> {
    return new Promise((resolve) => {
      const pending = signal ? { job, resolve, signal } : { job, resolve };
      // A nurse waiting for a preview goes before the rows of a batch (at most a few are queued at a time).
      if (urgent) this.queue.unshift(pending);
      else this.queue.push(pending);
      this.dispatch();
    });
  }

  /** The job timeout in seconds, for messages. */
  get timeoutSeconds(): number {
    return this.jobTimeoutMs / 1000;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    for (const pending of this.queue.splice(0)) {
      pending.resolve({ id: pending.job.id, ok: false, errors: [STOPPING], failure: "cancelled" });
    }
    await Promise.all(this.slots.map((slot) => stopWorker(slot.worker)));
  }

  private spawn(jobLimit = this.maxJobsPerWorker): Slot {
    const slot: Slot = {
      worker: new Worker(this.entry, {
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
        workerData: { seed: this.seeds(), ...(this.warmUp ? { warmUp: true } : {}) } satisfies WorkerStart,
      }),
      jobsDone: 0,
      jobLimit,
    };
    this.workersStarted += 1;
    slot.worker.on("message", (result: RenderResult) => this.finish(slot, result));
    slot.worker.on("error", (error) => this.fail(slot, `render worker failed (${error.name})`, "worker"));
    slot.worker.on("exit", (code) => {
      if (this.closed) return;
      if (slot.current) this.fail(slot, `render worker stopped (exit code ${code})`, "worker");
      // A worker that died between jobs (or while loading) is replaced, so no job is sent to it.
      else void this.replace(slot);
    });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.current || slot.retiring) continue;
      if (this.queue.length === 0) return;
      // A worker past its job limit is replaced only when there is work for it: a new worker costs a
      // couple of seconds of loading and cold caches, wasted at the end of a batch.
      if (slot.jobsDone >= slot.jobLimit) {
        this.replace(slot);
        continue;
      }
      let next = this.queue.shift();
      while (next?.signal?.aborted) {
        next.resolve({ id: next.job.id, ok: false, errors: [CANCELLED], failure: "cancelled" });
        next = this.queue.shift();
      }
      if (!next) return;
      slot.current = next;
      slot.timer = setTimeout(
        () =>
          this.fail(
            slot,
            `rendering took longer than ${this.jobTimeoutMs / 1000} s and was stopped; nothing was written for it`,
            "timeout",
          ),
        this.jobTimeoutMs,
      );
      slot.worker.postMessage(next.job);
    }
  }

  private finish(slot: Slot, { shared, ...result }: RenderResult): void {
    if (shared) this.handOn(slot, shared);
    clearTimeout(slot.timer);
    const current = slot.current;
    slot.current = undefined;
    slot.jobsDone += 1;
    current?.resolve(result);
    this.dispatch();
  }

  /** The job fails once its worker has stopped (so it can no longer write), and a new worker takes its place. */
  private fail(slot: Slot, message: string, failure: "timeout" | "worker"): void {
    clearTimeout(slot.timer);
    const current = slot.current;
    slot.current = undefined;
    const stopped = this.replace(slot);
    const answer = () =>
      current?.resolve({ id: current.job.id, ok: false, errors: [{ field: "(document)", message }], failure });
    stopped.then(answer, answer);
    this.dispatch();
  }

  /** Keeps the shared parts a worker rendered and passes them to the other workers. */
  private handOn(from: Slot, parts: SharedPartSeed[]): void {
    for (const { key, bytes } of parts) {
      this.sharedParts.delete(key);
      this.sharedParts.set(key, bytes);
      if (this.sharedParts.size > SHARED_PARTS_KEPT)
        this.sharedParts.delete(this.sharedParts.keys().next().value as string);
    }
    for (const slot of this.slots) {
      if (slot !== from && !slot.retiring) slot.worker.postMessage({ seed: parts } satisfies SeedMessage);
    }
  }

  private seeds(): SharedPartSeed[] {
    return [...this.sharedParts].map(([key, bytes]) => ({ key, bytes }));
  }

  /** Stops the worker and starts a new one in its place once it has gone (never two heaps at once). */
  private replace(slot: Slot): Promise<void> {
    if (slot.retiring || this.closed || !this.slots.includes(slot)) return stopWorker(slot.worker);
    slot.retiring = true;
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {}); // a worker that fails while stopping has nothing left to report
    const started = () => {
      const index = this.slots.indexOf(slot);
      if (index < 0 || this.closed) return;
      this.slots[index] = this.spawn();
      this.dispatch();
    };
    const stopped = stopWorker(slot.worker);
    stopped.then(started, started);
    return stopped;
  }
}

const STOPPING: FieldProblem = { field: "(document)", message: "not rendered: the renderer is stopping" };
const CANCELLED: FieldProblem = { field: "(document)", message: "not rendered: the request was cancelled" };

/** Terminates a worker, waiting at most STOP_WAIT_MS; a worker that does not stop by then is let go. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.unref();
      resolve();
    }, STOP_WAIT_MS);
    worker.terminate().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}
