// The hospital service over HTTP, against a real server on a loopback port and a real SQLite file: sign-in,
// lock-out, session expiry, roles, the trusted proxy's header, security headers and Origin checks, health.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOOPBACK_SECURITY } from "./expectations.ts";
import { getFrom, PASSWORD, type ServiceServer, startServiceServer } from "./serviceServer.ts";

describe("sign-in and roles", () => {
  let web: ServiceServer;
  beforeAll(async () => {
    web = await startServiceServer([
      ["nina", "nurse"],
      ["piet", "pharmacist"],
      ["ada", "admin"],
      ["lotte", "nurse"],
    ]);
  });
  afterAll(() => web?.stop());

  const get = (path: string, cookie?: string) => fetch(`${web.url}${path}`, { headers: cookie ? { cookie } : {} });

  test("without a session every API route answers 401; the session route says sign-in is required", async () => {
    for (const path of ["/api/catalog", "/api/audit", "/api/users", "/api/batch/x"]) {
      expect((await get(path)).status, path).toBe(401);
    }
    const render = await fetch(`${web.url}/api/render`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: "{}",
    });
    expect(render.status).toBe(401);
    const session = await (await get("/api/session")).json();
    expect(session).toEqual({ signedIn: false, signInRequired: true, passwordSignIn: true });
  });

  test("a nurse signs in (HttpOnly, SameSite=Strict cookie), may use the catalog, not the audit or users (403)", async () => {
    const response = await fetch(`${web.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify({ user: "nina", password: PASSWORD }),
    });
    expect(response.status).toBe(204);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^leaflets_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = cookie.split(";")[0] as string;
    expect(await (await get("/api/session", session)).json()).toMatchObject({
      signedIn: true,
      user: "nina",
      role: "nurse",
    });
    expect((await get("/api/catalog", session)).status).toBe(200);
    expect((await get("/api/audit", session)).status).toBe(403);
    expect((await get("/api/users", session)).status).toBe(403);

    const pharmacist = await web.signIn("piet");
    expect((await get("/api/catalog", pharmacist)).status).toBe(200);
    expect((await get("/api/audit", pharmacist)).status).toBe(403);

    const admin = await web.signIn("ada");
    expect((await get("/api/audit", admin)).status).toBe(200);
    const users = await (await get("/api/users", admin)).json();
    expect(users.users.map((u: { name: string }) => u.name)).toEqual(["ada", "lotte", "nina", "piet"]);

    // Sign-out ends the session on the server, not only in the browser.
    const out = await fetch(`${web.url}/api/session`, {
      method: "DELETE",
      headers: { cookie: session, origin: web.url },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await get("/api/catalog", session)).status).toBe(401);
  });

  test("5 wrong passwords in a minute lock the account for that address: 429 with Retry-After, even for the right one", async () => {
    const attempt = (password: string) =>
      fetch(`${web.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: web.url },
        body: JSON.stringify({ user: "lotte", password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong password")).status).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.status).toBe(429);
    const wait = Number(locked.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Another account from the same address is not locked.
    await web.signIn("nina");
    web.advance(61_000);
    expect((await attempt(PASSWORD)).status).toBe(204);
    const failures = web.service.audit.query({ user: "lotte" }).map((r) => r.outcome);
    expect(failures).toEqual(["refused", "refused", "refused", "refused", "refused", "refused", "ok"]);
  });

  test("a session ends after 8 hours without a request, not before", async () => {
    const session = await web.signIn("nina");
    web.advance(7 * 3_600_000);
    expect((await get("/api/catalog", session)).status).toBe(200);
    web.advance(7 * 3_600_000); // 7 h after the last request: still idle less than 8 h
    expect((await get("/api/catalog", session)).status).toBe(200);
    web.advance(8 * 3_600_000 + 1000);
    expect((await get("/api/catalog", session)).status).toBe(401);
  });

  test("a disabled account's session ends at once", async () => {
    const session = await web.signIn("piet");
    web.service.users.disable("piet");
    expect((await get("/api/catalog", session)).status).toBe(401);
  });

  test("security headers on the page, its assets and the API", async () => {
    for (const path of ["/", "/api/session", "/api/catalog"]) {
      const response = await get(path);
      for (const [name, value] of Object.entries(LOOPBACK_SECURITY)) {
        expect(response.headers.get(name), `${path} ${name}`).toMatch(value);
      }
    }
  });

  test("a state-changing request from another site is refused (Origin, Sec-Fetch-Site)", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${web.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: web.url, ...headers },
        body: JSON.stringify({ user: "nina", password: PASSWORD }),
      });
    expect((await post({ origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ origin: web.url })).status).toBe(204);
  });

  test("problems come in Dutch when the page is in Dutch (Accept-Language: nl), in English otherwise", async () => {
    const cookie = await web.signIn("nina");
    const check = async (language: string) => {
      const response = await fetch(`${web.url}/api/validate`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: web.url, "accept-language": language, cookie },
        body: JSON.stringify({ startDate: "2026-02-30", doseMg: "four" }),
      });
      return ((await response.json()) as { problems: { field: string; message: string }[] }).problems;
    };
    const dutch = await check("nl");
    expect(dutch).toContainEqual({ field: "patientId", message: "is verplicht" });
    expect(dutch).toContainEqual({
      field: "startDate",
      message: "is geen datum op de kalender (controleer de dag en de maand)",
    });
    expect(dutch).toContainEqual({ field: "doseMg", message: "moet een aantal milligram zijn, bijv. 4" });
    const english = await check("en-GB,en;q=0.8");
    expect(english).toContainEqual({ field: "patientId", message: "is required" });
    const denied = await fetch(`${web.url}/api/audit`, { headers: { cookie, "accept-language": "nl" } });
    expect(await denied.json()).toEqual({
      ok: false,
      errors: [{ field: "(session)", message: "hiervoor is de rol admin nodig" }],
    });
  });

  test("GET /healthz needs no sign-in and says the database and a render worker answer", async () => {
    const response = await get("/healthz");
    const body = await response.json();
    expect(body).toEqual({ ok: true, database: "ok", render: "ok" });
    expect(response.status).toBe(200);
  });
});

describe("single sign-on through a trusted proxy", () => {
  let web: ServiceServer;
  beforeAll(async () => {
    web = await startServiceServer([["nina", "nurse"]], {
      trustProxy: ["127.0.0.2"],
      userHeader: "X-Remote-User",
    });
  });
  afterAll(() => web?.stop());

  test("the user header counts from the proxy's address only", async () => {
    const fromProxy = await getFrom(`${web.url}/api/session`, "127.0.0.2", { "x-remote-user": "nina" });
    expect(JSON.parse(fromProxy.body)).toMatchObject({ signedIn: true, user: "nina", role: "nurse", via: "proxy" });
    expect((await getFrom(`${web.url}/api/catalog`, "127.0.0.2", { "x-remote-user": "nina" })).status).toBe(200);

    const elsewhere = await getFrom(`${web.url}/api/catalog`, "127.0.0.1", { "x-remote-user": "nina" });
    expect(elsewhere.status).toBe(401);
    // A name the hospital's proxy sends but this server has no account for gets nothing.
    expect((await getFrom(`${web.url}/api/catalog`, "127.0.0.2", { "x-remote-user": "mallory" })).status).toBe(401);
  });

  test("behind the TLS proxy the cookie is Secure", async () => {
    const response = await new Promise<string>((resolve, reject) => {
      import("node:http").then(({ request }) => {
        const req = request(
          `${web.url}/api/session`,
          {
            method: "POST",
            localAddress: "127.0.0.2",
            headers: {
              "content-type": "application/json",
              "x-forwarded-proto": "https",
              origin: web.url.replace("http:", "https:"),
            },
          },
          (res) => {
            res.resume();
            resolve(String(res.headers["set-cookie"]));
          },
        );
        req.on("error", reject);
        req.end(JSON.stringify({ user: "nina", password: PASSWORD }));
      }, reject);
    });
    expect(response).toMatch(/HttpOnly; SameSite=Strict; Secure$/);
  });
});
