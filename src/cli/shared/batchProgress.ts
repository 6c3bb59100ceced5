// Shows a batch's progress on stderr: a progress bar on a terminal; without one (cron, CI, a pipe) a
// plain line every few seconds. Counts and rates only, never patient data.
import cliProgress from "cli-progress";
import type { BatchProgress } from "../../batch/runBatch.ts";

const LINE_EVERY_MS = 5_000;

export interface ProgressDisplay {
  update(progress: BatchProgress): void;
  stop(): void;
}

export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  return stream.isTTY ? barDisplay(stream) : lineDisplay(stream);
}

function barDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {value}/{total} rows · {failed} failed · {rate}/s · {left} left",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const payload = { failed: p.failed, rate: rate(p).toFixed(1), left: timeLeft(p) };
      if (!started) {
        bar.start(Math.max(p.total, 1), p.done, payload);
        started = true;
      } else bar.update(p.done, payload);
    },
    stop: () => bar.stop(),
  };
}

function lineDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < LINE_EVERY_MS && p.done < p.total) return;
      last = now;
      stream.write(
        `batch: ${p.done} of ${p.total} rows (${p.failed} failed), ${rate(p).toFixed(1)} rows/s, ${timeLeft(p)} left\n`,
      );
    },
    stop() {},
  };
}

function rate(p: BatchProgress): number {
  return p.seconds > 0 ? p.done / p.seconds : 0;
}

function timeLeft(p: BatchProgress): string {
  const r = rate(p);
  if (r === 0) return "?";
  const seconds = Math.round((p.total - p.done) / r);
  return seconds >= 120 ? `about ${Math.round(seconds / 60)} min` : `${seconds} s`;
}
