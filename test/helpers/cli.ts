// Runs the real `leaflets` command as a child process (as a nurse's terminal or a script would) and
// collects its exit code and output. Colour off, debug traces off. The command runs the TypeScript sources
// (LEAFLETS_RUN=source, as vitest.config.ts sets it); LEAFLETS_TEST_CLI=build runs the compiled build in
// dist/ instead, and fails when it is older than src/ (`npm run build`).
import { spawn } from "node:child_process";
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
