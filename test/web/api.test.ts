// The nurses' page API against the real server on an ephemeral loopback port: the catalog, validation
// with the command line's rules and messages, rendering byte for byte as generateDocuments (what `leaflets
// generate` writes), size limits (413), malformed (400) and refused (422) requests, a batch with one bad
// row from upload to zip, and logs that carry no patient data. All dates are fixed.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Catalog } from "../../src/catalog/catalogTypes.ts";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { validateOrder } from "../../src/order/validateOrder.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import type { BatchResponse, CatalogResponse } from "../../src/web/apiTypes.ts";
import { baseOrder } from "../helpers/orders.ts";
import { extractText, flat, pageSizes } from "../helpers/pdf.ts";
import { LOG_LINE, startTestServer, type TestServer } from "../helpers/webServer.ts";
import { zipEntryNames } from "../helpers/zip.ts";

let web: TestServer;
let catalog: Catalog;

beforeAll(async () => {
  catalog = loadCatalogOrThrow();
  web = await startTestServer();
});

afterAll(async () => {
  await web?.stop();
});

const order = { ...baseOrder(), patientId: "WEB-0001", name: "Zoë Łukasz-Öztürk", dateOfBirth: "1950-06-15" };

function post(path: string, body: BodyInit, type = "application/json", headers: Record<string, string> = {}) {
  return fetch(`${web.url}${path}`, {
    method: "POST",
    headers: { "content-type": type, origin: web.url, ...headers },
    body,
  });
}

async function expectError(response: Response, status: number, field: string, pattern: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { ok: boolean; errors: { field: string; message: string }[] };
  expect(body.ok).toBe(false);
  expect(body.errors).toContainEqual({ field, message: expect.stringMatching(pattern) });
  return body;
}

describe("GET /api/catalog", () => {
  test("lists medicines with their regimens and strengths, printable languages, brands with their numbers and the order fields", async () => {
    const response = await fetch(`${web.url}/api/catalog`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as CatalogResponse;
    const pomalidomide = body.drugs.find((d) => d.id === "pomalidomide");
    expect(pomalidomide?.orderFields).toMatchObject({
      doseMg: "required",
      cycles: "required",
      pppCategory: "required",
    });
    expect(pomalidomide?.regimens.map((r) => r.id).sort()).toEqual(["pd-28", "pvd-21"]);
    expect(pomalidomide?.regimens[0]?.doses).toEqual({ unit: "mg", allowed: [1, 2, 3, 4] });
    const imlygic = body.drugs.find((d) => d.id === "imlygic");
    expect(imlygic?.regimens.map((r) => r.id)).toEqual(["imlygic"]);
    expect(imlygic?.orderFields.pppCategory).toBeUndefined();
    expect(body.languages).toContainEqual({ code: "nl", name: "Nederlands", printable: true });
    expect(body.brands[0]?.phones.nurseLine).toBeTruthy();
    expect(body.orderFields).toEqual(expect.arrayContaining(["patientId", "name", "startDate", "contact"]));
    expect(body.limits).toMatchObject({ orderBytes: 1024 * 1024, csvBytes: 20 * 1024 * 1024 });
    expect(body.labels.nl?.regimens["pd-28"]).toMatch(/pomalidomide/);
    const calendarMessage = validateOrder({ ...order, startDate: "2026-02-30" }, catalog);
    expect(calendarMessage.ok).toBe(false);
    if (!calendarMessage.ok) {
      expect(calendarMessage.problems).toContainEqual({ field: "startDate", message: body.messages.dateNotOnCalendar });
    }
  });
});

describe("POST /api/validate", () => {
  test("a valid order", async () => {
    const response = await post("/api/validate", JSON.stringify(order));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, problems: [] });
  });

  test("every problem at once, with the command line's fields and messages", async () => {
    const input = { ...order, startDate: "2026-02-30", doseMg: 5, colour: "blue" };
    const response = await post("/api/validate", JSON.stringify(input));
    expect(response.status).toBe(200);
    const body = await response.json();
    const expected = validateOrder(input, catalog);
    expect(expected.ok).toBe(false);
    expect(body).toEqual({ ok: false, problems: expected.ok ? [] : expected.problems });
    expect(body.problems.map((p: { field: string }) => p.field).sort()).toEqual(["colour", "doseMg", "startDate"]);
  });
});

describe("POST /api/render", () => {
  test("the leaflet is byte for byte what generateDocuments makes for the same order", async () => {
    const response = await post("/api/render?kind=leaflet&paper=A4", JSON.stringify(order));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('inline; filename="pomalidomide-leaflet-en.pdf"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const validation = validateOrder(order, catalog);
    if (!validation.ok) throw new Error("the test order is invalid");
    const [expected] = await generateDocuments(validation.order, catalog, {
      paper: "A4",
      kinds: ["leaflet"],
      cardFormat: "id1",
    });
    expect(expected?.kind).toBe("leaflet");
    expect(Buffer.from(bytes).equals(Buffer.from(expected?.bytes ?? []))).toBe(true);
    expect(Number(response.headers.get("x-pages"))).toBe(expected?.pages);
    const text = flat(await extractText(bytes));
    expect(text).toContain("Zoë Łukasz-Öztürk");
    expect(text).toContain("WEB-0001");
  });

  test("the card, and Letter paper for the leaflet", async () => {
    const card = await post("/api/render?kind=card", JSON.stringify(order));
    expect(card.status).toBe(200);
    const cardBytes = new Uint8Array(await card.arrayBuffer());
    const validation = validateOrder(order, catalog);
    if (!validation.ok) throw new Error("the test order is invalid");
    const [expected] = await generateDocuments(validation.order, catalog, { kinds: ["card"], cardFormat: "id1" });
    expect(Buffer.from(cardBytes).equals(Buffer.from(expected?.bytes ?? []))).toBe(true);

    const letter = await post("/api/render?kind=leaflet&paper=Letter", JSON.stringify(order));
    expect(letter.status).toBe(200);
    const sizes = await pageSizes(new Uint8Array(await letter.arrayBuffer()));
    expect(sizes[0]).toEqual({ width: 612, height: 792 });
  });

  test("duplex=1: a leaflet with an odd page count gets a blank back page with the patient number", async () => {
    // A leaflet with an odd page count (the number of cycles decides it), so that the padding is exercised.
    let odd = order;
    let plainPages = 0;
    for (const cycles of [3, 1, 2, 4, 5, 6]) {
      odd = { ...order, cycles };
      const plain = await post("/api/render?kind=leaflet&paper=A4", JSON.stringify(odd));
      plainPages = Number(plain.headers.get("x-pages"));
      if (plainPages % 2 === 1) break;
    }
    expect(plainPages % 2).toBe(1);
    const duplex = await post("/api/render?kind=leaflet&paper=A4&duplex=1", JSON.stringify(odd));
    expect(duplex.status).toBe(200);
    const pages = await extractText(new Uint8Array(await duplex.arrayBuffer()));
    expect(pages.length).toBe(plainPages + 1);
    expect(Number(duplex.headers.get("x-pages"))).toBe(plainPages + 1);
    const back = flat(pages.at(-1) ?? "");
    expect(back).toBe("This page is intentionally left blank. Patient number: WEB-0001");
    await expectError(await post("/api/render?duplex=yes", JSON.stringify(order)), 400, "duplex", /1 or 0/);
  });

  test("an invalid order is refused with 422 and the problems, nothing rendered", async () => {
    const response = await post("/api/render?kind=leaflet", JSON.stringify({ ...order, startDate: "01-12-2026" }));
    await expectError(response, 422, "startDate", /YYYY-MM-DD/);
  });

  test("a wrong kind or paper is a 400 naming the parameter", async () => {
    await expectError(await post("/api/render?kind=poster", JSON.stringify(order)), 400, "kind", /leaflet or card/);
    await expectError(await post("/api/render?paper=A3", JSON.stringify(order)), 400, "paper", /A4 or Letter/);
  });
});

describe("limits and malformed requests", () => {
  test("an order over 1 MB is refused with 413 (declared length)", async () => {
    const huge = JSON.stringify({ ...order, name: "x".repeat(1024 * 1024) });
    await expectError(await post("/api/validate", huge), 413, "(request)", /larger than 1 MB/);
  });

  test("an order over 1 MB sent without a length is refused with 413 too", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 1.5 * 1024 * 1024) controller.close();
        else {
          controller.enqueue(chunk);
          sent += chunk.length;
        }
      },
    });
    const response = await fetch(`${web.url}/api/render`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body,
      duplex: "half",
    } as RequestInit);
    await expectError(response, 413, "(request)", /larger than 1 MB/);
  });

  test("a CSV over 20 MB is refused with 413 and no job folder is left", async () => {
    const csv = Buffer.alloc(20 * 1024 * 1024 + 10, "a");
    await expectError(await post("/api/batch", csv, "text/csv"), 413, "(request)", /larger than 20 MB/);
    expect(readdirSync(web.jobRoot).filter((name) => name.startsWith("leaflets-web-batch-"))).toEqual([]);
  });

  test("malformed JSON is a 400 that says where, without quoting the body", async () => {
    const body = await expectError(
      await post("/api/validate", '{"name": "Zoë Geheim", "startDate": 2026-12-01}'),
      400,
      "(order)",
      /not valid JSON at line 1, column \d+/,
    );
    expect(JSON.stringify(body)).not.toContain("Geheim");
    await expectError(await post("/api/validate", ""), 400, "(order)", /no body/);
  });

  test("a body that is not JSON is a 415; unknown addresses 404; wrong methods 405", async () => {
    await expectError(
      await post("/api/validate", "name=x", "application/x-www-form-urlencoded"),
      415,
      "(request)",
      /JSON/,
    );
    await expectError(await fetch(`${web.url}/api/nothing`), 404, "(request)", /no such API address/);
    const wrong = await fetch(`${web.url}/api/render`);
    await expectError(wrong, 405, "(request)", /POST/);
  });

  test("requests for another host name (DNS rebinding) or from another site are refused", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${web.url}/api/catalog`, { headers: { host: "evil.example:4321" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(421);
    const crossSite = await post("/api/validate", JSON.stringify(order), "application/json", {
      origin: "http://evil.example",
    });
    await expectError(crossSite, 403, "(request)", /other web sites/);
  });

  test("a change without Origin is refused unless the browser says it is same-origin", async () => {
    const bare = await fetch(`${web.url}/api/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(order),
    });
    await expectError(bare, 403, "(request)", /must come from the page/);
    const sameOrigin = await fetch(`${web.url}/api/validate`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify(order),
    });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("POST /api/batch", () => {
  const header = "patientId;name;drug;regimen;doseMg;startDate;cycles;pppCategory;language;dateOfBirth";
  const csv = [
    header,
    "B-1;Anna Jansen;pomalidomide;pd-28;4;2026-12-01;1;man;nl;1950-01-01",
    "B-2;Bram Bakker;pomalidomide;pd-28;4;2026-02-30;1;man;en;1960-05-05",
    "B-3;Cor de Wit;pomalidomide;pvd-21;3;2026-12-08;1;woman-not-childbearing;en;",
    "",
  ].join("\n");

  async function waitForBatch(id: string): Promise<BatchResponse> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await fetch(`${web.url}/api/batch/${id}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as BatchResponse;
      if (body.status !== "queued" && body.status !== "running") return body;
      if (Date.now() > deadline) throw new Error(`batch still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  test("one bad row: reported with its row number, patient id and field; the rest printed; a zip; then deleted", async () => {
    const created = await post("/api/batch?paper=A4&name=clinic.csv", csv, "text/csv");
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const job = await waitForBatch(id);
    expect(job.status).toBe("done");
    expect(job.fileName).toBe("clinic.csv");
    expect(job.progress).toMatchObject({ total: 3, done: 3, ok: 2, failed: 1 });
    expect(job.rows?.map((r) => [r.row, r.patientId, r.status])).toEqual([
      [2, "B-1", "ok"],
      [3, "B-2", "failed"],
      [4, "B-3", "ok"],
    ]);
    expect(job.rows?.[1]?.errors).toEqual([
      { field: "startDate", message: expect.stringMatching(/not a date on the calendar/) },
    ]);
    expect(job.rows?.[0]?.files).toEqual(["B-1/pomalidomide-leaflet-nl.pdf", "B-1/pomalidomide-card-nl.pdf"]);

    // The upload (names, dates of birth) is gone as soon as the batch has read it; the results wait.
    const [folder] = readdirSync(web.jobRoot).filter((name) => name.startsWith("leaflets-web-batch-"));
    expect(folder).toBeDefined();
    const jobDir = join(web.jobRoot, folder as string);
    expect(readdirSync(jobDir)).toEqual(["results"]);

    const download = await fetch(`${web.url}/api/batch/${id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="clinic-leaflets.zip"');
    const zip = new Uint8Array(await download.arrayBuffer());
    const names = zipEntryNames(zip);
    expect(names).toEqual(
      expect.arrayContaining([
        "report.json",
        "report.csv",
        "B-1/pomalidomide-leaflet-nl.pdf",
        "B-1/pomalidomide-card-nl.pdf",
        "B-1/manifest.json",
        "B-3/pomalidomide-leaflet-en.pdf",
      ]),
    );
    expect(names.some((name) => name.startsWith("B-2/"))).toBe(false);
    expect(names.some((name) => name.includes("input"))).toBe(false);

    // Downloaded: the folder is deleted, a second download is refused, the report can still be read.
    await expect.poll(() => existsSync(jobDir)).toBe(false);
    await expectError(await fetch(`${web.url}/api/batch/${id}/download`), 410, "(batch)", /deleted/);
    const after = (await (await fetch(`${web.url}/api/batch/${id}`)).json()) as BatchResponse;
    expect(after.status).toBe("downloaded");
  });

  test("a file whose header names no order fields is refused at once (422), naming the uploaded file", async () => {
    const response = await post("/api/batch?name=wrong.csv", "Naam;Geboren\nAnna;1950-01-01\n", "text/csv");
    const body = await expectError(response, 422, "(input)", /^wrong\.csv: the first row is not a header/);
    expect(JSON.stringify(body)).not.toContain("Anna");
    expect(JSON.stringify(body)).not.toContain(web.jobRoot);
    await expectError(await post("/api/batch", "x", "multipart/form-data; boundary=x"), 415, "(request)", /text\/csv/);
    await expectError(await fetch(`${web.url}/api/batch/not-a-job`), 404, "(batch)", /no such batch/);
  });
});

test("the log has one line per request — method, path, status, time — and no patient data", () => {
  expect(web.logs.length).toBeGreaterThan(10);
  for (const line of web.logs) expect(line).toMatch(LOG_LINE);
  const all = web.logs.join("\n");
  for (const secret of ["Zoë", "Anna", "Bram", "1950", "2026-12-01"]) expect(all).not.toContain(secret);
});
