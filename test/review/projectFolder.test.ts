// `--project` naming a folder that is not there (or is not a project) is a mistake in the call: exit 2 and a
// message that names the folder, never an internal error. The real command, for each command that takes it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { runCli } from "../helpers/cli.ts";

const empty = mkdtempSync(join(tmpdir(), "leaflets-not-a-project-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

test("a missing or empty --project folder: exit 2, the folder named, no internal error", async () => {
  const missing = join(empty, "no-such-folder");
  const runs = await Promise.all([
    runCli(["review", "status", "--project", missing]),
    runCli(["list", "--project", missing]),
    runCli(["validate", "--project", missing]),
    runCli(["review", "status", "--project", empty]),
  ]);
  for (const run of runs.slice(0, 3)) {
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--project ${missing}: no such folder (it should hold locales/ and templates/)`);
    expect(run.stderr).not.toMatch(/internal error|ENOENT/);
  }
  expect(runs[3]?.code).toBe(2);
  expect(runs[3]?.stderr).toContain("not a project folder, it has no locales/ and no templates/");
}, 60_000);
