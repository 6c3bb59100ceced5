// Hostile requests to every route of the page's server, on an ephemeral loopback port: each refused with
// its status and the field named, no name or date of birth in any answer or log line. Then a stuck render:
// it gets a 503 after the limit while the other nurses' renders go on, and its worker is replaced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/web/startServer.ts";
import { startTestServer, type TestServer } from "../helpers/webServer.ts";
import { HOSTILE_ORDERS, leaksSecret, SECRET_NAME, secretOrder } from "./hostileInputs.ts";

let web: TestServer;
beforeAll(async () => {
  web = await startTestServer();
});
afterAll(async () => {
  await web?.stop();
  for (const line of web?.logs ?? []) expect(leaksSecret(line), line).toBe(false);
});

function post(path: string, body: BodyInit, type = "application/json") {
  return fetch(`${web.url}${path}`, { method: "POST", headers: { "content-type": type, origin: web.url }, body });
}

interface Answer {
  status: number;
  text: string;
  fields: string[];
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let fields: string[] = [];
  try {
    const body = JSON.parse(text) as { errors?: { field: string }[]; problems?: { field: string }[] };
    fields = [...(body.errors ?? []), ...(body.problems ?? [])].map((p) => p.field);
  } catch {}
  return { status: response.status, text, fields };
}

describe("POST /api/validate and /api/render refuse every hostile order", () => {
  for (const route of ["/api/validate", "/api/render?kind=card"]) {
    it(`${route}: ${HOSTILE_ORDERS.length} hostile orders, each refused naming its field, nothing leaked`, async () => {
      for (const hostile of HOSTILE_ORDERS) {
        const got = await answer(await post(route, new Uint8Array(hostile.bytes)));
        const parseLevel = hostile.field === "(order)" || /twice|lone surrogate/.test(hostile.message.source);
        const expected = parseLevel ? [400] : route === "/api/validate" ? [200] : [422];
        expect(expected, `${hostile.title}: ${got.status} ${got.text.slice(0, 300)}`).toContain(got.status);
        expect(got.fields, `${hostile.title}: ${got.text.slice(0, 300)}`).toContain(hostile.field);
        expect(leaksSecret(got.text), `${hostile.title}: ${got.text.slice(0, 300)}`).toBe(false);
      }
    });
  }

  it("a 50 MB body is refused with 413 before it is read whole", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const got = await answer(await post("/api/validate", new Uint8Array(big)));
    expect(got.status).toBe(413);
    expect(got.fields).toEqual(["(request)"]);
  });

  it("an order sent as text/plain is refused with 415; a body without Origin with 403", async () => {
    const wrongType = await answer(await post("/api/render", JSON.stringify(secretOrder()), "text/plain"));
    expect(wrongType.status).toBe(415);
    const bare = await fetch(`${web.url}/api/render`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(secretOrder()),
    });
    expect(bare.status).toBe(403);
    expect(leaksSecret(await bare.text())).toBe(false);
  });

  it("odd query values are refused by name without echoing anything long", async () => {
    const got = await answer(await post("/api/render?kind=%E2%80%AE&paper=x", JSON.stringify(secretOrder())));
    expect(got.status).toBe(400);
    expect(got.fields).toEqual(["kind"]);
  });
});

describe("GET /api/catalog and /api/batch/<id> with hostile ids", () => {
  it("ids that are not a batch's: 404, naming (batch), quoting nothing of them", async () => {
    for (const id of ["..%2F..%2Fetc", "%E2%80%AE", "x".repeat(5000), "%FF", encodeURIComponent(SECRET_NAME)]) {
      const response = await fetch(`${web.url}/api/batch/${id}`);
      const text = await response.text();
      expect([400, 404]).toContain(response.status);
      expect(leaksSecret(text)).toBe(false);
    }
    expect((await fetch(`${web.url}/api/catalog`)).status).toBe(200);
  });
});

describe("POST /api/batch with hostile spreadsheets", () => {
  async function finished(id: string) {
    for (let i = 0; i < 240; i++) {
      const body = (await (await fetch(`${web.url}/api/batch/${id}`)).json()) as { status: string };
      if (body.status !== "queued" && body.status !== "running") return body as Record<string, unknown>;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error("batch did not finish");
  }

  const HEADER = "patientId,name,drug,regimen,doseMg,startDate,cycles,pppCategory,language,dateOfBirth";
  const cases: { title: string; body: Buffer; check: (job: Record<string, unknown>) => void }[] = [
    {
      title: "a header only",
      body: Buffer.from(`${HEADER}\n`),
      check: (job) => expect((job.progress as { total: number }).total).toBe(0),
    },
    {
      title: "1,000 columns",
      body: Buffer.from(`${HEADER},${Array.from({ length: 990 }, (_, i) => `c${i}`).join(",")}\n`),
      check: (job) => expect(JSON.stringify(job.errors)).toMatch(/unknown columns/),
    },
    {
      title: "bytes that are not UTF-8",
      body: Buffer.concat([
        Buffer.from(`${HEADER}\nH-1,Wilhelmína `),
        Buffer.from([0xc0, 0xaf]),
        Buffer.from("Quaxley\n"),
      ]),
      check: (job) => expect(JSON.stringify(job.errors)).toMatch(/not UTF-8/),
    },
    {
      title: "a formula patient id and a bidi-override name",
      body: Buffer.from(
        `${HEADER}\n=HYPERLINK(1),Wilhelmína Quaxley,pomalidomide,pd-28,4,2026-12-01,1,man,en,1961-07-19\n` +
          `H-2,Wilhelmína \u202eQuaxley,pomalidomide,pd-28,4,2026-12-01,1,man,en,1961-07-19\n`,
      ),
      check: (job) => {
        const rows = job.rows as { status: string; errors: { field: string }[] }[];
        expect(rows.map((r) => [r.status, r.errors.map((e) => e.field)])).toEqual([
          ["failed", ["patientId"]],
          ["failed", ["name"]],
        ]);
      },
    },
  ];
  for (const { title, body, check } of cases) {
    it(title, async () => {
      const created = await post("/api/batch?name=hostile.csv", new Uint8Array(body), "text/csv");
      const text = await created.text();
      expect(leaksSecret(text)).toBe(false);
      // A file refused whole may be refused at once (422, the problems) or by its job (status failed, errors).
      if (created.status !== 202) {
        expect(created.status).toBe(422);
        check({ errors: (JSON.parse(text) as { errors: unknown }).errors });
        return;
      }
      const job = await finished((JSON.parse(text) as { id: string }).id);
      check(job);
      expect(leaksSecret(JSON.stringify(job))).toBe(false);
    });
  }
});

describe("a stuck render", () => {
  let server: RunningServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      log: (line) => logs.push(line),
      renderWorkers: 2,
      renderTimeoutMs: 1500,
      renderWorkerEntry: new URL("../fixtures/batch/standInPageWorker.mjs", import.meta.url),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const render = (patientId: string) =>
    fetch(`${server.url}api/render?kind=leaflet`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url.replace(/\/$/, "") },
      body: JSON.stringify(secretOrder({ patientId })),
    });

  it("gets a 503 naming the limit, while renders beside it are answered; then its worker is replaced", async () => {
    const stuck = render("HANG");
    const others = await Promise.all([render("OK-1"), render("OK-2"), render("OK-3")]);
    expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
    const stuckAnswer = await answer(await stuck);
    expect(stuckAnswer.status).toBe(503);
    expect(stuckAnswer.fields).toEqual(["(document)"]);
    expect(stuckAnswer.text).toMatch(/took longer than 1.5 s and was stopped/);
    // Both workers answer again (the stopped one was replaced).
    const after = await Promise.all([render("OK-4"), render("OK-5"), render("OK-6"), render("OK-7")]);
    expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const threads = new Set(await Promise.all(after.map(async (r) => (await r.text()).split(" ").at(-1))));
    expect(threads.size).toBeGreaterThanOrEqual(1);
    expect(logs.some((line) => /^POST \/api\/render 503 \d+ ms$/.test(line))).toBe(true);
    for (const line of logs) expect(leaksSecret(line), line).toBe(false);
  });

  it("a request the client gives up on is logged as what it got (no answer), not as 200", async () => {
    const gaveUp = new AbortController();
    const request = fetch(`${server.url}api/render?kind=leaflet`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url.replace(/\/$/, "") },
      body: JSON.stringify(secretOrder({ patientId: "HANG" })),
      signal: gaveUp.signal,
    }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 300));
    gaveUp.abort();
    expect(await request).toBe("AbortError");
    for (let i = 0; i < 40 && !logs.some((l) => l.includes("no answer")); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logs).toContainEqual(
      expect.stringMatching(/^POST \/api\/render no answer \(the client went away first\) \d+ ms$/),
    );
    expect(logs.some((line) => /aborted/.test(line))).toBe(false);
  });
});
