// Every kind of problem the API can answer, asked of a running server in one language: validation of
// orders (many fields at once), the body's type, syntax and size, sign-in (401, lock-out 429), roles (403),
// unknown addresses and methods (404, 405), Origin (403), batches (type, empty, unreadable, row problems,
// not found, not finished), a render that hangs (503), review refusals, FHIR. Returns each answer's messages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";

export interface WalkAnswer {
  label: string;
  status: number;
  messages: string[];
}

interface Session {
  url: string;
  nurse: string;
  pharmacist: string;
  /** A user name the walk may lock out (a new one per language). */
  lockable: string;
}

const BAD_ORDERS: Record<string, unknown>[] = [
  {},
  { patientId: "../x", drug: "aspirin", regimen: "pd-28", doseMg: "four", startDate: "01-12-2026", cycles: 2.5 },
  {
    patientId: "P-1",
    name: "A B",
    drug: "pomalidomide",
    regimen: "imlygic",
    doseMg: 5,
    startDate: "2026-02-30",
    cycles: 3,
    pppCategory: "nobody",
    language: "xx",
    secondLanguage: "xx",
    dateOfBirth: "1890-01-01",
    brand: "nope",
    largePrint: "yes",
    colour: "red",
  },
  {
    patientId: "P-2",
    name: "A\u202eB",
    drug: "pomalidomide",
    regimen: "pd-28",
    doseMg: 4,
    startDate: "2026-12-01",
    cycles: 3,
    pppCategory: "man",
    language: "nl",
    secondLanguage: "nl",
    dateOfBirth: "2027-01-01",
    contact: "call me",
  },
  {
    patientId: "P-3",
    name: "A 中文",
    drug: "imlygic",
    regimen: "imlygic",
    startDate: "2026-12-01",
    language: "ar",
    pppCategory: "man",
    treatmentMonths: "x",
  },
  {
    patientId: "P-4",
    name: "A",
    drug: "imlygic",
    regimen: "pd-28",
    startDate: "2026-12-01",
    language: "en",
    secondLanguage: "ar",
  },
];

export async function walkProblems(session: Session, language: "nl" | "en"): Promise<WalkAnswer[]> {
  const answers: WalkAnswer[] = [];
  const { url } = session;
  const base = { "accept-language": language === "nl" ? "nl-NL,nl;q=0.9,en;q=0.5" : "en-GB,en;q=0.9" };
  const ask = async (label: string, path: string, init: RequestInit & { cookie?: string } = {}) => {
    const headers: Record<string, string> = { ...base, origin: url, ...(init.headers as Record<string, string>) };
    if (init.cookie) headers.cookie = init.cookie;
    const response = await fetch(`${url}${path}`, { ...init, headers });
    const text = await response.text();
    let messages: string[] = [];
    try {
      const body = JSON.parse(text);
      const lists = [
        body.errors,
        body.problems,
        body.findings,
        ...(body.rows ?? []).map((r: { errors?: unknown }) => r.errors),
      ];
      messages = lists.flatMap((list) => (Array.isArray(list) ? list.map((p: { message: string }) => p.message) : []));
    } catch {}
    answers.push({ label, status: response.status, messages });
    return { response, text };
  };
  const json = (body: unknown, cookie = session.nurse) => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    cookie,
  });

  // Validation of orders.
  for (const [index, order] of BAD_ORDERS.entries()) await ask(`validate ${index}`, "/api/validate", json(order));
  await ask("not an object", "/api/validate", json("[1, 2]"));
  await ask("bad JSON", "/api/validate", json('{"patientId": "P-1",'));
  await ask("empty body", "/api/validate", json(""));
  await ask("too deep", "/api/validate", json(`${"[".repeat(100)}${"]".repeat(100)}`));
  await ask("wrong type", "/api/render", { ...json({}), headers: { "content-type": "text/plain" } });
  await ask("too large", "/api/render", json(`{"name": "${"x".repeat(1100 * 1024)}"}`));
  await ask("render kind", "/api/render?kind=poster", json({}));
  await ask("render paper", "/api/render?paper=A3", json({}));
  await ask("ics", "/api/ics", json({}));
  // A render that never comes back (the stand-in worker hangs on this patient id).
  await ask(
    "render timeout",
    "/api/render?kind=card",
    json({
      patientId: "HANG",
      name: "A B",
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: 4,
      startDate: "2026-12-01",
      cycles: 3,
      pppCategory: "man",
      language: "nl",
    }),
  );
  // Sign-in, lock-out, roles.
  await ask("no session", "/api/catalog");
  for (let i = 0; i < 5; i++)
    await ask(`wrong password ${i}`, "/api/session", json({ user: session.lockable, password: "wrong" }, ""));
  await ask("locked out", "/api/session", json({ user: session.lockable, password: "wrong" }, ""));
  await ask("session body", "/api/session", json({ user: 3 }, ""));
  await ask("role", "/api/audit", { cookie: session.nurse });
  await ask("role review", "/api/review/status?lang=fr&drug=pomalidomide", { cookie: session.nurse });
  await ask("printed hash", "/api/printed", json({ documentHash: "x", action: "print" }));
  await ask("printed action", "/api/printed", json({ documentHash: "a".repeat(64), action: "fax" }));
  await ask("printed unknown", "/api/printed", json({ documentHash: "a".repeat(64), action: "print" }));
  // Addresses, methods, origin.
  await ask("no such address", "/api/nope", { cookie: session.nurse });
  await ask("wrong method", "/api/validate", { cookie: session.nurse });
  await ask("foreign origin", "/api/validate", { ...json({}), headers: { origin: "https://evil.example" } });
  // Batches.
  const upload = (label: string, body: string, type = "text/csv", query = "") =>
    ask(label, `/api/batch${query}`, {
      method: "POST",
      headers: { "content-type": type },
      body,
      cookie: session.nurse,
    });
  await upload("batch type", "x", "image/png");
  await upload("batch paper", "x", "text/csv", "?paper=A3");
  await upload("batch empty", "");
  await upload("batch unreadable", "patientId,colour,shoe\nP-1,red,9\n");
  await ask("batch not found", "/api/batch/nope", { cookie: session.nurse });
  const created = await upload(
    "batch rows",
    "patientId,name,drug,regimen,doseMg,startDate,cycles,pppCategory,language\nP-1,A B,pomalidomide,pd-28,5,01-12-2026,3,man,nl\nP-1,A B,aspirin,pd-28,4,2026-12-01,3,man,nl\n",
  );
  const id = JSON.parse(created.text).id as string;
  await ask("batch not finished", `/api/batch/${id}/download`, { cookie: session.nurse });
  for (let i = 0; i < 100; i++) {
    const { text } = await ask("batch report", `/api/batch/${id}`, { cookie: session.nurse });
    if (JSON.parse(text).status !== "queued" && JSON.parse(text).status !== "running") break;
    answers.pop();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Review.
  const reviewer = session.pharmacist;
  await ask("review language", "/api/review/status?lang=xx&drug=pomalidomide", { cookie: reviewer });
  await ask("review medicine", "/api/review/status?lang=fr&drug=aspirin", { cookie: reviewer });
  await ask("review section", "/api/review/section?lang=fr&drug=pomalidomide&section=nope", { cookie: reviewer });
  const decide = (label: string, body: Record<string, string>) =>
    ask(label, "/api/review/decision", json({ language: "fr", drug: "pomalidomide", ...body }, reviewer));
  await decide("review decision", { decision: "maybe" });
  await decide("review reject without note", { decision: "reject", section: "ppp" });
  await decide("review reject without section", { decision: "reject", note: "x" });
  await decide("review refused", { decision: "approve", section: "what" });
  // FHIR.
  const fhir = (label: string, body: unknown, type = "application/fhir+json") =>
    ask(label, "/api/fhir/render", {
      method: "POST",
      headers: { "content-type": type },
      body: typeof body === "string" ? body : JSON.stringify(body),
      cookie: session.nurse,
    });
  await fhir("fhir type", "{}", "text/plain");
  await fhir("fhir empty", "");
  await fhir("fhir syntax", "{");
  await fhir("fhir not a bundle", { resourceType: "Patient" });
  await fhir("fhir empty bundle", { resourceType: "Bundle", type: "collection", entry: [] });
  for (const name of ["bundle-two-requests.json", "patient.json", "medicationrequest-contained.json"]) {
    await fhir(`fhir ${name}`, readFileSync(join(PROJECT_ROOT, "test/fixtures/fhir", name), "utf8"));
  }
  return answers;
}
