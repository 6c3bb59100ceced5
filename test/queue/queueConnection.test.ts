// The queue's address: user, password, database and TLS (rediss://) taken from the URL; anything but
// redis:// or rediss:// refused; the password never shown in a message. Reconnection never gives up. And a
// worker logging in to a real redis-server that asks for a password (skipped where redis-server is missing).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../src/catalog/loadCatalog.ts";
import { QueueUrlError } from "../../src/core/errors.ts";
import { connectionOptions, reconnectDelay, safeQueueUrl } from "../../src/queue/queueConnection.ts";
import { hasRedisServer, startRedis } from "../helpers/redisServer.ts";

describe("the queue's Redis address", () => {
  test("redis:// with user, password and database; workers' commands wait for a reconnection", () => {
    expect(connectionOptions("redis://leaflets:p%40ss@10.0.0.5:6380/2")).toMatchObject({
      host: "10.0.0.5",
      port: 6380,
      username: "leaflets",
      password: "p@ss",
      db: 2,
      maxRetriesPerRequest: null,
    });
    const plain = connectionOptions("redis://127.0.0.1") as Record<string, unknown>;
    expect(plain).toMatchObject({ host: "127.0.0.1", port: 6379, db: 0 });
    expect(plain.tls).toBeUndefined();
    expect(plain.password).toBeUndefined();
  });

  test("rediss:// turns TLS on, checked against the host's name; an IPv6 host loses its brackets", () => {
    expect(connectionOptions("rediss://:secret@redis.hospital.example:6380")).toMatchObject({
      host: "redis.hospital.example",
      password: "secret",
      tls: { servername: "redis.hospital.example" },
    });
    expect(connectionOptions("redis://[::1]:6379")).toMatchObject({ host: "::1" });
  });

  test("other addresses are refused without repeating the password", () => {
    expect(() => connectionOptions("http://u:s3cret@host:1")).toThrow(QueueUrlError);
    expect(() => connectionOptions("http://u:s3cret@host:1")).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => connectionOptions("not a url")).toThrow(QueueUrlError);
    expect(() => connectionOptions("redis://host/x")).toThrow(/database/);
    expect(safeQueueUrl("rediss://u:s3cret@host:6380/1")).toBe("rediss://u:***@host:6380/1");
    expect(safeQueueUrl("redis://host:6379")).toBe("redis://host:6379");
  });

  test("reconnecting backs off to 2 s and never stops", () => {
    expect([1, 2, 5, 10, 1000].map(reconnectDelay)).toEqual([200, 400, 1000, 2000, 2000]);
  });
});

describe.skipIf(!hasRedisServer())("a Redis that asks for a password (redis-server --requirepass)", () => {
  test("the worker logs in with the URL's password and never prints it", async () => {
    const redis = await startRedis({ password: "pw-s3cret" });
    try {
      const worker = spawn(process.execPath, [join(PROJECT_ROOT, "bin/leaflets.js"), "worker", "--concurrency", "1"], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, LEAFLETS_QUEUE_URL: redis.url },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let log = "";
      await new Promise<void>((resolve, reject) => {
        worker.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
          log += chunk;
          if (log.includes("worker: taking jobs")) resolve();
          if (/NOAUTH|WRONGPASS/.test(log)) reject(new Error(log));
        });
      });
      const gone = new Promise((resolve) => worker.once("exit", resolve));
      worker.kill("SIGTERM");
      await gone;
      expect(log).toContain(":***@127.0.0.1");
      expect(log).not.toContain("pw-s3cret");
    } finally {
      await redis.dispose();
    }
  }, 120_000);
});
