// The audit trail (NEN 7513: who, when, which patient, what action): append-only records of every preview,
// print, download, batch, review decision and sign-in. Patient ids only — never names or dates of birth.
// Each record holds the SHA-256 of the one before, so `verify` finds a changed, inserted or deleted record.
import { createHash } from "node:crypto";
import { DateInvalidError } from "../core/errors.ts";
import type { Db } from "./database.ts";

export type AuditOutcome = "ok" | "refused" | "failed";

export interface AuditEntry {
  user: string;
  action: string;
  patientIds?: string[];
  medicine?: string | undefined;
  language?: string | undefined;
  documentHash?: string | undefined;
  client?: string | undefined;
  outcome: AuditOutcome;
  /** What else identifies the action, never patient data: e.g. a review decision's section and hashes. */
  detail?: string | undefined;
}

export interface AuditRecord {
  seq: number;
  time: string;
  user: string;
  action: string;
  patientIds: string[];
  medicine: string | null;
  language: string | null;
  documentHash: string | null;
  client: string | null;
  outcome: string;
  detail: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  patient?: string | undefined;
  user?: string | undefined;
  /** ISO date or time; records at or after it. */
  since?: string | undefined;
  /** ISO date or time; records before it (a bare date includes that whole day). */
  until?: string | undefined;
  limit?: number | undefined;
}

/** A record's number and hash, kept outside the database to check the trail against later. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** "42:9f86d0…" as `audit anchor` prints it and `audit verify --anchor` takes it. */
export function parseAnchor(text: string): AuditAnchor | undefined {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2] as string } : undefined;
}

export type VerifyResult =
  | { ok: true; records: number }
  | { ok: false; records: number; brokenSeq: number; reason: string };

interface AuditRow {
  seq: number;
  time: string;
  user: string;
  action: string;
  patient_ids: string;
  medicine: string | null;
  language: string | null;
  document_hash: string | null;
  client: string | null;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const GENESIS = "0".repeat(64);

export class AuditTrail {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  append(entry: AuditEntry): AuditRecord {
    return this.db
      .transaction(() => {
        const last = this.db.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").get() as
          | { seq: number; hash: string }
          | undefined;
        const row: AuditRow = {
          seq: (last?.seq ?? 0) + 1,
          time: new Date(this.now()).toISOString(),
          user: entry.user,
          action: entry.action,
          patient_ids: JSON.stringify(entry.patientIds ?? []),
          medicine: entry.medicine ?? null,
          language: entry.language ?? null,
          document_hash: entry.documentHash ?? null,
          client: entry.client ?? null,
          outcome: entry.outcome,
          detail: entry.detail ?? null,
          prev_hash: last?.hash ?? GENESIS,
          hash: "",
        };
        row.hash = recordHash(row);
        this.db
          .prepare(
            `INSERT INTO audit (seq, time, user, action, patient_ids, medicine, language, document_hash, client, outcome, detail, prev_hash, hash)
             VALUES (@seq, @time, @user, @action, @patient_ids, @medicine, @language, @document_hash, @client, @outcome, @detail, @prev_hash, @hash)`,
          )
          .run(row);
        return toRecord(row);
      })
      .immediate();
  }

  query(filter: AuditFilter = {}): AuditRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.patient) {
      where.push("EXISTS (SELECT 1 FROM json_each(audit.patient_ids) WHERE value = ?)");
      params.push(filter.patient);
    }
    if (filter.user) {
      where.push("user = ?");
      params.push(filter.user);
    }
    if (filter.since) {
      where.push("time >= ?");
      params.push(toInstant(filter.since, "start"));
    }
    if (filter.until) {
      where.push("time < ?");
      params.push(toInstant(filter.until, "end"));
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT ?`;
    params.push(filter.limit ?? 1_000_000);
    return (this.db.prepare(sql).all(...params) as AuditRow[]).map(toRecord).reverse();
  }

  /**
   * The newest record's number and hash: an anchor to keep somewhere else (a log shipped off this machine,
   * a ticket, a daily e-mail). The chain alone cannot show that its newest records were deleted; checked
   * against an anchor kept elsewhere (`verify(anchor)`), it can.
   */
  head(): AuditAnchor | undefined {
    const last = this.db.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").get() as
      | { seq: number; hash: string }
      | undefined;
    return last ? { seq: last.seq, hash: last.hash } : undefined;
  }

  /**
   * Walks the chain from the first record; names the first one whose hash or link does not hold. With an
   * anchor (an earlier head kept elsewhere), the anchor's record must still be there with the same hash:
   * records deleted from the end, or a trail rebuilt from scratch, are found too.
   */
  verify(anchor?: AuditAnchor): VerifyResult {
    const walked = this.walk();
    if (!walked.ok || !anchor) return walked;
    const row = this.db.prepare("SELECT hash FROM audit WHERE seq = ?").get(anchor.seq) as { hash: string } | undefined;
    if (!row) {
      return {
        ok: false,
        records: walked.records,
        brokenSeq: anchor.seq,
        reason: `the trail ends at record ${walked.records}, but the anchor names record ${anchor.seq}: records were deleted from its end`,
      };
    }
    if (row.hash !== anchor.hash) {
      return {
        ok: false,
        records: walked.records,
        brokenSeq: anchor.seq,
        reason: "its hash is not the anchor's: the trail was rewritten from there or before",
      };
    }
    return walked;
  }

  private walk(): VerifyResult {
    let previous = GENESIS;
    let expectedSeq = 1;
    let count = 0;
    for (const row of this.db.prepare("SELECT * FROM audit ORDER BY seq").iterate() as Iterable<AuditRow>) {
      count += 1;
      if (row.seq !== expectedSeq) {
        return { ok: false, records: count, brokenSeq: row.seq, reason: `record ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== previous) {
        return { ok: false, records: count, brokenSeq: row.seq, reason: "it does not link to the record before it" };
      }
      if (recordHash(row) !== row.hash) {
        return {
          ok: false,
          records: count,
          brokenSeq: row.seq,
          reason: "its content was changed after it was written",
        };
      }
      previous = row.hash;
      expectedSeq += 1;
    }
    return { ok: true, records: count };
  }
}

/** A bare date (2026-12-01) as the start of that day or of the next (for --until), in UTC. */
export function toInstant(value: string, edge: "start" | "end"): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime())) throw new DateInvalidError(`not a date: ${value}`);
    if (edge === "end") day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new DateInvalidError(`not a date or time: ${value}`);
  return time.toISOString();
}

function recordHash(row: AuditRow): string {
  const content = [
    row.seq,
    row.time,
    row.user,
    row.action,
    row.patient_ids,
    row.medicine,
    row.language,
    row.document_hash,
    row.client,
    row.outcome,
    row.prev_hash,
    // Records written before the detail column existed (and those without one) keep their hashes.
    ...(row.detail === null || row.detail === undefined ? [] : [row.detail]),
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    time: row.time,
    user: row.user,
    action: row.action,
    patientIds: JSON.parse(row.patient_ids) as string[],
    medicine: row.medicine,
    language: row.language,
    documentHash: row.document_hash,
    client: row.client,
    outcome: row.outcome,
    detail: row.detail ?? null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
