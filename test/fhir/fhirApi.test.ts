// The nurses' page server on an ephemeral loopback port: POST /api/fhir/render takes a FHIR R4 Bundle
// (application/fhir+json) and answers the PDF generateDocuments makes for the mapped order; refusals (422)
// name the FHIR path; POST /api/ics answers the calendar file. No patient data in the log.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadCatalogOrThrow } from "../../src/catalog/loadCatalog.ts";
import { loadFhirMappingOrThrow } from "../../src/fhir/loadFhirMapping.ts";
import { orderFromFhir } from "../../src/fhir/orderFromFhir.ts";
import { generateDocuments } from "../../src/pipeline/generateDocuments.ts";
import { LOG_LINE, startTestServer, type TestServer } from "../helpers/webServer.ts";

const bundleText = readFileSync(join(import.meta.dirname, "../fixtures/fhir/bundle-collection.json"), "utf8");
let web: TestServer;
beforeAll(async () => {
  web = await startTestServer();
});
afterAll(async () => {
  await web?.stop();
});

const post = (path: string, body: string, type: string) =>
  fetch(`${web.url}${path}`, { method: "POST", headers: { "content-type": type, origin: web.url }, body });

test("POST /api/fhir/render: the card byte for byte as generateDocuments makes it for the mapped order", async () => {
  const response = await post("/api/fhir/render?kind=card", bundleText, "application/fhir+json");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toBe('inline; filename="pomalidomide-card-nl.pdf"');
  const bytes = Buffer.from(await response.arrayBuffer());
  const catalog = loadCatalogOrThrow();
  const mapped = orderFromFhir(JSON.parse(bundleText), loadFhirMappingOrThrow(catalog), catalog);
  if (!mapped.ok) throw new Error("the fixture must map");
  const [expected] = await generateDocuments(mapped.order, catalog, { kinds: ["card"] });
  expect(bytes.equals(Buffer.from(expected?.bytes ?? []))).toBe(true);
});

test("POST /api/fhir/render refuses: 422 with the FHIR path, a contradicting flag, 415 for another type, 400 for XML", async () => {
  const bundle = JSON.parse(bundleText);
  bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value = 5;
  const dose = await post("/api/fhir/render", JSON.stringify(bundle), "application/fhir+json");
  expect(dose.status).toBe(422);
  expect(await dose.json()).toEqual({
    ok: false,
    errors: [
      {
        field: "Bundle.entry[1].resource.dosageInstruction[0].doseAndRate[0].doseQuantity",
        message: expect.stringContaining("5 mg"),
      },
    ],
  });
  const flag = await post("/api/fhir/render?ppp=man", bundleText, "application/fhir+json");
  expect(flag.status).toBe(422);
  expect(((await flag.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("--ppp");
  const wrongType = await post("/api/fhir/render", bundleText, "text/plain");
  expect(wrongType.status).toBe(415);
  const xml = await post("/api/fhir/render", "<Bundle/>", "application/fhir+json");
  expect(xml.status).toBe(400);
  const text = JSON.stringify(await xml.json());
  expect(text).toContain("FHIR XML");
});

test("POST /api/ics: the order's calendar file, for download", async () => {
  const catalog = loadCatalogOrThrow();
  const mapped = orderFromFhir(JSON.parse(bundleText), loadFhirMappingOrThrow(catalog), catalog);
  if (!mapped.ok) throw new Error("the fixture must map");
  const response = await post("/api/ics", JSON.stringify(mapped.order), "application/json");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(response.headers.get("content-disposition")).toBe('attachment; filename="pomalidomide-calendar-nl.ics"');
  const ics = await response.text();
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
  // pd-28, 3 cycles: days 1–21 and dexamethasone's day 22 of each cycle.
  expect(events).toHaveLength(66);
  expect(ics).not.toMatch(/Zoë|Vries/);
  const refused = await post("/api/ics", JSON.stringify({ ...mapped.order, doseMg: 5 }), "application/json");
  expect(refused.status).toBe(422);
  expect(web.logs.every((line) => LOG_LINE.test(line))).toBe(true);
});
