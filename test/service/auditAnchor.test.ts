// The chain cannot show that its newest records were deleted (what is left is still a valid chain). An
// anchor kept elsewhere can: `leaflets audit anchor` prints the newest record's number and hash, and
// `audit verify --anchor` fails when that record is gone or changed. Real SQLite file, real command.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DATABASE_FILE } from "../../src/service/database.ts";
import { openService } from "../../src/service/service.ts";
import { runCli } from "../helpers/cli.ts";

const dataDir = mkdtempSync(join(tmpdir(), "leaflets-audit-anchor-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeAll(() => {
  const service = openService({ dataDir });
  for (const patient of ["P-1", "P-2", "P-3"]) {
    service.audit.append({ user: "nina", action: "print", patientIds: [patient], outcome: "ok" });
  }
  service.close();
});

test("anchor, delete the newest record: verify alone passes, verify --anchor names the deleted record", async () => {
  const anchor = await runCli(["audit", "anchor", "--data", dataDir]);
  expect(anchor.code).toBe(0);
  expect(anchor.stdout).toMatch(/^3:[0-9a-f]{64}\n$/);
  const value = anchor.stdout.trim();
  expect((await runCli(["audit", "verify", "--anchor", value, "--data", dataDir])).code).toBe(0);

  // Someone with the file drops the trigger and deletes the newest record.
  const file = new Database(join(dataDir, DATABASE_FILE));
  file.exec("DROP TRIGGER audit_no_delete");
  file.prepare("DELETE FROM audit WHERE seq = 3").run();
  file.close();

  const alone = await runCli(["audit", "verify", "--data", dataDir]);
  expect(alone.code).toBe(0);
  expect(alone.stdout).toBe("audit trail intact: 2 records\n");
  const anchored = await runCli(["audit", "verify", "--anchor", value, "--data", dataDir]);
  expect(anchored.code).toBe(1);
  expect(anchored.stdout).toBe(
    "audit trail broken at record 3: the trail ends at record 2, but the anchor names record 3: records were deleted from its end\n",
  );
}, 60_000);

test("an anchor whose hash differs, and one written wrongly", async () => {
  const wrongHash = await runCli(["audit", "verify", "--anchor", `1:${"0".repeat(64)}`, "--data", dataDir]);
  expect(wrongHash.code).toBe(1);
  expect(wrongHash.stdout).toContain("audit trail broken at record 1: its hash is not the anchor's");
  const malformed = await runCli(["audit", "verify", "--anchor", "three", "--data", dataDir]);
  expect(malformed.code).toBe(2);
  expect(malformed.stderr).toContain("--anchor takes SEQ:HASH");
}, 60_000);
