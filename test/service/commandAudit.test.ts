// The command line and the audit trail: `users add/list/disable` in a data folder, and `generate --data`
// and `batch --data` writing records (patient ids and document hashes, no names) that `audit` then shows.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { DATABASE_FILE } from "../../src/service/database.ts";

const BIN = new URL("../../bin/leaflets.js", import.meta.url).pathname;
const CSV = new URL("../fixtures/batch/comma-crlf-quoted.csv", import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), "leaflets-cli-audit-"));
const data = join(root, "var");

function leaflets(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000, input });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the command line and the service's data folder", () => {
  test("users add (password from stdin), list, disable; a short password and an unknown role are refused", () => {
    expect(
      leaflets(
        ["users", "add", "anneke", "--role", "pharmacist", "--password-stdin", "--data", data],
        "a long enough secret\n",
      ).code,
    ).toBe(0);
    const short = leaflets(["users", "add", "bram", "--role", "nurse", "--password-stdin", "--data", data], "short\n");
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/at least 10 characters/);
    expect(leaflets(["users", "add", "bram", "--role", "doctor", "--password-stdin", "--data", data], "x\n").code).toBe(
      2,
    );
    expect(leaflets(["users", "disable", "anneke", "--data", data]).code).toBe(0);
    const list = JSON.parse(leaflets(["users", "list", "--json", "--data", data]).out);
    expect(list.users).toMatchObject([{ name: "anneke", role: "pharmacist", disabled: true }]);
    // The hash is argon2id, never the password.
    expect(readFileSync(join(data, DATABASE_FILE)).includes("a long enough secret")).toBe(false);
  });

  test("generate --data and batch --data write audit records with patient ids only", () => {
    const generated = leaflets(["generate", "--demo", "--kinds", "card", "--out", join(root, "out"), "--data", data]);
    expect(generated.code).toBe(0);
    const batch = leaflets([
      "batch",
      CSV,
      "--workers",
      "1",
      "--kinds",
      "card",
      "--out",
      join(root, "batch"),
      "--data",
      data,
    ]);
    expect([0, 1]).toContain(batch.code);
    const { records } = JSON.parse(leaflets(["audit", "--json", "--data", data]).out) as {
      records: { action: string; patientIds: string[]; client: string; user: string; documentHash: string }[];
    };
    const card = records.find((r) => r.action === "generate-card");
    expect(card).toMatchObject({ patientIds: ["DEMO-0001"], client: "cli" });
    expect(card?.user).toMatch(/^os:/);
    expect(card?.documentHash).toMatch(/^[0-9a-f]{64}$/);
    const batchRecord = records.find((r) => r.action === "batch");
    expect(batchRecord?.patientIds).toContain("MRN-010");
    const bytes = readFileSync(join(data, DATABASE_FILE));
    for (const name of ["Zoë", "Annie", "Smit"]) expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(leaflets(["audit", "verify", "--data", data]).code).toBe(0);
  }, 180_000);
});
