// Review decisions made on the page are in the audit trail: who approved or rejected which section of which
// medicine in which language, the SHA-256 of the exact strings decided (the same as the review file's), the
// source's hash, and the outcome — an approval the validator refused is recorded as refused. The chain holds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { editJson, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";
import { type ServiceServer, startServiceServer } from "./serviceServer.ts";

let web: ServiceServer;
let root: string;
beforeAll(async () => {
  root = projectCopy();
  editJson(root, "locales/fr/pomalidomide.json", (json) => {
    json.sections.what.p3 = json.sections.what.p3.replace("4 mg", "5 mg");
  });
  web = await startServiceServer([["piet", "pharmacist"]], { projectRoot: root });
}, 60_000);
afterAll(async () => {
  await web?.stop();
  removeProjectCopies();
});

test("approve, reject and a refused approval: one record each, with the section, hashes and outcome", async () => {
  const cookie = await web.signIn("piet");
  const decide = (body: Record<string, string>) =>
    fetch(`${web.url}/api/review/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url, cookie },
      body: JSON.stringify({ language: "fr", drug: "pomalidomide", ...body }),
    });
  expect((await decide({ decision: "approve", section: "ppp", by: "someone else" })).status).toBe(200);
  expect((await decide({ decision: "reject", section: "storing", note: "the temperature reads oddly" })).status).toBe(
    200,
  );
  expect((await decide({ decision: "approve", section: "what" })).status).toBe(422);

  const lines = readFileSync(join(root, "locales/reviews/fr.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const ppp = lines.find((l) => l.section === "ppp");
  expect(ppp).toMatchObject({ by: "piet", decision: "approved" });

  const records = web.service.audit.query().filter((r) => r.action.startsWith("review-"));
  expect(records.map((r) => [r.user, r.action, r.medicine, r.language, r.outcome])).toEqual([
    ["piet", "review-approve", "pomalidomide", "fr", "ok"],
    ["piet", "review-reject", "pomalidomide", "fr", "ok"],
    ["piet", "review-approve", "pomalidomide", "fr", "refused"],
  ]);
  const [approved, rejected, refused] = records;
  expect(approved?.documentHash).toBe(ppp.textSha256);
  expect(JSON.parse(approved?.detail ?? "")).toMatchObject({
    section: "ppp",
    decision: "approved",
    reviewer: "piet",
    role: "pharmacist",
    sourceLanguage: "en",
    sourceSha256: ppp.sourceSha256,
  });
  expect(JSON.parse(rejected?.detail ?? "")).toMatchObject({ section: "storing", decision: "rejected" });
  // The note is the pharmacist's, kept in the review file; the trail does not copy free text.
  expect(rejected?.detail).not.toContain("temperature");
  expect(refused?.documentHash).toBeNull();
  expect(JSON.parse(refused?.detail ?? "")).toMatchObject({ section: "what", findings: expect.any(Number) });
  expect(JSON.parse(refused?.detail ?? "").findings).toBeGreaterThan(0);
  expect(records.every((r) => r.patientIds.length === 0)).toBe(true);
  expect(web.service.audit.verify()).toEqual({ ok: true, records: web.service.audit.query().length });
});

test("a changed detail breaks the chain at that record", () => {
  const [first] = web.service.audit.query().filter((r) => r.action === "review-reject");
  web.service.db.exec("DROP TRIGGER audit_no_update");
  web.service.db.prepare("UPDATE audit SET detail = ? WHERE seq = ?").run('{"section":"ppp"}', first?.seq);
  const verdict = web.service.audit.verify();
  expect(verdict).toMatchObject({
    ok: false,
    brokenSeq: first?.seq,
    reason: "its content was changed after it was written",
  });
});
