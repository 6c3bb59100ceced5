// Reading a file that must be small and must be a regular file: an order, a brand's logo, a template.
// A FIFO or a device (a stalled network share behaves like one) would block a read forever, so anything
// but a regular file is refused before it is opened for reading, and no more than `limit` bytes are read.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { FileReadProblem } from "../core/errors.ts";

const REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
};

/** The bytes of the regular file at `path`, at most `limit` of them (more: FileReadProblem, nothing read). */
export function readLimitedFile(path: string, limit: number): Buffer {
  let fd: number;
  try {
    if (!statSync(path).isFile()) throw new FileReadProblem(path, notRegular(path));
    // O_NONBLOCK: should the path have been swapped for a FIFO since stat, opening it does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw error instanceof FileReadProblem ? error : new FileReadProblem(path, reasonOf(error));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileReadProblem(path, notRegular(path));
    if (stats.size > limit) throw new FileReadProblem(path, tooLarge(stats.size, limit));
    const buffer = Buffer.alloc(stats.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    throw error instanceof FileReadProblem ? error : new FileReadProblem(path, reasonOf(error));
  } finally {
    closeSync(fd);
  }
}

function notRegular(path: string): string {
  let kind = "not a regular file";
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) kind = "a folder, not a file";
    else if (stats.isFIFO()) kind = "a pipe (FIFO), not a regular file; reading it could wait forever";
    else if (stats.isCharacterDevice() || stats.isBlockDevice()) kind = "a device, not a regular file";
    else if (stats.isSocket()) kind = "a socket, not a regular file";
  } catch {}
  return `it is ${kind}`;
}

export function tooLarge(size: number, limit: number): string {
  return `it is ${formatBytes(size)}, more than the ${formatBytes(limit)} allowed`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? "the system refused"} (${code})` : String((error as Error).message);
}

/** Reads a stream (stdin) to its end, refusing it past `limit` bytes. */
export async function readLimitedStream(stream: AsyncIterable<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) throw new FileReadProblem("standard input", `it is more than the ${formatBytes(limit)} allowed`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
