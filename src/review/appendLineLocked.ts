// Appends one line to a file that several processes may write at once (two pharmacists approving at the
// same moment, the review page and the command line): a lock file made with O_EXCL around an O_APPEND
// write of the whole line, then fsync. A lock left by a killed process is taken over after 30 seconds.
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { FileLockedError, InternalError } from "../core/errors.ts";

const STALE_LOCK_MS = 30_000;
const GIVE_UP_MS = 10_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function appendLineLocked(file: string, line: string): void {
  if (line.includes("\n")) throw new InternalError("a record must be one line");
  mkdirSync(dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  const lockFd = takeLock(lock, file);
  try {
    const fd = openSync(file, "a");
    try {
      const bytes = Buffer.from(`${line}\n`, "utf8");
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    closeSync(lockFd);
    rmSync(lock, { force: true });
  }
}

function takeLock(lock: string, file: string): number {
  const started = Date.now();
  for (;;) {
    try {
      return openSync(lock, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
    } catch {
      // The lock went away between the two calls: try again.
    }
    if (Date.now() - started > GIVE_UP_MS) throw new FileLockedError(file);
    Atomics.wait(sleeper, 0, 0, 5 + Math.random() * 10);
  }
}
