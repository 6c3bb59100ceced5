// Starts the service for a test: a real SQLite file in a temporary data folder, accounts with a low
// argon2 cost (fast tests), a clock the test moves by hand, and the server on an ephemeral loopback port.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_COST } from "../../src/service/passwords.ts";
import type { Role } from "../../src/service/roles.ts";
import { openService, type Service } from "../../src/service/service.ts";
import { type RunningServer, type ServerOptions, startServer } from "../../src/web/startServer.ts";

export const PASSWORD = "correct horse battery";

export interface ServiceServer {
  url: string;
  dataDir: string;
  service: Service;
  server: RunningServer;
  /** Moves the sessions' and lock-out's clock on. */
  advance(ms: number): void;
  signIn(user: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startServiceServer(
  users: [string, Role][],
  extra: Partial<ServerOptions> = {},
): Promise<ServiceServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "leaflets-service-test-"));
  const jobRoot = mkdtempSync(join(tmpdir(), "leaflets-service-jobs-"));
  let now = Date.UTC(2026, 11, 1, 9, 0, 0);
  const service = openService({ dataDir, passwordCost: TEST_COST, clock: () => now });
  for (const [name, role] of users) await service.users.add(name, role, PASSWORD);
  const server = await startServer({ port: 0, host: "127.0.0.1", batchWorkers: 1, jobRoot, service, ...extra });
  const url = server.url.replace(/\/$/, "");
  return {
    url,
    dataDir,
    service,
    server,
    advance: (ms) => {
      now += ms;
    },
    async signIn(user, password = PASSWORD) {
      const response = await fetch(`${url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: JSON.stringify({ user, password }),
      });
      if (response.status !== 204) throw new Error(`sign-in of ${user}: HTTP ${response.status}`);
      return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
    },
    async stop() {
      await server.close();
      service.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(jobRoot, { recursive: true, force: true });
    },
  };
}

/** A GET from a chosen loopback source address (127.0.0.2 plays the hospital's proxy), with headers. */
export function getFrom(
  url: string,
  localAddress: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}
