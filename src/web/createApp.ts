// The request handler: checks where a request comes from, sends /api/* to the router and everything else
// to the built page, turns errors into JSON answers, and logs one line per request — method, path, status
// and duration only, never a body, a query or a header that could carry patient data.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { answerFor, httpError, sendError, sendJson } from "./http.ts";
import { drain } from "./readBody.ts";
import type { Router } from "./router.ts";
import { serveStatic } from "./staticFiles.ts";

export interface AppOptions {
  router: Router;
  /** The built page (web/dist), or undefined when it is not there. */
  webRoot: string | undefined;
  /** Host names the server answers to; undefined: any (it was bound to a network address on purpose). */
  allowedHosts: string[] | undefined;
  log: (line: string) => void;
  debug: boolean;
  /** When given, each request is told here (with its id) instead of as a line to `log`. */
  logRequest?: (entry: RequestLogEntry) => void;
  /** GET /healthz: whether the database and a render worker answer (no sign-in needed). */
  health?: () => Promise<{ ok: boolean }>;
}

/** One request as the JSON log shows it: never a body, a query or a header that could carry patient data. */
export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  aborted: boolean;
  /** What the client really got: the status, an answer cut off, or none. */
  outcome: string;
}

export function createApp(options: AppOptions): RequestListener {
  return (req, res) => {
    const started = performance.now();
    const path = pathOf(req);
    const requestId = randomUUID();
    res.setHeader("x-request-id", requestId);
    res.once("close", () => {
      const ms = Math.round(performance.now() - started);
      const method = req.method ?? "GET";
      const outcome = outcomeOf(res);
      const aborted = !res.writableFinished;
      if (options.logRequest)
        options.logRequest({ requestId, method, path: loggedPath(path), status: res.statusCode, ms, aborted, outcome });
      else options.log(`${method} ${loggedPath(path)} ${outcome} ${ms} ms`);
    });
    handle(options, req, res, path).catch((error: unknown) => fail(options, req, res, error));
  };
}

async function handle(options: AppOptions, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  checkOrigin(options, req);
  const url = new URL(req.url ?? "/", "http://page.invalid");
  const method = req.method ?? "GET";
  if (path === "/healthz" && options.health && (method === "GET" || method === "HEAD")) {
    const health = await options.health();
    return sendJson(res, health.ok ? 200 : 503, health);
  }
  if (path.startsWith("/api/")) {
    const match = options.router.match(method, path);
    if (match.kind === "found") return match.handler({ req, res, url, params: match.params });
    if (match.kind === "wrong-method") {
      throw httpError(405, "(request)", `use ${match.allowed.join(" or ")} for ${path}`, {
        allow: match.allowed.join(", "),
      });
    }
    throw httpError(404, "(request)", `no such API address: ${path}`);
  }
  if (method !== "GET" && method !== "HEAD")
    throw httpError(405, "(request)", "the page is read with GET", { allow: "GET" });
  if (!options.webRoot) {
    throw httpError(
      503,
      "(page)",
      "the page is not built; run `npm install` (or start `leaflets serve` again) to build it",
    );
  }
  return serveStatic(options.webRoot, path, res, method === "HEAD");
}

/**
 * On loopback the server answers only to loopback host names, so a web site cannot reach it through DNS
 * rebinding; changes (POST) are accepted only from the page itself (its Origin, or a same-origin fetch),
 * never from another site's form or a request that does not say where it comes from.
 */
function checkOrigin(options: AppOptions, req: IncomingMessage): void {
  const host = req.headers.host ?? "";
  if (options.allowedHosts && !options.allowedHosts.includes(hostName(host))) {
    throw httpError(
      421,
      "(request)",
      "this page answers on this computer only: open it at the address the server printed",
    );
  }
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
  // A change must show where it comes from: the page's own fetches send Origin (browsers always do for a
  // POST); without it, only a browser's "Sec-Fetch-Site: same-origin" will do. Behind a TLS proxy the
  // page's origin is https://; the host is the same either way.
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  const foreignOrigin = origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`;
  const foreignSite = typeof site === "string" && site !== "same-origin" && site !== "none";
  if (foreignOrigin || foreignSite) {
    throw httpError(403, "(request)", "requests from other web sites are refused");
  }
  if (origin === undefined && req.headers["sec-fetch-site"] !== "same-origin") {
    throw httpError(
      403,
      "(request)",
      "a change must come from the page: send an Origin header naming this server (or Sec-Fetch-Site: same-origin)",
    );
  }
}

/** The path as logged: a segment that is not a plain id (escaped text, a long value) is shown as "…",
 * so that a name typed into an address never reaches the log. */
function loggedPath(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment === "" || /^[A-Za-z0-9._-]{1,64}$/.test(segment) ? segment : "…"))
    .join("/");
}

/** What the client really got: the status, only part of the answer, or no answer at all. */
function outcomeOf(res: ServerResponse): string {
  if (res.writableFinished) return String(res.statusCode);
  if (res.headersSent) return `${res.statusCode} cut off (the client went away during the answer)`;
  return "no answer (the client went away first)";
}

function hostName(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  return host.replace(/:\d+$/, "").toLowerCase();
}

async function fail(options: AppOptions, req: IncomingMessage, res: ServerResponse, error: unknown): Promise<void> {
  if (res.headersSent || req.socket.destroyed) {
    // Too late for an answer (a download broke off), or nobody is listening (a preview the page gave up on).
    res.destroy();
    return;
  }
  let answer = answerFor(error);
  if (!answer) {
    // Only the kind of error is logged: a message could hold a value from the order.
    options.log(`internal error (${(error as Error)?.name ?? typeof error}) on ${req.method} ${pathOf(req)}`);
    if (options.debug) options.log(String((error as Error)?.stack));
    answer = httpError(500, "(server)", "internal error; the server's window says more with LEAFLETS_DEBUG=1");
  }
  if (!req.readableEnded && answer.headers.connection !== "close") await drain(req);
  if (!res.headersSent) sendError(res, answer);
}

function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? "/";
  const end = raw.search(/[?#]/);
  return end < 0 ? raw : raw.slice(0, end);
}
