// The session API: POST /api/session {user, password} → 204 with an HttpOnly, SameSite=Strict cookie (Secure
// behind a TLS proxy), 401 on a wrong name or password, 429 with Retry-After after 5 failures a minute for
// that account from that address; DELETE /api/session signs out; GET /api/session says who is signed in.
import type { ServerResponse } from "node:http";
import type { Service } from "../service/service.ts";
import { type Access, SESSION_COOKIE } from "./access.ts";
import { BASE_HEADERS, httpError, sendJson } from "./http.ts";
import { readJsonBody } from "./readBody.ts";
import type { Router } from "./router.ts";
import type { SessionResponse } from "./serviceTypes.ts";

const SIGN_IN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function registerSessionRoutes(router: Router, access: Access, service: Service | undefined): void {
  router.add("GET", "/api/session", ({ req, res }) => {
    const caller = access.identify(req);
    const body: SessionResponse = {
      signedIn: Boolean(caller),
      signInRequired: !access.isOpen(),
      passwordSignIn: Boolean(service),
      ...(caller ? { user: caller.name, role: caller.role, via: caller.via } : {}),
    };
    sendJson(res, 200, body);
  });

  router.add("POST", "/api/session", async ({ req, res }) => {
    const body = await readJsonBody(req, 4096);
    const { user, password } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof user !== "string" || typeof password !== "string" || user === "" || password === "") {
      throw httpError(400, "(session)", 'send {"user": "…", "password": "…"}');
    }
    if (!service) throw httpError(404, "(session)", "this server has no accounts; it is used without signing in");
    const address = access.clientAddress(req);
    const shownName = SIGN_IN_NAME.test(user) ? user : "(not a user name)";
    const wait = service.lockout.retryAfter(user, address);
    if (wait > 0) {
      service.audit.append({ user: shownName, action: "sign-in", client: address, outcome: "refused" });
      throw httpError(429, "(session)", `too many failed attempts; try again in ${wait} seconds`, {
        "retry-after": String(wait),
      });
    }
    const found = await service.users.check(user, password);
    if (!found) {
      service.lockout.fail(user, address);
      service.audit.append({ user: shownName, action: "sign-in", client: address, outcome: "refused" });
      throw httpError(401, "(session)", "wrong user name or password");
    }
    service.lockout.succeed(user, address);
    const token = service.sessions.create(found);
    service.audit.append({ user: found.name, action: "sign-in", client: address, outcome: "ok" });
    const secure = access.overTls(req) ? "; Secure" : "";
    noContent(res, `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure}`);
  });

  router.add("DELETE", "/api/session", ({ req, res }) => {
    const token = access.sessionToken(req);
    const caller = access.identify(req);
    if (token && service) service.sessions.end(token);
    if (caller && service && caller.via === "session") {
      service.audit.append({ user: caller.name, action: "sign-out", client: access.clientAddress(req), outcome: "ok" });
    }
    const secure = access.overTls(req) ? "; Secure" : "";
    noContent(res, `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
  });
}

function noContent(res: ServerResponse, cookie: string): void {
  res.writeHead(204, { ...BASE_HEADERS, "set-cookie": cookie });
  res.end();
}
