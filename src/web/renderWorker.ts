// The page's render worker (a worker thread): loads the catalog once, then turns one validated order at
// a time into PDF bytes with the library's generateDocuments — the same call `leaflets generate` makes —
// and hands the bytes back without writing anything to disk.
import { parentPort } from "node:worker_threads";
import { loadCatalogOrThrow } from "../catalog/loadCatalog.ts";
import { LeafletError, OrderRefusedError } from "../errors.ts";
import { generateDocuments } from "../pipeline/generateDocuments.ts";
import type { WorkerRequest, WorkerResponse } from "./renderMessages.ts";

const port = parentPort;
if (!port) throw new Error("the web render worker must run as a worker thread");
const catalog = loadCatalogOrThrow();

port.on("message", async (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const documents = await generateDocuments(request.order, catalog, request.options);
    response = {
      id: request.id,
      ok: true,
      documents: documents.map(({ kind, language, secondLanguage, pages, bytes }) => ({
        kind,
        language,
        ...(secondLanguage ? { secondLanguage } : {}),
        pages,
        bytes,
      })),
    };
  } catch (error) {
    if (error instanceof OrderRefusedError) response = { id: request.id, ok: false, problems: error.problems };
    else {
      // The library's errors never carry a name or date of birth; anything else is reported by its kind only.
      const message = error instanceof LeafletError ? error.message : `internal error (${(error as Error).name})`;
      response = { id: request.id, ok: false, failure: message };
    }
  }
  port.postMessage(response);
});
