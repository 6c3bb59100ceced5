// `batch --merge`: print jobs made from the files a batch wrote, in input order, per language:
// - print-leaflets-<lang>-<part>.pdf: every leaflet, one after the other (each page names its patient),
//   each starting on a front page: a leaflet with an odd page count gets a blank back page that carries
//   its patient number (pipeline/duplexPadding.ts), so no sheet printed double-sided holds two patients;
// - print-cards-<lang>-<part>.pdf: sheets (A4: ten, Letter: eight) of different patients' ID-1 cards, fronts on one page
//   and mirrored backs on the next, with crop marks in the gaps (the cards are imposed with pdf-lib).
// The lists of files wait in small text files, so memory does not grow with the number of rows.
import { appendFileSync, createReadStream, existsSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { PDFDocument, PDFName, rgb } from "pdf-lib";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { InternalError, PdfUnreadableError } from "../core/errors.ts";
import type { PaperSize } from "../order/orderTypes.ts";
import { writeFileWhole } from "../output/writeFileWhole.ts";
import { appendBlankBackPage, blankBackPageText } from "../pipeline/duplexPadding.ts";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardsPerSheet,
  MM,
  type SheetLayout,
  sheetFor,
  sheetSlot,
} from "../render/card/cardGeometry.ts";
import { appendTaggedPages, startTaggedJob } from "../render/tags/mergeStructure.ts";

/** Leaflets per merged file, and cards per merged file: print jobs of a size printers take well. */
const LEAFLETS_PER_PART = 500;
const CARDS_PER_PART = 500;

type JobKind = "leaflets" | "cards";

export class PrintJobCollector {
  private readonly lists = new Map<string, { kind: JobKind; language: string; path: string }>();

  constructor(private readonly outDir: string) {}

  /** Remembers a row's files for the print jobs (file names say drug, kind and language; a bilingual
   * leaflet's both languages, "tr-nl", make a print job of their own). */
  add(files: string[]): void {
    for (const file of files) {
      const match = /^[a-z0-9-]+-(leaflet|card)-([a-z]{2}(?:-[a-z]{2})?)\.pdf$/.exec(basename(file));
      if (!match) throw new InternalError(`no print job for the file name ${basename(file)}`);
      const kind: JobKind = match[1] === "leaflet" ? "leaflets" : "cards";
      const language = match[2] as string;
      const key = `${kind}-${language}`;
      let list = this.lists.get(key);
      if (!list) {
        list = { kind, language, path: join(this.outDir, `.print-${key}.list`) };
        rmSync(list.path, { force: true });
        this.lists.set(key, list);
      }
      appendFileSync(list.path, `${file}\n`);
    }
  }

  jobs(): { kind: JobKind; language: string; path: string }[] {
    return [...this.lists.values()].sort((a, b) => `${a.kind}${a.language}`.localeCompare(`${b.kind}${b.language}`));
  }

  dispose(): void {
    for (const list of this.lists.values()) rmSync(list.path, { force: true });
  }
}

/** `paper`: the batch's paper, which the cards are imposed on too (10 cards on A4, 8 on Letter). */
export async function mergePrintJobs(
  collector: PrintJobCollector,
  catalog: Catalog,
  paper: PaperSize = "A4",
): Promise<string[]> {
  const sheet = sheetFor(paper);
  const written: string[] = [];
  for (const job of collector.jobs()) {
    const size = job.kind === "leaflets" ? LEAFLETS_PER_PART : CARDS_PER_PART;
    let part = 0;
    for await (const files of chunks(job.path, size)) {
      part += 1;
      const out = join(dirnameOf(job.path), `print-${job.kind}-${job.language}-${String(part).padStart(3, "0")}.pdf`);
      const bytes =
        job.kind === "leaflets"
          ? await concatenate(files, job.language, catalog)
          : await imposeCards(files, job.language, sheet);
      await writeFileWhole(out, Buffer.from(bytes));
      written.push(out);
    }
  }
  return written;
}

/** The job's language is the leaflet's, or "tr-nl" for a bilingual one (both on the blank back page). */
async function concatenate(files: string[], language: string, catalog: Catalog): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle(`Print job: leaflets (${language})`);
  const [patientLanguage = language, secondLanguage] = language.split("-");
  const meta = { creationDate: new Date(0), creator: "patient-leaflets" };
  for (const [i, file] of files.entries()) {
    const source = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    // Tagged leaflets make a tagged job: each leaflet's structure is carried over (tags/mergeStructure.ts).
    if (i === 0 && source.catalog.has(PDFName.of("StructTreeRoot"))) startTaggedJob(merged, patientLanguage);
    appendTaggedPages(merged, source);
    // Every leaflet before this one ends on a back page, so an odd total means this one does not.
    // The folder is named after the patient id (ids are restricted to characters that keep it intact).
    const patientId = basename(dirname(file));
    await appendBlankBackPage(merged, blankBackPageText(catalog, patientLanguage, secondLanguage, patientId), meta);
  }
  return merged.save();
}

/** Ten cards a sheet (A4; eight on Letter): each card's page 1 at its slot on the front page, page 2 at the
 * mirrored slot behind. */
async function imposeCards(files: string[], language: string, layout: SheetLayout): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle(`Print job: patient cards (${language})`);
  const perSheet = cardsPerSheet(layout);
  for (let start = 0; start < files.length; start += perSheet) {
    const sheet = files.slice(start, start + perSheet);
    const front = merged.addPage([layout.width, layout.height]);
    const back = merged.addPage([layout.width, layout.height]);
    for (const [i, file] of sheet.entries()) {
      const [frontFace, backFace] = await merged.embedPdf(readFileSync(file), [0, 1]);
      if (!frontFace || !backFace) throw new PdfUnreadableError(`${basename(file)} is not a two-page card`);
      for (const [page, face, side] of [
        [front, frontFace, "front"],
        [back, backFace, "back"],
      ] as const) {
        const slot = sheetSlot(i, side, layout);
        const y = layout.height - slot.y - CARD_HEIGHT;
        page.drawPage(face, { x: slot.x, y, width: CARD_WIDTH, height: CARD_HEIGHT });
        drawCropMarks(page, slot.x, y);
      }
    }
  }
  return merged.save();
}

/** Hairline marks along the card's edges, in the 3 mm gaps, clear of the neighbouring cards. */
function drawCropMarks(page: ReturnType<PDFDocument["addPage"]>, x: number, y: number): void {
  const offset = 0.5 * MM;
  const length = 2 * MM;
  const black = rgb(0, 0, 0);
  for (const cx of [x, x + CARD_WIDTH]) {
    for (const cy of [y, y + CARD_HEIGHT]) {
      const outX = cx === x ? -1 : 1;
      const outY = cy === y ? -1 : 1;
      const hx = cx + outX * offset;
      page.drawLine({ start: { x: hx, y: cy }, end: { x: hx + outX * length, y: cy }, thickness: 0.3, color: black });
      const vy = cy + outY * offset;
      page.drawLine({ start: { x: cx, y: vy }, end: { x: cx, y: vy + outY * length }, thickness: 0.3, color: black });
    }
  }
}

async function* chunks(listPath: string, size: number): AsyncGenerator<string[]> {
  if (!existsSync(listPath)) return;
  let chunk: string[] = [];
  for await (const line of createInterface({
    input: createReadStream(listPath),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (!line) continue;
    chunk.push(line);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function dirnameOf(path: string): string {
  return path.slice(0, path.length - basename(path).length);
}
