// How every queue client reaches Redis: the connection options from a redis:// or rediss:// URL (user,
// password and database from the URL, TLS for rediss://), retrying for ever with a short back-off so
// workers and batches carry on when Redis restarts. `safeQueueUrl` is the URL without its password, for messages.
import type { ConnectionOptions } from "bullmq";
import { QueueUrlError } from "../core/errors.ts";

/** Reconnection back-off: 0.2 s, 0.4 s, … up to 2 s between tries, never giving up. */
export function reconnectDelay(tries: number): number {
  return Math.min(tries * 200, 2_000);
}

export function connectionOptions(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueUrlError("the queue address is not a URL");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new QueueUrlError(`the queue address must start with redis:// or rediss:// (got ${parsed.protocol}//)`);
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1";
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new QueueUrlError("the database in the queue address must be a number");
  return {
    host,
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db,
    ...(parsed.protocol === "rediss:" ? { tls: { servername: host } } : {}),
    // Commands wait for the connection to come back instead of failing (BullMQ requires it for workers).
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelay,
  };
}

/** The queue's URL for messages and logs: never its password. */
export function safeQueueUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}
