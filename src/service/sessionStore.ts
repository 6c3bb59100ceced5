// Sign-in sessions: a random 32-byte token goes to the browser in a cookie; only its SHA-256 is stored, so a
// copy of the database opens no session. A session ends after 8 hours without a request, or at sign-out.
// The clock is injected so tests can move time on.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "./database.ts";
import type { User, UserStore } from "./userStore.ts";

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

export type Clock = () => number;

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly users: UserStore,
    private readonly now: Clock = Date.now,
    private readonly idleMs: number = SESSION_IDLE_MS,
  ) {}

  /** A new session for the user; returns the token for the cookie. */
  create(user: User): string {
    const token = randomBytes(32).toString("base64url");
    const time = this.now();
    this.db
      .prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen) VALUES (?, ?, ?, ?)")
      .run(hashToken(token), user.id, time, time);
    return token;
  }

  /** The session's user, its idle time restarted; undefined when unknown, expired or the user is disabled. */
  lookup(token: string): User | undefined {
    const key = hashToken(token);
    const row = this.db.prepare("SELECT user_id, last_seen FROM sessions WHERE token_hash = ?").get(key) as
      | { user_id: number; last_seen: number }
      | undefined;
    if (!row) return undefined;
    const time = this.now();
    if (time - row.last_seen > this.idleMs) {
      this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(key);
      return undefined;
    }
    const user = this.users.byId(row.user_id);
    if (!user || user.disabled) return undefined;
    this.db.prepare("UPDATE sessions SET last_seen = ? WHERE token_hash = ?").run(time, key);
    return user;
  }

  end(token: string): void {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(hashToken(token));
  }

  sweep(): void {
    this.db.prepare("DELETE FROM sessions WHERE last_seen < ?").run(this.now() - this.idleMs);
  }
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
