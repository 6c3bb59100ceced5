// The work of `leaflets worker`, loaded only when that command runs (its options: ../commands/worker.ts).
import { availableParallelism } from "node:os";
import { UsageError } from "../../core/errors.ts";
import { startQueueWorker } from "../../queue/queueWorker.ts";
import { checkQueueUrl, type WorkerFlags } from "../shared/commandFlags.ts";
import { EXIT } from "../shared/exitCodes.ts";

export async function worker(flags: WorkerFlags): Promise<number> {
  const concurrency = flags.concurrency === undefined ? availableParallelism() : Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency takes a whole number from 1 to 64 (got "${flags.concurrency}")`);
  }
  checkQueueUrl(flags.queue ?? "");
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const running = await startQueueWorker({
    url: flags.queue ?? "",
    concurrency,
    ...(flags.out === undefined ? {} : { outDir: flags.out }),
    log: say,
  });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  say("worker: stopping after the jobs in hand (again to stop at once)");
  // With Redis away the jobs in hand cannot be handed back; a second signal stops without waiting
  // (those jobs go to another worker once their lock runs out).
  const again = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const closed = await Promise.race([running.close().then(() => true), again.then(() => false)]);
  if (!closed) process.exit(EXIT.ok);
  return EXIT.ok;
}
