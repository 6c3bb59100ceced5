// A finished batch's results as one zip stream (yazl): report.json and report.csv with paths made relative
// to the zip, each patient's folder (PDFs and manifest) and the merged print jobs, if any.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Readable } from "node:stream";
import { ZipFile } from "yazl";

const REPORTS = ["report.json", "report.csv"];

/** Streams the zip of `outDir`; `inputPath` and `outDir` are written out of the reports as `inputName` and "". */
export function zipResults(outDir: string, inputPath: string, inputName: string): Readable {
  const zip = new ZipFile();
  for (const report of REPORTS) {
    const text = readFileSync(join(outDir, report), "utf8");
    zip.addBuffer(Buffer.from(relativePaths(text, outDir, inputPath, inputName)), report);
  }
  for (const file of filesUnder(outDir)) {
    const name = relative(outDir, file).split(sep).join("/");
    if (REPORTS.includes(name)) continue;
    zip.addFile(file, name);
  }
  zip.end();
  return zip.outputStream as Readable;
}

/** Paths in a report as they are inside the zip: "T-0001/pomalidomide-leaflet-en.pdf". */
export function relativePaths(text: string, outDir: string, inputPath: string, inputName: string): string {
  const jsonName = JSON.stringify(inputName).slice(1, -1);
  return text.split(JSON.stringify(inputPath).slice(1, -1)).join(jsonName).split(`${outDir}${sep}`).join("");
}

/** Every regular file below `dir`, sorted; hidden files (a batch's working lists, temporary files) are left out. */
function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(".") || entry.name.endsWith(".tmp") || entry.name.endsWith(".partial")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
