// POST /api/batch (a CSV file as the request body, at most 20 MB) → a job id; GET /api/batch/:id → its
// progress, totals and per-row report; GET /api/batch/:id/download → the results as a zip, after which the
// job's folder is deleted. Reports carry row numbers, patient ids and field messages, never names.
import { rmSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { type PaperSize, parsePaper } from "../order/documentOptions.ts";
import type { BatchCreatedResponse } from "./apiTypes.ts";
import { type BatchJob, type BatchJobStore, MAX_OPEN_JOBS } from "./batchJobs.ts";
import { BASE_HEADERS, HttpError, httpError, mediaType, sendJson } from "./http.ts";
import { queryOption } from "./queryOptions.ts";
import { CSV_LIMIT_BYTES, drain, saveBodyToFile } from "./readBody.ts";
import type { Router } from "./router.ts";
import { zipResults } from "./zipResults.ts";

const CSV_TYPES = ["text/csv", "application/csv", "application/vnd.ms-excel", "application/octet-stream"];
const JSONL_TYPES = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"];

const uploads = new WeakMap<IncomingMessage, BatchJob>();

/** The batch an upload request created (for its audit record). */
export function uploadedJob(req: IncomingMessage): BatchJob | undefined {
  return uploads.get(req);
}

/** Who is asking: their name and whether they may see every user's batches (an admin). */
export type BatchCaller = (req: IncomingMessage) => { name: string; admin: boolean } | undefined;

/** `caller`: the signed-in user; a batch is then seen and downloaded only by its uploader or an admin. */
export function registerBatchRoutes(router: Router, store: BatchJobStore, caller: BatchCaller = () => undefined): void {
  router.add("POST", "/api/batch", async ({ req, res, url }) => {
    const type = mediaType(req);
    const format = JSONL_TYPES.includes(type) ? "jsonl" : CSV_TYPES.includes(type) ? "csv" : undefined;
    if (!format) {
      await drain(req);
      throw httpError(
        415,
        "(request)",
        `send the CSV file itself as the request body with Content-Type: text/csv (got ${type ? `"${type}"` : "no Content-Type"})`,
      );
    }
    let paper: PaperSize;
    try {
      paper = queryOption(url, "paper", "A4", parsePaper);
    } catch (error) {
      await drain(req);
      throw error;
    }
    if (store.openJobs() >= MAX_OPEN_JOBS) {
      await drain(req);
      throw httpError(429, "(batch)", `${MAX_OPEN_JOBS} batches are waiting or running; try again when one is done`);
    }
    const job = store.prepare(
      uploadName(url, format),
      format,
      {
        paper,
        merge: ["1", "true", "yes"].includes(url.searchParams.get("merge") ?? ""),
      },
      caller(req)?.name,
    );
    try {
      const bytes = await saveBodyToFile(req, job.input, CSV_LIMIT_BYTES);
      if (bytes === 0) throw httpError(422, "(input)", `${job.fileName} is empty; upload the CSV file with the orders`);
    } catch (error) {
      rmSync(job.dir, { recursive: true, force: true });
      throw error;
    }
    const started = await store.start(job);
    if (!started.ok) throw new HttpError(422, started.errors);
    uploads.set(req, job);
    const body: BatchCreatedResponse = { ok: true, id: job.id };
    sendJson(res, 202, body, { location: `/api/batch/${job.id}` });
  });

  router.add("GET", "/api/batch/:id", ({ req, res, params }) => {
    sendJson(res, 200, store.describe(findJob(store, params.id, caller(req))));
  });

  router.add("GET", "/api/batch/:id/download", async ({ req, res, params }) => {
    const job = findJob(store, params.id, caller(req));
    if (job.status === "downloaded") {
      throw httpError(
        410,
        "(batch)",
        "the results were downloaded and then deleted from this computer; upload the file again for another copy",
      );
    }
    if (job.status !== "done") {
      throw httpError(
        409,
        "(batch)",
        job.status === "failed" ? "the batch failed; there is nothing to download" : "the batch is not finished yet",
      );
    }
    const stream = zipResults(job.outDir, job.input, job.fileName);
    res.writeHead(200, {
      ...BASE_HEADERS,
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${zipName(job)}"`,
    });
    await pipeline(stream, res);
    store.markDownloaded(job);
  });
}

/** The job, if it exists and the caller may see it: another user's batch is answered as not there at all. */
export function findJob(store: BatchJobStore, id: string | undefined, who: ReturnType<BatchCaller>): BatchJob {
  const found = id ? store.get(id) : undefined;
  const job = found && mayUse(found, who) ? found : undefined;
  if (!job) {
    throw httpError(
      404,
      "(batch)",
      "no such batch on this server: results are deleted an hour after the upload, and when the server stops",
    );
  }
  return job;
}

function mayUse(job: BatchJob, who: ReturnType<BatchCaller>): boolean {
  if (job.owner === undefined) return true;
  return who !== undefined && (who.admin || who.name === job.owner);
}

/** The uploaded file's name (from ?name=), for messages and the zip's name only; never a path. */
function uploadName(url: URL, format: "csv" | "jsonl"): string {
  const given = basename((url.searchParams.get("name") ?? "").replace(/\\/g, "/")).replace(
    /[^\p{L}\p{N} ._()-]/gu,
    "_",
  );
  return given.slice(0, 100) || `orders.${format}`;
}

function zipName(job: BatchJob): string {
  const stem = job.fileName.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]/g, "_") || "batch";
  return `${stem}-leaflets.zip`;
}
