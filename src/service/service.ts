// The hospital service's state in one object: the database and the stores built on it (users, sessions,
// lock-out, audit trail), opened from a data folder. The CLI and the web server both open it this way.

import { AuditTrail } from "./auditTrail.ts";
import { type Db, DEFAULT_DATA_DIR, openDatabase } from "./database.ts";
import { SignInLockout } from "./lockout.ts";
import { DEFAULT_COST, type PasswordCost } from "./passwords.ts";
import { type Clock, SESSION_IDLE_MS, SessionStore } from "./sessionStore.ts";
import { UserStore } from "./userStore.ts";

export interface ServiceOptions {
  dataDir?: string | undefined;
  /** argon2id cost; tests pass TEST_COST. */
  passwordCost?: PasswordCost | undefined;
  clock?: Clock | undefined;
  sessionIdleMs?: number | undefined;
}

export interface Service {
  dataDir: string;
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  lockout: SignInLockout;
  audit: AuditTrail;
  close(): void;
}

export function openService(options: ServiceOptions = {}): Service {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const clock = options.clock ?? Date.now;
  const db = openDatabase(dataDir);
  const users = new UserStore(db, options.passwordCost ?? DEFAULT_COST);
  return {
    dataDir,
    db,
    users,
    sessions: new SessionStore(db, users, clock, options.sessionIdleMs ?? SESSION_IDLE_MS),
    lockout: new SignInLockout(clock),
    audit: new AuditTrail(db, clock),
    close: () => db.close(),
  };
}
