// Renders validated orders for the page in a worker thread, so a render (about a second) never holds up
// other requests; one job at a time, the worker replaced after many renders (react-pdf's memory grows)
// or when it dies. The last few results stay in memory only, so a download after the preview is instant.
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import type { FieldProblem } from "../errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";
import type { RenderedDocument, WorkerRequest, WorkerResponse } from "./renderMessages.ts";

const WORKER_ENTRY = new URL("../../bin/web-render-worker.js", import.meta.url);
const RENDERS_PER_WORKER = 200;
const RENDER_TIMEOUT_MS = 120_000;
const CACHE_ENTRIES = 8;

export type RenderOutcome = { ok: true; documents: RenderedDocument[] } | { ok: false; problems: FieldProblem[] };

interface Job {
  request: WorkerRequest;
  signal: AbortSignal | undefined;
  resolve: (outcome: RenderOutcome) => void;
  reject: (error: Error) => void;
}

export class RenderService {
  private worker: Worker | undefined;
  private rendersByWorker = 0;
  private current: (Job & { timer: NodeJS.Timeout }) | undefined;
  private readonly queue: Job[] = [];
  private readonly cache = new Map<string, RenderOutcome>();
  private nextId = 1;
  private closed = false;

  /** The documents for a validated order; refusals found while rendering (a name too long for the card) come back as problems. */
  async render(order: Order, options: GenerateOptions, signal?: AbortSignal): Promise<RenderOutcome> {
    const key = createHash("sha256")
      .update(JSON.stringify([order, options]))
      .digest("hex");
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const outcome = await new Promise<RenderOutcome>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, order, options }, signal, resolve, reject });
      this.dispatch();
    });
    this.cache.set(key, outcome);
    while (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    return outcome;
  }

  /** Starts the worker ahead of the first request (it loads the catalog and fonts). */
  warmUp(): void {
    if (!this.closed) this.worker ??= this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cache.clear();
    for (const job of this.queue.splice(0)) job.reject(new Error("the server is stopping"));
    this.current?.reject(new Error("the server is stopping"));
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private dispatch(): void {
    if (this.current || this.closed) return;
    let job = this.queue.shift();
    // A preview the page no longer waits for (the nurse typed on) is not rendered.
    while (job?.signal?.aborted) {
      job.reject(new Error("the request was cancelled"));
      job = this.queue.shift();
    }
    if (!job) return;
    if (!this.worker || this.rendersByWorker >= RENDERS_PER_WORKER) this.replaceWorker();
    const timer = setTimeout(() => this.fail(new Error("rendering took too long")), RENDER_TIMEOUT_MS);
    this.current = { ...job, timer };
    this.rendersByWorker += 1;
    this.worker?.postMessage(job.request);
  }

  private spawn(): Worker {
    this.rendersByWorker = 0;
    const worker = new Worker(WORKER_ENTRY);
    worker.on("message", (response: WorkerResponse) => this.finish(response));
    worker.on("error", (error) => this.fail(new Error(`render worker failed: ${error.name}`)));
    worker.on("exit", () => {
      if (this.worker === worker) {
        this.worker = undefined;
        if (this.current) this.fail(new Error("render worker stopped"));
      }
    });
    return worker;
  }

  private replaceWorker(): void {
    const old = this.worker;
    this.worker = this.spawn();
    if (old) {
      old.removeAllListeners();
      void old.terminate();
    }
  }

  private finish(response: WorkerResponse): void {
    const job = this.current;
    if (!job || job.request.id !== response.id) return;
    clearTimeout(job.timer);
    this.current = undefined;
    if (response.ok) job.resolve({ ok: true, documents: response.documents });
    else if (response.failure !== undefined) job.reject(new Error(response.failure));
    else job.resolve({ ok: false, problems: response.problems });
    this.dispatch();
  }

  private fail(error: Error): void {
    const job = this.current;
    this.current = undefined;
    if (job) clearTimeout(job.timer);
    const dead = this.worker;
    this.worker = undefined;
    if (dead) {
      dead.removeAllListeners();
      void dead.terminate();
    }
    job?.reject(error);
    this.dispatch();
  }
}
