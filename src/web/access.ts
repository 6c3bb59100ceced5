// Who is asking, and may they: a session cookie, or the user header from a trusted reverse proxy (single
// sign-on; ignored from any other address). With no accounts on a loopback-only server, everyone at this
// computer is the local user, as before sign-in existed. `requireRole` wraps a route: 401 without sign-in,
// 403 for a role that may not use it. Other routes (the review page) use the same helper.
import type { IncomingMessage } from "node:http";
import { type Role, roleAllows } from "../service/roles.ts";
import type { Service } from "../service/service.ts";
import { httpError } from "./http.ts";
import type { Handler, RequestContext } from "./router.ts";
import { Router } from "./router.ts";

export const SESSION_COOKIE = "leaflets_session";

export interface Caller {
  name: string;
  role: Role;
  via: "session" | "proxy" | "local";
}

export interface AccessOptions {
  service: Service | undefined;
  /** The server listens on loopback only. */
  loopback: boolean;
  /** Addresses of reverse proxies whose user header is believed. */
  trustProxy: string[];
  /** The header carrying the signed-in user's name from a trusted proxy (e.g. X-Remote-User). */
  userHeader: string | undefined;
}

const callers = new WeakMap<IncomingMessage, Caller | null>();

export class Access {
  private readonly trusted: Set<string>;
  private readonly userHeader: string | undefined;

  constructor(readonly options: AccessOptions) {
    this.trusted = new Set(options.trustProxy.map(normalizeAddress));
    this.userHeader = options.userHeader?.toLowerCase();
  }

  /** True when nobody needs to sign in: no accounts, no proxy, loopback only (today's single-user page). */
  isOpen(): boolean {
    if (!this.options.loopback || this.trusted.size > 0) return false;
    return !this.options.service || this.options.service.users.count() === 0;
  }

  /** Whether the request came through a trusted proxy. */
  fromTrustedProxy(req: IncomingMessage): boolean {
    return this.trusted.has(normalizeAddress(req.socket.remoteAddress ?? ""));
  }

  /** The address of the person asking: the proxy's X-Forwarded-For entry when it is trusted, else the socket's. */
  clientAddress(req: IncomingMessage): string {
    const socket = normalizeAddress(req.socket.remoteAddress ?? "");
    if (this.trusted.has(socket)) {
      const forwarded = String(req.headers["x-forwarded-for"] ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .pop();
      if (forwarded) return normalizeAddress(forwarded);
    }
    return socket;
  }

  /** Whether the browser reached us over TLS (directly never: plain HTTP; through a trusted TLS proxy). */
  overTls(req: IncomingMessage): boolean {
    return this.fromTrustedProxy(req) && String(req.headers["x-forwarded-proto"] ?? "").toLowerCase() === "https";
  }

  /** The signed-in caller, or undefined. Resolved once per request. */
  identify(req: IncomingMessage): Caller | undefined {
    const known = callers.get(req);
    if (known !== undefined) return known ?? undefined;
    const caller = this.resolve(req);
    callers.set(req, caller ?? null);
    return caller;
  }

  sessionToken(req: IncomingMessage): string | undefined {
    return readCookie(req.headers.cookie, SESSION_COOKIE);
  }

  /** Wraps a handler so only callers with at least `role` reach it. */
  requireRole(role: Role): (handler: Handler) => Handler {
    return (handler) => (context: RequestContext) => {
      const caller = this.identify(context.req);
      if (!caller) throw httpError(401, "(session)", "sign in first");
      if (!roleAllows(caller.role, role)) throw httpError(403, "(session)", `this needs the ${role} role`);
      return handler(context);
    };
  }

  /** A router whose routes all need `role`, adding to `router`. */
  guarded(router: Router, role: Role): Router {
    return new GuardedRouter(router, this.requireRole(role));
  }

  private resolve(req: IncomingMessage): Caller | undefined {
    const service = this.options.service;
    if (this.userHeader && this.fromTrustedProxy(req)) {
      const name = req.headers[this.userHeader];
      if (typeof name === "string" && name.trim() !== "") {
        const user = service?.users.find(name.trim());
        if (user && !user.disabled) return { name: user.name, role: user.role, via: "proxy" };
        return undefined;
      }
    }
    const token = this.sessionToken(req);
    if (token && service) {
      const user = service.sessions.lookup(token);
      if (user) return { name: user.name, role: user.role, via: "session" };
    }
    if (this.isOpen()) return { name: "(local)", role: "admin", via: "local" };
    return undefined;
  }
}

class GuardedRouter extends Router {
  constructor(
    private readonly inner: Router,
    private readonly guard: (handler: Handler) => Handler,
  ) {
    super();
  }

  override add(method: string, pattern: string, handler: Handler): this {
    this.inner.add(method, pattern, this.guard(handler));
    return this;
  }
}

export function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").toLowerCase();
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || undefined;
  }
  return undefined;
}
