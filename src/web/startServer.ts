// `leaflets serve`: the nurses' page and its API on Node's own http module. No framework: six routes, and
// the size limits need the raw request stream (count bytes as they arrive, stream a CSV to disk, stop at the
// limit), which a framework would hide. Loads the catalog once; renders in a worker pool; batches in os.tmpdir.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { runBatch } from "../batch/runBatch.ts";
import { loadCatalogOrThrow } from "../catalog/loadCatalog.ts";
import { UnsafeListenError } from "../core/errors.ts";
import { DEMO_ORDER } from "../order/demoOrder.ts";
import { validateOrder } from "../order/validateOrder.ts";
import { type PageRenderer, QueueRenderService } from "../queue/queueRenderService.ts";
import type { PasswordCost } from "../service/passwords.ts";
import { roleAllows } from "../service/roles.ts";
import { openService, type Service } from "../service/service.ts";
import type { Clock } from "../service/sessionStore.ts";
import { RenderService } from "../workers/renderService.ts";
import { Access } from "./access.ts";
import { auditBatchRoutes, registerAuditRoutes, WebAudit } from "./auditRoutes.ts";
import { authorizeReview } from "./authorizeReview.ts";
import { BatchJobStore } from "./batchJobs.ts";
import { registerBatchRoutes } from "./batchRoutes.ts";
import { DIST_DIR } from "./buildPage.ts";
import { createApp, type RequestLogEntry } from "./createApp.ts";
import { describeCatalog } from "./describeCatalog.ts";
import { registerFhirRoutes } from "./fhirRoutes.ts";
import { createHealthCheck } from "./healthCheck.ts";
import { sendJson } from "./http.ts";
import { registerOrderRoutes } from "./orderRoutes.ts";
import { registerReviewRoutes } from "./reviewRoutes.ts";
import { Router } from "./router.ts";
import { registerSessionRoutes } from "./sessionRoutes.ts";

export interface ServerOptions {
  port: number;
  host: string;
  /** One line per request (method, path, status, duration) and the server's own notices. */
  log?: (line: string) => void;
  debug?: boolean;
  /** Rows of a batch in flight at once (default: one per core); they render on the page's worker pool. */
  batchWorkers?: number;
  /** How long a batch's results are kept when nobody downloads them (default: one hour). */
  jobTtlMs?: number;
  /** Where batch folders are made (default: os.tmpdir()). */
  jobRoot?: string;
  /** A page render that takes longer is stopped and answered with 503 (default 60 s). */
  renderTimeoutMs?: number;
  /** Render workers for the page (default: 2 to 4, by cores). */
  renderWorkers?: number;
  /** The render worker script (tests use a stand-in). */
  renderWorkerEntry?: URL;
  /** The data folder (accounts, sessions, audit trail); without it and without `service`: no sign-in, no audit. */
  dataDir?: string;
  /** An already opened service (tests: a clock, low password cost); the caller closes it. */
  service?: Service;
  passwordCost?: PasswordCost;
  clock?: Clock;
  /** Reverse-proxy addresses whose user header is believed (single sign-on). */
  trustProxy?: string[];
  /** The header a trusted proxy puts the signed-in user's name in, e.g. X-Remote-User. */
  userHeader?: string;
  /** Requests as structured entries (the JSON log) instead of lines. */
  logRequest?: (entry: RequestLogEntry) => void;
  /** A Redis queue (redis://, rediss://) whose `leaflets worker` processes render the page's orders. */
  queue?: string;
  /** GET /healthz's render check must come back within this (default 10 s). */
  healthDeadlineMs?: number;
  /** The project folder (locales/, templates/) whose texts the review page reviews (default: this installation). */
  projectRoot?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  loopback: boolean;
  /** Stops taking requests; those in flight get up to `graceMs` (default 0) to finish. */
  close(options?: { graceMs?: number }): Promise<void>;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const loopback = isLoopback(options.host);
  const trustProxy = options.trustProxy ?? [];
  const ownService = options.service
    ? undefined
    : options.dataDir === undefined
      ? undefined
      : openService({ dataDir: options.dataDir, passwordCost: options.passwordCost, clock: options.clock });
  const service = options.service ?? ownService;
  const canSignIn =
    (service !== undefined && service.users.count() > 0) || (trustProxy.length > 0 && Boolean(options.userHeader));
  if (!loopback && !canSignIn) {
    ownService?.close();
    throw new UnsafeListenError(options.host);
  }
  service?.sessions.sweep();
  logAuditHead(service, log, "start");
  const catalog = loadCatalogOrThrow(options.projectRoot);
  const catalogAnswer = describeCatalog(catalog);
  const renderer: PageRenderer = options.queue
    ? new QueueRenderService(options.queue)
    : new RenderService({
        ...(options.renderTimeoutMs === undefined ? {} : { timeoutMs: options.renderTimeoutMs }),
        ...(options.renderWorkers === undefined ? {} : { workers: options.renderWorkers }),
        ...(options.renderWorkerEntry === undefined ? {} : { entry: options.renderWorkerEntry }),
      });
  const jobs = new BatchJobStore({
    workers: options.batchWorkers ?? availableParallelism(),
    runBatch,
    // Batches share the page's local pool; with a queue, a batch of the page starts workers of its own.
    pool: () => (renderer instanceof RenderService ? renderer.renderPool : undefined),
    ...(options.jobTtlMs === undefined ? {} : { ttlMs: options.jobTtlMs }),
    ...(options.jobRoot === undefined ? {} : { root: options.jobRoot }),
  });
  jobs.sweepStale();

  const access = new Access({ service, loopback, trustProxy, userHeader: options.userHeader });
  const audit = new WebAudit(access, service);
  const router = new Router();
  const nurse = access.guarded(router, "nurse");
  nurse.add("GET", "/api/catalog", ({ res }) => sendJson(res, 200, catalogAnswer));
  registerOrderRoutes(nurse, catalog, renderer, (context, order, document) =>
    audit.onRendered(context, order, document),
  );
  registerFhirRoutes(
    nurse,
    catalog,
    renderer,
    (context, order, document) => audit.onRendered(context, order, document),
    (context, order, bytes) => audit.onCalendar(context, order, bytes),
  );
  registerBatchRoutes(auditBatchRoutes(nurse, audit, jobs, access), jobs, (req) => {
    const caller = access.identify(req);
    return caller ? { name: caller.name, admin: roleAllows(caller.role, "admin") } : undefined;
  });
  registerSessionRoutes(router, access, service);
  registerAuditRoutes(router, access, service, audit);
  // Content review: a pharmacist (or admin) reads and decides; a signed-in reviewer's own name is recorded.
  // Without sign-in (this computer only) the review hook decides, as on the single-user page.
  const today = () => new Date().toISOString().slice(0, 10);
  registerReviewRoutes(
    access.guarded(router, "pharmacist"),
    catalog,
    today,
    (req, action) => {
      const caller = access.identify(req);
      if (caller?.via === "local") return authorizeReview(req, action);
      if (!caller || !roleAllows(caller.role, "pharmacist"))
        return { allowed: false, reason: "this needs the pharmacist role" };
      return { allowed: true, reviewer: { name: caller.name, role: "pharmacist" } };
    },
    (req, event) => audit.onReviewDecision(req, event),
  );

  const healthOrder = validateOrder(DEMO_ORDER, catalog);
  const health = createHealthCheck({
    service,
    renderer,
    order: healthOrder.ok ? healthOrder.order : undefined,
    ...(options.healthDeadlineMs === undefined ? {} : { deadlineMs: options.healthDeadlineMs }),
  });

  // Behind a trusted proxy the Host is the hospital's name for the service, not a loopback name.
  const allowedHosts =
    loopback && trustProxy.length === 0
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
      health,
      ...(options.logRequest ? { logRequest: options.logRequest } : {}),
    }),
  );
  await listen(server, options.port, options.host);
  renderer.warmUp();
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    loopback,
    close(closeOptions = {}) {
      closing ??= stop(closeOptions);
      return closing;
    },
  };

  async function stop(closeOptions: { graceMs?: number }): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const graceMs = closeOptions.graceMs ?? 0;
    if (graceMs > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await Promise.all([closed, renderer.close()]);
    jobs.close();
    logAuditHead(service, log, "stop");
    ownService?.close();
  }
}

/** The audit trail's newest record (number and hash) in the log, which a hospital ships off this machine:
 * an anchor at every start and stop that `leaflets audit verify --anchor` can check the trail against. */
function logAuditHead(service: Service | undefined, log: (line: string) => void, when: "start" | "stop"): void {
  let head: ReturnType<NonNullable<typeof service>["audit"]["head"]>;
  try {
    head = service?.audit.head();
  } catch (error) {
    // A trail that cannot be read (a damaged or replaced file) must not stop the server: say so instead.
    log(
      `audit trail at ${when}: could not be read (${error instanceof Error ? error.name : "error"}); run leaflets audit verify`,
    );
    return;
  }
  if (head) log(`audit trail at ${when}: newest record ${head.seq}:${head.hash} (an anchor for audit verify --anchor)`);
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
