// A batch render worker (a worker thread): loads the catalog once, then renders and writes one job at a
// time, answering each with the files written or the problems. Failures are per job; the worker goes on.
// It also hands on the shared parts of leaflets it renders, and takes those the other workers rendered.
import { parentPort, workerData } from "node:worker_threads";
import { loadCatalogOrThrow } from "../catalog/loadCatalog.ts";
import { describeProblem, InternalError } from "../core/errors.ts";
import { DEMO_ORDER } from "../order/demoOrder.ts";
import { validateOrder } from "../order/validateOrder.ts";
import { documentNotes } from "../output/manifest.ts";
import { writeDocuments } from "../output/writeDocuments.ts";
import { generateDocuments } from "../pipeline/generateDocuments.ts";
import { handOnSharedParts, seedSharedParts, takeNewSharedParts } from "../render/leaflet/sharedPart.tsx";
import type { RenderJob, RenderResult, SeedMessage, WorkerStart } from "./renderJobs.ts";

const port = parentPort;
if (!port) throw new InternalError("renderWorker must run as a worker thread");
const catalog = loadCatalogOrThrow();
// The shared parts the other workers have rendered so far, and from now on those this one renders.
const start = workerData as WorkerStart | undefined;
seedSharedParts(start?.seed ?? []);
handOnSharedParts();
// The first render of a process loads and parses the fonts, compiles the templates and lays out the shared
// parts: about a second. A server's workers do it once as they start, with the fictional demo patient, so
// that a nurse's first preview does not wait for it. Jobs that arrive meanwhile wait in the port's queue.
if (start?.warmUp) {
  const demo = validateOrder({ ...DEMO_ORDER }, catalog);
  if (demo.ok) await generateDocuments(demo.order, catalog).catch(() => undefined);
}

port.on("message", async (message: RenderJob | SeedMessage) => {
  if ("seed" in message) {
    seedSharedParts(message.seed);
    return;
  }
  const job = message;
  let result: RenderResult;
  try {
    const documents = await generateDocuments(job.order, catalog, job.options);
    if (job.outDir === undefined) {
      // The page: the bytes go back, nothing is written.
      const rendered = documents.map(({ kind, language, secondLanguage, pages, bytes }) => ({
        kind,
        language,
        ...(secondLanguage ? { secondLanguage } : {}),
        pages,
        bytes,
      }));
      result = { id: job.id, ok: true, files: [], notes: [], documents: rendered };
    } else {
      const files = await writeDocuments(job.outDir, job.order, documents, job.options);
      result = { id: job.id, ok: true, files, notes: documentNotes(files) };
    }
  } catch (error) {
    const problem = describeProblem(error);
    result = { id: job.id, ok: false, errors: problem.problems };
    if (problem.internal) result.failure = "internal";
  }
  const shared = takeNewSharedParts();
  port.postMessage(shared.length > 0 ? { ...result, shared } : result);
});
