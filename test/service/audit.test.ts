// The audit trail: a preview and a print through the web API each write one record with the nurse and the
// patient id and nothing that names the patient (the database files are searched byte for byte); changing a
// record in the database file makes `leaflets audit verify` fail naming it; the command-line table and JSON.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DATABASE_FILE } from "../../src/service/database.ts";
import { baseOrder } from "../helpers/orders.ts";
import { type ServiceServer, startServiceServer } from "./serviceServer.ts";

const BIN = new URL("../../bin/leaflets.js", import.meta.url).pathname;
const NAME = "Zoë Łukasz-Öztürk";
const BIRTH = "1950-06-15";
const order = { ...baseOrder(), patientId: "AUD-0042", name: NAME, dateOfBirth: BIRTH };

function leaflets(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("the audit trail", () => {
  let web: ServiceServer;
  let hash: string;
  beforeAll(async () => {
    web = await startServiceServer([
      ["nina", "nurse"],
      ["ada", "admin"],
    ]);
    const cookie = await web.signIn("nina");
    const rendered = await fetch(`${web.url}/api/render?kind=leaflet`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url, cookie },
      body: JSON.stringify(order),
    });
    expect(rendered.status).toBe(200);
    const bytes = Buffer.from(await rendered.arrayBuffer());
    hash = rendered.headers.get("x-document-hash") ?? "";
    const { createHash } = await import("node:crypto");
    expect(hash).toBe(createHash("sha256").update(bytes).digest("hex"));
    const printed = await fetch(`${web.url}/api/printed`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url, cookie },
      body: JSON.stringify({ documentHash: hash, action: "print" }),
    });
    expect(printed.status).toBe(204);
    // Another nurse cannot record a print of a document she did not render.
    await web.service.users.add("lotte", "nurse", "correct horse battery");
    const other = await web.signIn("lotte");
    const refused = await fetch(`${web.url}/api/printed`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url, cookie: other },
      body: JSON.stringify({ documentHash: hash, action: "download" }),
    });
    expect(refused.status).toBe(409);
  }, 120_000);
  afterAll(() => web?.stop());

  test("a preview and a print: one record each, with the nurse, the patient id, medicine, language and hash", () => {
    const records = web.service.audit.query({ patient: "AUD-0042" });
    expect(
      records.map((r) => [r.user, r.action, r.patientIds, r.medicine, r.language, r.documentHash, r.outcome]),
    ).toEqual([
      ["nina", "preview-leaflet", ["AUD-0042"], "pomalidomide", "en", hash, "ok"],
      ["nina", "print", ["AUD-0042"], "pomalidomide", "en", hash, "ok"],
    ]);
    expect(records.every((r) => r.client === "127.0.0.1")).toBe(true);
  });

  test("a render from a FHIR record and a calendar download are recorded too, by patient id", async () => {
    const cookie = await web.signIn("nina");
    const bundle = readFileSync(new URL("../fixtures/fhir/bundle-collection.json", import.meta.url));
    const fhir = await fetch(`${web.url}/api/fhir/render?kind=card`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json", origin: web.url, cookie },
      body: bundle,
    });
    expect(fhir.status).toBe(200);
    const calendar = await fetch(`${web.url}/api/ics`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url, cookie },
      body: JSON.stringify({ ...order, patientId: "AUD-0043" }),
    });
    expect(calendar.status).toBe(200);
    const actions = web.service.audit.query({ user: "nina" }).map((r) => [r.action, r.patientIds, r.documentHash]);
    expect(actions).toContainEqual(["preview-card", [expect.any(String)], fhir.headers.get("x-document-hash")]);
    expect(actions).toContainEqual(["download-calendar", ["AUD-0043"], expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  test("neither the name nor the date of birth is anywhere in the database files", () => {
    web.service.db.pragma("wal_checkpoint(FULL)");
    for (const suffix of ["", "-wal", "-shm"]) {
      const file = join(web.dataDir, DATABASE_FILE + suffix);
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const secret of [NAME, "Łukasz", BIRTH]) {
        expect(bytes.includes(Buffer.from(secret, "utf8")), `${secret} in ${suffix || "db"}`).toBe(false);
      }
      // The search can find what is there: the patient id is in the checkpointed main file.
      if (suffix === "") expect(bytes.includes(Buffer.from("AUD-0042"))).toBe(true);
    }
  });

  test("the admin's audit view filters by patient and user", async () => {
    const admin = await web.signIn("ada");
    const answer = await fetch(`${web.url}/api/audit?patient=AUD-0042&user=nina`, { headers: { cookie: admin } });
    const body = (await answer.json()) as { records: { action: string }[] };
    expect(body.records.map((r) => r.action)).toEqual(["preview-leaflet", "print"]);
    const none = await fetch(`${web.url}/api/audit?patient=AUD-0042&since=2099-01-01`, { headers: { cookie: admin } });
    expect(((await none.json()) as { records: unknown[] }).records).toEqual([]);
  });

  test("`leaflets audit` prints the table and JSON; `audit verify` passes, then names a changed record", () => {
    web.service.db.pragma("wal_checkpoint(FULL)");
    const table = leaflets("audit", "--patient", "AUD-0042", "--data", web.dataDir);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/nina\s+preview-leaflet\s+AUD-0042\s+pomalidomide\s+en/);
    const json = JSON.parse(leaflets("audit", "--user", "nina", "--json", "--data", web.dataDir).out);
    expect(json.records.map((r: { action: string }) => r.action)).toContain("print");

    const intact = leaflets("audit", "verify", "--data", web.dataDir);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^audit trail intact: \d+ records$/m);

    // The triggers refuse a change through SQL; someone with the file drops them first.
    const printRecord = web.service.audit.query({ patient: "AUD-0042" })[1]?.seq as number;
    const file = new Database(join(web.dataDir, DATABASE_FILE));
    expect(() => file.prepare("UPDATE audit SET user = 'ada' WHERE seq = ?").run(printRecord)).toThrow(/append-only/);
    file.exec("DROP TRIGGER audit_no_update");
    file.prepare("UPDATE audit SET patient_ids = '[\"AUD-0099\"]' WHERE seq = ?").run(printRecord);
    file.close();
    const broken = leaflets("audit", "verify", "--data", web.dataDir);
    expect(broken.code).toBe(1);
    expect(broken.out).toBe(
      `audit trail broken at record ${printRecord}: its content was changed after it was written\n`,
    );
  });
});

describe("refusing to start", () => {
  test("--host 0.0.0.0 without accounts or a trusted proxy: exit 2, saying what to configure", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dataDir = mkdtempSync(join(tmpdir(), "leaflets-refuse-"));
    try {
      const run = leaflets("serve", "--host", "0.0.0.0", "--port", "0", "--data", dataDir);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/refusing to listen on 0\.0\.0\.0/);
      expect(run.err).toMatch(/leaflets users add NAME --role nurse/);
      expect(run.err).toMatch(/--trust-proxy ADDRESS --user-header X-Remote-User/);
      expect(run.out).not.toMatch(/The nurses' page is at/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
