// A file written whole or not at all: the bytes go to a temporary name beside it (NAME.<digits>, which
// removeStaleTemporaryFiles clears after a crash), are flushed to the disk, then renamed over NAME.
// Not write-file-atomic: its single write() does not check how much was written, and on a full disk
// (a short write, no error) it renamed a truncated PDF into place. fs.writeFile writes until every byte
// is down or fails with the disk's error (ENOSPC), and the temporary file is then removed.
import { rename, rm, writeFile } from "node:fs/promises";

let counter = 0;

export async function writeFileWhole(path: string, data: Uint8Array | string): Promise<void> {
  counter = (counter + 1) % 1_000_000;
  const temporary = `${path}.${process.pid}${String(counter).padStart(6, "0")}`;
  try {
    await writeFile(temporary, data, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
