// `leaflets serve`: the nurses' page and its API on Node's own http module. No framework: six routes, and
// the size limits need the raw request stream (count bytes as they arrive, stream a CSV to disk, stop at the
// limit), which a framework would hide. Loads the catalog once; renders in a worker; batches in os.tmpdir.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { runBatch } from "../batch/runBatch.ts";
import { loadCatalogOrThrow } from "../catalog/loadCatalog.ts";
import { BatchJobStore } from "./batchJobs.ts";
import { registerBatchRoutes } from "./batchRoutes.ts";
import { DIST_DIR } from "./buildPage.ts";
import { createApp } from "./createApp.ts";
import { describeCatalog } from "./describeCatalog.ts";
import { sendJson } from "./http.ts";
import { registerOrderRoutes } from "./orderRoutes.ts";
import { RenderService } from "./renderService.ts";
import { registerReviewRoutes } from "./reviewRoutes.ts";
import { Router } from "./router.ts";

export interface ServerOptions {
  port: number;
  host: string;
  /** One line per request (method, path, status, duration) and the server's own notices. */
  log?: (line: string) => void;
  debug?: boolean;
  /** Render threads for a batch (default: one per core). */
  batchWorkers?: number;
  /** How long a batch's results are kept when nobody downloads them (default: one hour). */
  jobTtlMs?: number;
  /** Where batch folders are made (default: os.tmpdir()). */
  jobRoot?: string;
  /** The project folder (locales/, templates/) whose texts the review page reviews (default: this installation). */
  projectRoot?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  loopback: boolean;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const catalog = loadCatalogOrThrow(options.projectRoot);
  const catalogAnswer = describeCatalog(catalog);
  const renderer = new RenderService();
  const jobs = new BatchJobStore({
    workers: options.batchWorkers ?? availableParallelism(),
    runBatch,
    ...(options.jobTtlMs === undefined ? {} : { ttlMs: options.jobTtlMs }),
    ...(options.jobRoot === undefined ? {} : { root: options.jobRoot }),
  });
  jobs.sweepStale();

  const router = new Router().add("GET", "/api/catalog", ({ res }) => sendJson(res, 200, catalogAnswer));
  registerOrderRoutes(router, catalog, renderer);
  registerBatchRoutes(router, jobs);
  registerReviewRoutes(router, catalog, () => new Date().toISOString().slice(0, 10));

  const loopback = isLoopback(options.host);
  const allowedHosts = loopback
    ? [...LOOPBACK_NAMES, ...(/^127\./.test(options.host) ? [options.host] : [])]
    : undefined;
  const server = createServer(
    { requestTimeout: 10 * 60_000 },
    createApp({
      router,
      webRoot: existsSync(join(DIST_DIR, "index.html")) ? DIST_DIR : undefined,
      allowedHosts,
      log,
      debug: Boolean(options.debug),
    }),
  );
  await listen(server, options.port, options.host);
  renderer.warmUp();
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    loopback,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, renderer.close()]);
      jobs.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
