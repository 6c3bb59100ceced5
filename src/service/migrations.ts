// The database's schema as numbered steps: migration n is MIGRATIONS[n - 1]. Never edit a step that has
// shipped; add the next one. Audit records are append-only: triggers refuse UPDATE and DELETE.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('nurse', 'pharmacist', 'admin')),
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    patient_ids TEXT NOT NULL,
    medicine TEXT,
    language TEXT,
    document_hash TEXT,
    client TEXT,
    outcome TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_time ON audit(time);
  CREATE INDEX audit_user ON audit(user);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
  `,
  // 2: /healthz proves the database takes a write (one row, rewritten on each check); an audit record may
  // carry a detail (a review decision's section and content hash), chained with the rest of the record.
  `
  CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL);
  ALTER TABLE audit ADD COLUMN detail TEXT;
  `,
];
