// A batch render worker (a worker thread): loads the catalog once, then renders and writes one job at a
// time, answering each with the files written or the problems. Failures are per job; the worker goes on.
import { parentPort } from "node:worker_threads";
import { loadCatalogOrThrow } from "../catalog/loadCatalog.ts";
import { type FieldProblem, LeafletError, OrderRefusedError } from "../errors.ts";
import { documentNotes } from "../output/manifest.ts";
import { writeDocuments } from "../output/writeDocuments.ts";
import { generateDocuments } from "../pipeline/generateDocuments.ts";
import type { RenderJob, RenderResult } from "./renderJobs.ts";

const port = parentPort;
if (!port) throw new Error("renderWorker must run as a worker thread");
const catalog = loadCatalogOrThrow();

port.on("message", async (job: RenderJob) => {
  let result: RenderResult;
  try {
    const documents = await generateDocuments(job.order, catalog, job.options);
    const files = await writeDocuments(job.outDir, job.order, documents, job.options);
    result = { id: job.id, ok: true, files, notes: documentNotes(files) };
  } catch (error) {
    result = { id: job.id, ok: false, errors: problemsOf(error) };
  }
  port.postMessage(result);
});

function problemsOf(error: unknown): FieldProblem[] {
  if (error instanceof OrderRefusedError) return error.problems;
  if (error instanceof LeafletError) return [{ field: "(document)", message: error.message }];
  return [{ field: "(document)", message: `internal error: ${(error as Error).message ?? String(error)}` }];
}
