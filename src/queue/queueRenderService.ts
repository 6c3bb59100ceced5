// The nurses' page's renders on the queue (`leaflets serve --queue`): the same calls as the local
// RenderService (render, warmUp, close), but each validated order becomes a job any `leaflets worker`
// renders. The documents come back under a short-lived Redis key, read and deleted at once; the last
// few outcomes stay in this process's memory only, so a download after the preview is instant.
import { randomUUID } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import { httpError, RenderFailedError } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";
import { RenderCache } from "../workers/renderCache.ts";
import type { RenderedDocument } from "../workers/renderJobs.ts";
import type { RenderOutcome, RenderService } from "../workers/renderService.ts";
import { connectionOptions } from "./queueConnection.ts";
import { JOB_OPTIONS, PAGE_RENDER_JOB, type PageRenderData, type PageRenderResult, QUEUE_NAME } from "./queueJobs.ts";

const RENDER_TIMEOUT_MS = 120_000;

/** What the page's routes and the server need of a renderer, local or on the queue. */
export type PageRenderer = Pick<RenderService, "render" | "warmUp" | "close" | "check">;

type StoredDocument = Omit<RenderedDocument, "bytes"> & { bytes: string };

export class QueueRenderService implements PageRenderer {
  private readonly queue: Queue<PageRenderData, PageRenderResult>;
  private readonly events: QueueEvents;
  private readonly cache = new RenderCache<RenderOutcome>();

  constructor(url: string) {
    const connection = connectionOptions(url);
    this.queue = new Queue(QUEUE_NAME, { connection });
    this.events = new QueueEvents(QUEUE_NAME, { connection });
    // Connection problems are retried by the client; a render waiting meanwhile fails on its timeout.
    this.queue.on("error", () => {});
    this.events.on("error", () => {});
  }

  async render(order: Order, options: GenerateOptions, signal?: AbortSignal): Promise<RenderOutcome> {
    const key = this.cache.key(order, options);
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (signal?.aborted) throw httpError(503, "(request)", "the request was cancelled");
    const job = await this.queue.add(PAGE_RENDER_JOB, { order, options }, { ...JOB_OPTIONS, jobId: randomUUID() });
    const cancelled = new Promise<never>((_, reject) => {
      signal?.addEventListener(
        "abort",
        () => {
          // A preview the page no longer waits for is taken off the queue if no worker has started it.
          job.remove().catch(() => {});
          reject(httpError(503, "(request)", "the request was cancelled"));
        },
        { once: true },
      );
    });
    cancelled.catch(() => {});
    const result = (await Promise.race([
      job.waitUntilFinished(this.events, RENDER_TIMEOUT_MS),
      cancelled,
    ])) as PageRenderResult;
    const outcome = "problems" in result ? { ok: false as const, problems: result.problems } : await this.take(result);
    this.cache.set(key, outcome);
    return outcome;
  }

  /** The health check's render: the order's card by a `leaflets worker`, past the cache, within `deadlineMs`. */
  async check(order: Order, deadlineMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
    const options: GenerateOptions = { kinds: ["card"] };
    const job = await this.queue.add(PAGE_RENDER_JOB, { order, options }, { ...JOB_OPTIONS, jobId: randomUUID() });
    try {
      const result = (await job.waitUntilFinished(this.events, deadlineMs)) as PageRenderResult;
      if ("problems" in result) return { ok: false, reason: "the worker refused the demo card" };
      const outcome = await this.take(result);
      return outcome.ok && outcome.documents.length > 0
        ? { ok: true }
        : { ok: false, reason: "the worker sent back no document" };
    } catch {
      job.remove().catch(() => {});
      return { ok: false, reason: `no queue worker rendered the demo card within ${deadlineMs / 1000} s` };
    }
  }

  warmUp(): void {
    void this.events.waitUntilReady().catch(() => {});
  }

  async close(): Promise<void> {
    this.cache.clear();
    await Promise.all([this.events.close(), this.queue.close()]);
  }

  /** The worker's documents, removed from Redis as they are read. */
  private async take({ resultKey }: { resultKey: string }): Promise<RenderOutcome> {
    const client = await this.queue.backend.client;
    const stored = await client.get(resultKey);
    await client.del(resultKey);
    if (stored === null) throw new RenderFailedError("the rendered documents expired before they were read");
    const documents = (JSON.parse(stored) as StoredDocument[]).map(({ bytes, ...rest }) => ({
      ...rest,
      bytes: new Uint8Array(Buffer.from(bytes, "base64")),
    }));
    return { ok: true, documents };
  }
}
