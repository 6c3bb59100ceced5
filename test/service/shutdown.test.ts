// Stopping the service (what SIGTERM does): a render in flight finishes and is answered, new connections are
// refused; the request log entries carry request ids and nothing from the order.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RequestLogEntry } from "../../src/web/createApp.ts";
import { baseOrder } from "../helpers/orders.ts";
import { type ServiceServer, startServiceServer } from "./serviceServer.ts";

describe("graceful stop", () => {
  let web: ServiceServer;
  const entries: RequestLogEntry[] = [];
  beforeAll(async () => {
    web = await startServiceServer([["nina", "nurse"]], { logRequest: (entry) => entries.push(entry) });
  });
  afterAll(() => web?.stop());

  test("a render in flight when the server is told to stop is answered in full", async () => {
    const cookie = await web.signIn("nina");
    const body = JSON.stringify({ ...baseOrder(), patientId: "STOP-0001", name: "Zoë Stop" });
    let sent!: () => void;
    const bodySent = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const answer = new Promise<{ status: number; bytes: Buffer }>((resolve, reject) => {
      const req = request(
        `${web.url}/api/render?kind=leaflet`,
        { method: "POST", headers: { "content-type": "application/json", origin: web.url, cookie } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
        },
      );
      req.on("error", reject);
      req.on("finish", sent);
      req.end(body);
    });
    await bodySent;
    // Give the server a moment to read the request; a leaflet's render takes far longer than this.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = web.server.close({ graceMs: 60_000 });
    const { status, bytes } = await answer;
    expect(status).toBe(200);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    await stopped;
    await expect(fetch(`${web.url}/api/session`)).rejects.toThrow();

    const render = entries.find((entry) => entry.path === "/api/render");
    expect(render).toMatchObject({ method: "POST", status: 200, aborted: false });
    expect(render?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(entries)).not.toMatch(/Zoë|STOP-0001/);
  }, 120_000);
});
