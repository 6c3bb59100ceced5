// A batch uploaded on the page belongs to the nurse who uploaded it: another nurse gets 404 for its
// progress and its download (as if it were not there), an admin may see and download it. Upload and
// download are audit records with the user (the download with the rows' patient ids, never a name).
// Renders on a stand-in worker: this is about who may see what, not about the PDFs.
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ServiceServer, startServiceServer } from "./serviceServer.ts";

const ORDERS = [
  { patientId: "MRN-201", name: "Anna Geheim", dateOfBirth: "1960-02-03" },
  { patientId: "MRN-202", name: "Bert Geheim", dateOfBirth: "1961-04-05" },
]
  .map((p) =>
    JSON.stringify({
      ...p,
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: 4,
      startDate: "2026-12-01",
      cycles: 3,
      pppCategory: "man",
      language: "nl",
    }),
  )
  .join("\n");

let web: ServiceServer;
let nina: string;
let lotte: string;
let ada: string;
beforeAll(async () => {
  web = await startServiceServer(
    [
      ["nina", "nurse"],
      ["lotte", "nurse"],
      ["ada", "admin"],
    ],
    { renderWorkers: 1, renderWorkerEntry: new URL("../fixtures/batch/standInPageWorker.mjs", import.meta.url) },
  );
  [nina, lotte, ada] = await Promise.all([web.signIn("nina"), web.signIn("lotte"), web.signIn("ada")]);
}, 60_000);
afterAll(() => web?.stop());

const get = (path: string, cookie: string) => fetch(`${web.url}${path}`, { headers: { cookie } });

async function upload(cookie: string): Promise<string> {
  const response = await fetch(`${web.url}/api/batch?name=ward-3.jsonl`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson", origin: web.url, cookie },
    body: ORDERS,
  });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await expect
    .poll(async () => ((await (await get(`/api/batch/${id}`, cookie)).json()) as { status: string }).status, {
      timeout: 30_000,
    })
    .toBe("done");
  return id;
}

test("only the uploader or an admin sees and downloads a batch; upload and download are audited with the user", async () => {
  const id = await upload(nina);
  // Another nurse: as if there were no such batch.
  for (const path of [`/api/batch/${id}`, `/api/batch/${id}/download`]) {
    const other = await get(path, lotte);
    expect(other.status, path).toBe(404);
    expect(JSON.stringify(await other.json())).not.toContain("MRN-20");
  }
  // An admin sees it; the uploader downloads it.
  expect((await get(`/api/batch/${id}`, ada)).status).toBe(200);
  const download = await get(`/api/batch/${id}/download`, nina);
  expect(download.status).toBe(200);
  expect(download.headers.get("content-type")).toBe("application/zip");
  await download.arrayBuffer();

  const records = web.service.audit.query().filter((r) => r.action.startsWith("batch-"));
  expect(records.map((r) => [r.user, r.action, r.outcome, r.patientIds])).toEqual([
    ["nina", "batch-upload", "ok", []],
    ["nina", "batch-download", "ok", ["MRN-201", "MRN-202"]],
  ]);
  expect(JSON.parse(records[0]?.detail ?? "")).toEqual({ batch: id, rows: 2 });
  expect(JSON.parse(records[1]?.detail ?? "")).toEqual({ batch: id, uploadedBy: "nina" });
  for (const record of records) expect(JSON.stringify(record)).not.toMatch(/Geheim|1960|1961|ward-3/);
}, 60_000);

test("an admin downloads another user's batch: recorded as the admin's download, naming the uploader", async () => {
  const id = await upload(lotte);
  expect((await get(`/api/batch/${id}/download`, nina)).status).toBe(404);
  const download = await get(`/api/batch/${id}/download`, ada);
  expect(download.status).toBe(200);
  await download.arrayBuffer();
  const last = web.service.audit.query().at(-1);
  expect(last).toMatchObject({ user: "ada", action: "batch-download", patientIds: ["MRN-201", "MRN-202"] });
  expect(JSON.parse(last?.detail ?? "")).toEqual({ batch: id, uploadedBy: "lotte" });
}, 60_000);

test("a refused upload is recorded as refused, with the user", async () => {
  const response = await fetch(`${web.url}/api/batch`, {
    method: "POST",
    headers: { "content-type": "image/png", origin: web.url, cookie: lotte },
    body: "x",
  });
  expect(response.status).toBe(415);
  expect(web.service.audit.query().at(-1)).toMatchObject({
    user: "lotte",
    action: "batch-upload",
    outcome: "refused",
  });
});
