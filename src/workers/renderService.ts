// Renders validated orders for the page through the batch's worker pool (src/workers/renderPool.ts, which the
// page's batches use too, previews first): several
// workers, so one slow or stuck render does not hold up the other nurses; each render has a limit, after
// which its worker is stopped and replaced and the request gets a 503. The last few results stay in memory
// only, so a download after the preview is instant. Nothing is written to disk.
import { availableParallelism } from "node:os";
import { type FieldProblem, httpError, RenderFailedError } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";
import { RenderCache } from "./renderCache.ts";
import type { RenderedDocument } from "./renderJobs.ts";
import { RenderPool } from "./renderPool.ts";

const RENDERS_PER_WORKER = 200;
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
/** The health check's deadline while no worker has rendered yet (starting from source takes ~20 s on 2 cores). */
const STARTING_DEADLINE_MS = 60_000;

export type RenderOutcome = { ok: true; documents: RenderedDocument[] } | { ok: false; problems: FieldProblem[] };

export interface RenderServiceOptions {
  /** Render workers (default: 2, or more on a machine with more than 2 cores, at most 4). */
  workers?: number;
  /** A render that takes longer is stopped and answered with 503 (default 60 s). */
  timeoutMs?: number;
  /** The worker script (tests use a stand-in). */
  entry?: URL;
}

export class RenderService {
  private pool: RenderPool | undefined;
  private readonly cache = new RenderCache<RenderOutcome>();
  private nextId = 1;
  private closed = false;
  /** The health check's render while it has not come back. */
  private checking: Promise<unknown> | undefined;
  /** A worker has rendered something: it has loaded (until then a check allows for the start, see check). */
  private answered = false;

  constructor(private readonly options: RenderServiceOptions = {}) {}

  /** The documents for a validated order; refusals found while rendering (a name too long for the card) come back as problems. */
  async render(order: Order, options: GenerateOptions, signal?: AbortSignal): Promise<RenderOutcome> {
    const key = this.cache.key(order, options);
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.closed) throw httpError(503, "(server)", "the server is stopping");
    const result = await this.started().run({ id: this.nextId++, order, options }, signal, true);
    if (!result.ok) {
      switch (result.failure) {
        case undefined:
          return { ok: false, problems: result.errors };
        case "timeout":
          throw httpError(
            503,
            "(document)",
            `rendering this order took longer than ${this.started().timeoutSeconds} s and was stopped; the page's other renders go on. Try again; if it happens again, run \`leaflets validate\` on the server`,
          );
        case "cancelled":
          throw httpError(503, "(request)", "the request was cancelled before its render began");
        default:
          throw new RenderFailedError(`render failed (${result.failure})`);
      }
    }
    this.answered = true;
    const outcome: RenderOutcome = { ok: true, documents: result.documents ?? [] };
    this.cache.set(key, outcome);
    return outcome;
  }

  /**
   * The health check's render: the order's card on a worker, past the cache, within `deadlineMs`. While an
   * earlier check's render has not come back (a stuck worker), no other is sent: the answer says so. Until a
   * worker has rendered once, the deadline allows for its start (catalog, fonts, the warm-up render).
   */
  async check(order: Order, deadlineMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (this.closed) return { ok: false, reason: "the server is stopping" };
    if (this.checking) return { ok: false, reason: "the previous check's render has not come back" };
    const cancel = new AbortController();
    const job = this.started().run({ id: this.nextId++, order, options: { kinds: ["card"] } }, cancel.signal, true);
    this.checking = job;
    void job.finally(() => {
      if (this.checking === job) this.checking = undefined;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limitMs = this.answered ? deadlineMs : Math.max(deadlineMs, STARTING_DEADLINE_MS);
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), limitMs);
    });
    const result = await Promise.race([job, late]);
    clearTimeout(timer);
    if (result === "late") {
      cancel.abort(); // taken off the queue if no worker has begun it
      return { ok: false, reason: `no render worker rendered the demo card within ${limitMs / 1000} s` };
    }
    if (result.ok) this.answered = true;
    if (!result.ok) return { ok: false, reason: result.errors[0]?.message ?? `render failed (${result.failure})` };
    if (!result.documents?.length) return { ok: false, reason: "the render worker sent back no document" };
    return { ok: true };
  }

  /** The pool, for the page's batches to render on too (one set of workers for the whole server). */
  get renderPool(): RenderPool {
    return this.started();
  }

  /** Starts the workers ahead of the first request (they load the catalog and fonts). */
  warmUp(): void {
    if (!this.closed) this.started();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cache.clear();
    await this.pool?.close();
  }

  private started(): RenderPool {
    this.pool ??= new RenderPool(
      this.options.workers ?? Math.min(4, Math.max(2, availableParallelism())),
      RENDERS_PER_WORKER,
      this.options.entry,
      this.options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS,
      true, // each worker renders the demo once as it starts: the first preview is warm
    );
    return this.pool;
  }
}
