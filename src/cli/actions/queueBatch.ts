// `leaflets batch --queue URL`: opens the batch's side of the render queue, checking the input can be read
// first (exit code 2, as without --queue), and says on stderr whether it attaches to an earlier run's jobs.
import { existsSync } from "node:fs";
import { InputError } from "../../core/errors.ts";
import type { GenerateOptions } from "../../pipeline/generateDocuments.ts";
import { openQueueBatch, type QueueBatchRenderer } from "../../queue/queueBatchRenderer.ts";
import { safeQueueUrl } from "../../queue/queueConnection.ts";
import { checkQueueUrl } from "../shared/commandFlags.ts";

export async function openQueueBatchRenderer(
  url: string,
  input: string,
  outDir: string,
  generate: GenerateOptions,
): Promise<QueueBatchRenderer> {
  checkQueueUrl(url);
  if (!existsSync(input)) throw new InputError(`cannot read ${input}: no such file`);
  // The client retries for ever (Redis may be restarting): say what it waits for.
  const waiting = setTimeout(
    () => process.stderr.write(`batch: waiting for the queue at ${safeQueueUrl(url)} (is Redis running?)\n`),
    3_000,
  );
  const renderer = await openQueueBatch({ url, input, outDir, generate }).finally(() => clearTimeout(waiting));
  process.stderr.write(
    `batch ${renderer.batchId} on ${safeQueueUrl(url)}${renderer.attaching ? ": attaching to the jobs of its earlier run" : ""}\n`,
  );
  return renderer;
}
