// The review API on an ephemeral loopback port, reviewing a copy of the project: status, a section side
// by side, a decision, refusals worded like the command line's, and the role-check hook that sign-in will use.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setReviewAuthorizer } from "../../src/web/authorizeReview.ts";
import { editJson, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";
import { startTestServer, type TestServer } from "../helpers/webServer.ts";

describe("/api/review", () => {
  let web: TestServer;

  beforeAll(async () => {
    const root = projectCopy();
    editJson(root, "locales/fr/pomalidomide.json", (json) => {
      json.sections.what.p3 = json.sections.what.p3.replace("4 mg", "5 mg");
    });
    web = await startTestServer({ projectRoot: root });
  }, 60_000);

  afterAll(async () => {
    setReviewAuthorizer(() => ({ allowed: true }));
    await web?.stop();
    removeProjectCopies();
  });

  const post = (body: unknown) =>
    fetch(`${web.url}/api/review/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify(body),
    });

  test("status, a section side by side with its findings, and a refused then overridden approval", async () => {
    const status = await (await fetch(`${web.url}/api/review/status?lang=fr&drug=pomalidomide`)).json();
    expect(status.sections.find((s: { section: string }) => s.section === "what").state).toBe("unreviewed");
    const section = await (await fetch(`${web.url}/api/review/section?lang=fr&drug=pomalidomide&section=what`)).json();
    expect(section.sourceLanguage).toBe("en");
    expect(section.rows.find((r: { key: string }) => r.key === "sections.what.p3").text).toContain("5 mg");
    expect(section.findings.map((f: { message: string }) => f.message)).toContain(
      "the number 4 of the en text is missing",
    );
    const decision = { decision: "approve", language: "fr", drug: "pomalidomide", section: "what", by: "A. Jansen" };
    const refused = await post(decision);
    expect(refused.status).toBe(422);
    expect((await refused.json()).findings.length).toBeGreaterThan(0);
    const approved = await post({ ...decision, override: "checked against the SmPC" });
    expect(approved.status).toBe(200);
    const after = await (await fetch(`${web.url}/api/review/status?lang=fr&drug=pomalidomide`)).json();
    expect(after.sections.find((s: { section: string }) => s.section === "what")).toMatchObject({
      state: "approved",
      decision: { by: "A. Jansen", override: "checked against the SmPC" },
    });
  });

  test("unknown names are refused with the known ones; a missing name too", async () => {
    const unknown = await fetch(`${web.url}/api/review/status?lang=xx&drug=pomalidomide`);
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0].message).toContain(
      'unknown language "xx"; known: ar, de, en, fr, nl, pl, tr',
    );
    const nameless = await post({
      decision: "reject",
      language: "fr",
      drug: "pomalidomide",
      section: "ppp",
      note: "x",
    });
    expect(nameless.status).toBe(422);
    expect((await nameless.json()).errors[0].message).toContain("the reviewer's name (--by) is required");
  });

  test("every route asks the one role-check hook; the signed-in name wins over the page's", async () => {
    setReviewAuthorizer((_req, action) =>
      action === "decide" ? { allowed: false, reason: "only a pharmacist may approve" } : { allowed: true },
    );
    const forbidden = await post({
      decision: "approve",
      language: "fr",
      drug: "pomalidomide",
      section: "ppp",
      by: "X",
    });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).errors[0].message).toBe("only a pharmacist may approve");
    setReviewAuthorizer(() => ({ allowed: true, reviewer: { name: "C. Signed-In", role: "pharmacist" } }));
    const signed = await post({ decision: "approve", language: "fr", drug: "pomalidomide", section: "ppp", by: "X" });
    expect(signed.status).toBe(200);
    expect((await signed.json()).decisions[0].by).toBe("C. Signed-In");
  });
});
