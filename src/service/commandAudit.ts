// Audit records for the command line: `generate --data DIR` and `batch --data DIR` write to the same trail
// as the web page, as the operating-system user who ran them. Patient ids and document hashes only.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { AuditOutcome } from "./auditTrail.ts";
import { openService } from "./service.ts";

export interface CommandDocument {
  kind: string;
  language: string;
  bytes: Uint8Array;
}

function systemUser(): string {
  try {
    return `os:${userInfo().username}`;
  } catch {
    return "os:(unknown)";
  }
}

/** One "generate-<kind>" record per document written for the patient. */
export function auditGenerated(
  dataDir: string,
  patientId: string,
  medicine: string,
  documents: CommandDocument[],
): void {
  const service = openService({ dataDir });
  try {
    for (const document of documents) {
      service.audit.append({
        user: systemUser(),
        action: `generate-${document.kind}`,
        patientIds: [patientId],
        medicine,
        language: document.language,
        documentHash: createHash("sha256").update(document.bytes).digest("hex"),
        client: "cli",
        outcome: "ok",
      });
    }
  } finally {
    service.close();
  }
}

/** One "batch" record with the ids of the rows printed, and the report file's hash. */
export function auditBatch(dataDir: string, reportJson: string, outcome: AuditOutcome): void {
  const text = readFileSync(reportJson);
  const rows = (JSON.parse(text.toString("utf8")) as { rows: { patientId: string | null; status: string }[] }).rows;
  const patientIds = [...new Set(rows.flatMap((r) => (r.patientId && r.status !== "failed" ? [r.patientId] : [])))];
  const service = openService({ dataDir });
  try {
    service.audit.append({
      user: systemUser(),
      action: "batch",
      patientIds,
      documentHash: createHash("sha256").update(text).digest("hex"),
      client: "cli",
      outcome,
    });
  } finally {
    service.close();
  }
}
