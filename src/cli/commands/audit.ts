// `leaflets audit [--patient ID] [--user NAME] [--since DATE] [--until DATE] [--json]` prints the audit trail
// (who did what, when, for which patient id) as a table or JSON; `leaflets audit verify` walks the hash
// chain and names the first record that was changed, inserted or deleted (exit 1); `audit anchor` prints the
// newest record's number and hash to keep elsewhere, which `verify --anchor` checks (deleted newest records).
import type { Command } from "commander";
import { DateInvalidError, UsageError } from "../../core/errors.ts";
import type { AuditRecord } from "../../service/auditTrail.ts";
import { DEFAULT_DATA_DIR } from "../../service/dataDir.ts";
import { EXIT } from "../shared/exitCodes.ts";
import type { Runner } from "../shared/runner.ts";

interface AuditFlags {
  data: string;
  patient?: string;
  user?: string;
  since?: string;
  until?: string;
  json?: boolean;
}

export function registerAudit(program: Command, run: Runner): void {
  const audit = program
    .command("audit")
    .summary("the audit trail: who printed what for which patient, and when")
    .description(
      "Print the audit trail of the service's data folder: every preview, print, download, batch and sign-in, " +
        "with time, user, action, patient id(s), medicine, language, document hash, client address and outcome.",
    )
    .option("--patient <id>", "only records about this patient id")
    .option("--user <name>", "only records of this user")
    .option("--since <date>", "from this date (YYYY-MM-DD, UTC) or time")
    .option("--until <date>", "up to and including this date, or before this time")
    .option("--json", "one JSON object with the records")
    .option("--data <dir>", "the service's data folder", DEFAULT_DATA_DIR)
    .action((flags: AuditFlags) => run(() => list(flags), flags.json));

  audit
    .command("anchor")
    .description(
      "print the newest record's number and hash (SEQ:HASH); keep it off this machine and check the trail " +
        "against it later with `audit verify --anchor SEQ:HASH` (the chain alone cannot show deleted newest records)",
    )
    .option("--data <dir>", "the service's data folder", DEFAULT_DATA_DIR)
    .action((flags: { data: string }, command: Command) =>
      run(async () => {
        const { openService } = await import("../../service/service.ts");
        const service = openService({ dataDir: dataDirOf(flags, command) });
        try {
          const head = service.audit.head();
          process.stdout.write(head ? `${head.seq}:${head.hash}\n` : "0:(no records yet)\n");
          return EXIT.ok;
        } finally {
          service.close();
        }
      }),
    );

  audit
    .command("verify")
    .description("check the chain of records: exit 0 when intact, 1 naming the first broken record")
    .option(
      "--anchor <seq:hash>",
      "also check that this record (from `audit anchor`, kept elsewhere) is still there unchanged",
    )
    .option("--data <dir>", "the service's data folder", DEFAULT_DATA_DIR)
    .action((flags: { data: string; anchor?: string }, command: Command) =>
      run(async () => {
        const { openService } = await import("../../service/service.ts");
        const { parseAnchor } = await import("../../service/auditTrail.ts");
        const anchor = flags.anchor === undefined ? undefined : parseAnchor(flags.anchor);
        if (flags.anchor !== undefined && !anchor) {
          throw new UsageError(
            "--anchor takes SEQ:HASH as `leaflets audit anchor` prints it (e.g. 42:9f86d0…, 64 hex digits)",
          );
        }
        const service = openService({ dataDir: dataDirOf(flags, command) });
        try {
          const result = service.audit.verify(anchor);
          if (result.ok) {
            process.stdout.write(`audit trail intact: ${result.records} records\n`);
            return EXIT.ok;
          }
          process.stdout.write(`audit trail broken at record ${result.brokenSeq}: ${result.reason}\n`);
          return EXIT.refused;
        } finally {
          service.close();
        }
      }),
    );
}

/** The subcommand's --data, or the parent's (`leaflets audit --data DIR verify`). */
function dataDirOf(flags: { data: string }, command: Command): string {
  const data = (command.parent?.opts() as AuditFlags | undefined)?.data;
  return flags.data !== DEFAULT_DATA_DIR ? flags.data : (data ?? flags.data);
}

async function list(flags: AuditFlags): Promise<number> {
  const { openService } = await import("../../service/service.ts");
  const service = openService({ dataDir: flags.data });
  let records: AuditRecord[];
  try {
    records = service.audit.query({ patient: flags.patient, user: flags.user, since: flags.since, until: flags.until });
  } catch (error) {
    if (error instanceof DateInvalidError)
      throw new UsageError("--since and --until take a date (YYYY-MM-DD) or a time");
    throw error;
  } finally {
    service.close();
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ records })}\n`);
    return EXIT.ok;
  }
  const rows = records.map((r) => [
    String(r.seq),
    r.time.replace("T", " ").slice(0, 19),
    r.user,
    r.action,
    r.patientIds.join(",") || "–",
    r.medicine ?? "–",
    r.language ?? "–",
    r.documentHash ? r.documentHash.slice(0, 12) : "–",
    r.client ?? "–",
    r.outcome,
  ]);
  const head = ["#", "time (UTC)", "user", "action", "patient", "medicine", "lang", "document", "client", "outcome"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  for (const row of [head, ...rows]) {
    process.stdout.write(
      `${row
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join("  ")
        .trimEnd()}\n`,
    );
  }
  if (rows.length === 0) process.stdout.write("no records\n");
  return EXIT.ok;
}
