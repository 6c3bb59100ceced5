// Sign-in lock-out: after 5 failed attempts within a minute for one account from one address, further
// attempts are refused until the oldest failure is a minute old (the caller answers 429 with Retry-After).
// Kept in memory: a restart forgets it, which costs an attacker a restart they cannot cause.
import type { Clock } from "./sessionStore.ts";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;

export class SignInLockout {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: Clock = Date.now) {}

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(account: string, address: string): number {
    const recent = this.recent(key(account, address));
    if (recent.length < MAX_FAILURES) return 0;
    const oldest = recent[recent.length - MAX_FAILURES] as number;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - this.now()) / 1000));
  }

  fail(account: string, address: string): void {
    const k = key(account, address);
    const recent = this.recent(k);
    recent.push(this.now());
    this.failures.set(k, recent);
  }

  succeed(account: string, address: string): void {
    this.failures.delete(key(account, address));
  }

  private recent(k: string): number[] {
    const since = this.now() - WINDOW_MS;
    const recent = (this.failures.get(k) ?? []).filter((time) => time > since);
    if (recent.length === 0) this.failures.delete(k);
    else this.failures.set(k, recent);
    return recent;
  }
}

function key(account: string, address: string): string {
  return `${account.toLowerCase()}\u0000${address}`;
}
