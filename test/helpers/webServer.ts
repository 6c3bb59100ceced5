// Starts the nurses' page server for a test on an ephemeral loopback port, with its own folder for batch
// jobs and a record of every log line (to check that no patient data is logged).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startServer } from "../../src/web/startServer.ts";

export interface TestServer {
  server: RunningServer;
  url: string;
  jobRoot: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startTestServer(options: { projectRoot?: string } = {}): Promise<TestServer> {
  const jobRoot = mkdtempSync(join(tmpdir(), "leaflets-web-test-"));
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    log: (line) => logs.push(line),
    batchWorkers: 1,
    jobRoot,
    ...options,
  });
  return {
    server,
    url: server.url.replace(/\/$/, ""),
    jobRoot,
    logs,
    async stop() {
      await server.close();
      rmSync(jobRoot, { recursive: true, force: true });
    },
  };
}

/** A log line as the server may write it: method, path, status, duration — nothing else. */
export const LOG_LINE =
  /^(GET|POST|PUT|DELETE|HEAD) \/[A-Za-z0-9/._…-]* (\d{3}|\d{3} cut off \(the client went away during the answer\)|no answer \(the client went away first\)) \d+ ms$/;
