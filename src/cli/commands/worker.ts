// `leaflets worker`: a render machine for a Redis queue. Takes batch rows and page renders from the queue,
// renders them with local worker threads and writes batch files to the (shared) output folder; runs
// until stopped (SIGINT/SIGTERM finish the jobs in hand first).
import { type Command, Option } from "commander";
import type { WorkerFlags } from "../shared/commandFlags.ts";
import type { Runner } from "../shared/runner.ts";

export function registerWorker(program: Command, run: Runner): void {
  program
    .command("worker")
    .summary("render jobs from a Redis queue (batches and the nurses' page), on any number of machines")
    .description(
      "Take jobs from a Redis queue (`leaflets batch --queue`, `leaflets serve --queue`), render them with " +
        "local worker threads and write batch files to the output folder with the same atomic writes and " +
        "manifests as a local batch. Run one on each render machine; they share the work.",
    )
    .addOption(
      new Option("--queue <url>", "the Redis queue: redis://[user:password@]host[:port][/db], rediss:// for TLS")
        .env("LEAFLETS_QUEUE_URL")
        .makeOptionMandatory(),
    )
    .option("--concurrency <n>", "jobs rendered at once, each in its own thread (default: one per CPU core)")
    .option(
      "--out <dir>",
      "where this machine sees the batches' output folder (default: the path the batch was given, e.g. a shared mount)",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  leaflets worker --queue redis://127.0.0.1:6379\n" +
        "  LEAFLETS_QUEUE_URL=rediss://:secret@redis.hospital.example:6380 leaflets worker --concurrency 4 --out /mnt/print\n" +
        "  (a password is better in the environment than on the command line, where any user's `ps` shows it)\n\n" +
        "As a service (systemd), /etc/systemd/system/leaflets-worker.service:\n" +
        "  [Service]\n" +
        "  WorkingDirectory=/opt/patient-leaflets\n" +
        "  EnvironmentFile=/etc/leaflets/worker.env     (LEAFLETS_QUEUE_URL=rediss://:password@redis.internal:6380)\n" +
        "  ExecStart=/usr/bin/node bin/leaflets.js worker --out /mnt/print\n" +
        "  Restart=always\n  User=leaflets\n  KillSignal=SIGTERM\n  TimeoutStopSec=150\n" +
        "  [Install]\n  WantedBy=multi-user.target\n" +
        "then: systemctl enable --now leaflets-worker. SIGTERM lets the jobs in hand finish; a worker killed\n" +
        "outright loses nothing: its jobs go to another worker after LEAFLETS_QUEUE_STALLED_MS (default 30000).\n" +
        "The output folder must be the same folder on every machine (see docs/scaling.md).\n" +
        "Logs name job ids (batch id and row) and counts, never patient data.",
    )
    .action((flags: WorkerFlags) => run(async () => (await import("../actions/worker.ts")).worker(flags)));
}
