// Runs the real `leaflets` command as a child process (as a nurse's terminal or a script would) and
// collects its exit code and output. Colour off, debug traces off. The command runs the TypeScript sources
// (LEAFLETS_RUN=source, as vitest.config.ts sets it); LEAFLETS_TEST_CLI=build runs the compiled build in
// dist/ instead, and fails when it is older than src/ (`npm run build`). Also the folders such tests write
// into, and what they read back from them.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env };
  delete env.LEAFLETS_DEBUG;
  if (process.env.LEAFLETS_TEST_CLI === "build" && !options.env?.LEAFLETS_RUN) env.LEAFLETS_RUN = "build";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${PROJECT_ROOT}/bin/leaflets.js`, ...args], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/**
 * A test file's temporary folders: one root made before its tests and removed after them, and `freshDir`,
 * a new folder under it for each test (named after `label`, numbered).
 */
export function tempFolders(prefix: string): (label: string) => string {
  let root: string | undefined;
  let counter = 0;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return (label) => {
    if (!root) throw new Error("tempFolders: a folder was asked for outside a test");
    const dir = join(root, `${label}-${++counter}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}

/** Every file and folder below `dir` (relative paths, sorted); [] when `dir` does not exist. */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

/** Stdout must be exactly one line holding one JSON object. */
export function singleJson(stdout: string): Record<string, unknown> {
  const lines = stdout.split("\n").filter((line) => line.trim() !== "");
  if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got:\n${stdout}`);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}
