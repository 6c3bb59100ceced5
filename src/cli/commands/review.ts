// `leaflets review status|show|approve|reject|source`: a pharmacist's sign-off per section and language,
// recorded in locales/reviews/*.jsonl (src/review/). Unknown names are refused with the known ones
// listed (exit 2); an approval the validator objects to is refused (exit 1) unless --override says why.
import type { Command } from "commander";
import { ReviewInputError, UsageError } from "../../core/errors.ts";
import type { SectionStatus } from "../../review/reviewStatus.ts";
import { EXIT } from "../shared/exitCodes.ts";
import { projectFolder } from "../shared/projectFolder.ts";
import type { Runner } from "../shared/runner.ts";

interface CommonFlags {
  project?: string;
  json?: boolean;
}
interface TargetFlags extends CommonFlags {
  lang?: string;
  drug?: string;
  section?: string;
}
interface DecisionFlags extends TargetFlags {
  by?: string;
  role?: string;
  note?: string;
  override?: string;
  date?: string;
}

const PROJECT = [
  "--project <dir>",
  "the project folder (holding locales/ and templates/); default: this installation",
] as const;
const DATE = ["--date <YYYY-MM-DD>", "the day of the decision (default: today)"] as const;

export function registerReview(program: Command, run: Runner): void {
  const review = program
    .command("review")
    .summary("a pharmacist's review and sign-off, per section and language")
    .description(
      "Review the texts section by section: see where each stands, compare a translation with its source, " +
        "approve or reject it (bound to the exact strings: any later change makes the review stale), and record " +
        "the version of a source as checked. Records are kept in locales/reviews/*.jsonl, one line per decision.",
    );

  review
    .command("status")
    .description(
      "each section of each medicine in each language: source wording, unreviewed, approved, rejected or stale",
    )
    .option("--lang <code>", "one language")
    .option("--drug <id>", "one medicine")
    .option("--json", "print one JSON object")
    .option(...PROJECT)
    .action((flags: TargetFlags) =>
      run(async () => {
        const lib = await import("../actions/reviewLibrary.ts");
        const catalog = lib.loadCatalogOrThrow(projectFolder(flags.project));
        guard(() => lib.checkTarget(catalog, flags.lang, flags.drug));
        const statuses = [...catalog.locales.keys()]
          .filter((l) => !flags.lang || l === flags.lang)
          .flatMap((l) =>
            [...catalog.drugs.keys()]
              .filter((d) => !flags.drug || d === flags.drug)
              .flatMap((d) => lib.reviewStatus(catalog, l, d)),
          );
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ok: true, sections: statuses })}\n`);
          return EXIT.ok;
        }
        const lines = statuses.map((s) => `${s.language}  ${s.drug.padEnd(13)} ${s.section.padEnd(12)} ${describe(s)}`);
        process.stdout.write(`${lines.join("\n")}\n`);
        return EXIT.ok;
      }, flags.json),
    );

  review
    .command("show")
    .description("a section's source and translation side by side, string by string, with the validator's findings")
    .requiredOption("--lang <code>", "the language")
    .requiredOption("--drug <id>", "the medicine")
    .requiredOption("--section <id>", "the section (see `review status`)")
    .option("--json", "print one JSON object")
    .option(...PROJECT)
    .action((flags: TargetFlags) =>
      run(async () => {
        const lib = await import("../actions/reviewLibrary.ts");
        const catalog = lib.loadCatalogOrThrow(projectFolder(flags.project));
        const [status] = guard(() => lib.selectSections(catalog, flags.lang ?? "", flags.drug ?? "", flags.section));
        if (!status) throw new UsageError("no such section");
        const comparison = lib.compareSection(catalog, status);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ok: true, ...comparison })}\n`);
          return EXIT.ok;
        }
        const out = [`${status.drug} (${status.language}), section ${status.section}: ${describe(status)}`];
        out.push(
          `Checked against: ${comparison.sourceLanguage}${comparison.sourceLanguage === status.language ? " (the source's own wording)" : ""}`,
        );
        for (const row of comparison.rows) {
          out.push("", `[${row.key}]`, `  ${comparison.sourceLanguage}: ${row.source ?? "(missing)"}`);
          if (comparison.sourceLanguage !== status.language)
            out.push(`  ${status.language}: ${row.text ?? "(missing)"}`);
        }
        out.push("", comparison.findings.length ? "Validator findings:" : "Validator findings: none");
        for (const f of comparison.findings) out.push(`  - ${f.file} [${f.key}]: ${f.message}`);
        if (comparison.history.length) {
          out.push("", "History:");
          for (const d of comparison.history)
            out.push(
              `  ${d.date} ${d.decision} by ${d.by}, ${d.role}${d.note ? `: ${d.note}` : ""}${d.override ? ` (override: ${d.override})` : ""}`,
            );
        }
        process.stdout.write(`${out.join("\n")}\n`);
        return EXIT.ok;
      }, flags.json),
    );

  for (const verb of ["approve", "reject"] as const) {
    const command = review
      .command(verb)
      .description(
        verb === "approve"
          ? "approve a section (or, without --section, every section not yet approved) of a medicine in a language"
          : "reject a section, with a note saying what is wrong; it prints as unreviewed",
      )
      .requiredOption("--lang <code>", "the language")
      .requiredOption("--drug <id>", "the medicine")
      .option("--section <id>", verb === "approve" ? "one section (default: all not yet approved)" : "the section")
      .option("--by <name>", "the reviewer's name (1–100 printable characters)")
      .option("--role <role>", "pharmacist, physician or nurse", "pharmacist")
      .option("--note <text>", verb === "approve" ? "a note" : "what is wrong (required)")
      .option(...DATE)
      .option("--json", "print one JSON object")
      .option(...PROJECT);
    if (verb === "approve")
      command.option("--override <reason>", "approve despite the validator's findings, saying why");
    command.action((flags: DecisionFlags) =>
      run(async () => {
        const lib = await import("../actions/reviewLibrary.ts");
        const catalog = lib.loadCatalogOrThrow(projectFolder(flags.project));
        const input = {
          language: flags.lang ?? "",
          drug: flags.drug ?? "",
          ...(flags.section === undefined ? {} : { section: flags.section }),
          by: flags.by ?? "",
          role: flags.role ?? "pharmacist",
          date: flags.date ?? today(),
          ...(flags.note === undefined ? {} : { note: flags.note }),
          ...(flags.override === undefined ? {} : { override: flags.override }),
        };
        const written = guard(() => (verb === "approve" ? lib.approve(catalog, input) : lib.reject(catalog, input)));
        if (flags.json) process.stdout.write(`${JSON.stringify({ ok: true, decisions: written })}\n`);
        else if (written.length === 0) process.stdout.write("Every section is approved already; nothing recorded.\n");
        else {
          for (const d of written)
            process.stdout.write(
              `${d.language} ${input.drug} ${d.section}: ${d.decision} by ${d.by}, ${d.role}, ${d.date}\n`,
            );
        }
        return EXIT.ok;
      }, flags.json),
    );
  }

  review
    .command("source")
    .description("record the version of a source as a named person checked it; the leaflet prints it")
    .requiredOption("--source <id>", "the source (as named in the locale files' _meta.sources)")
    .requiredOption("--version <text>", 'the version the source states, e.g. "2025-03 (EMA)"')
    .option("--by <name>", "who checked it (1–100 printable characters)")
    .option("--role <role>", "pharmacist, physician or nurse", "pharmacist")
    .option(...DATE)
    .option("--json", "print one JSON object")
    .option(...PROJECT)
    .action((flags: CommonFlags & { source: string; version: string; by?: string; role?: string; date?: string }) =>
      run(async () => {
        const lib = await import("../actions/reviewLibrary.ts");
        const catalog = lib.loadCatalogOrThrow(projectFolder(flags.project));
        const record = guard(() =>
          lib.recordSourceVersion(catalog, {
            source: flags.source,
            version: flags.version,
            by: flags.by ?? "",
            role: flags.role ?? "pharmacist",
            date: flags.date ?? today(),
          }),
        );
        if (flags.json) process.stdout.write(`${JSON.stringify({ ok: true, record })}\n`);
        else
          process.stdout.write(
            `${record.source}: version "${record.version}" recorded by ${record.by}, ${record.date}\n`,
          );
        return EXIT.ok;
      }, flags.json),
    );
}

/** Input errors of the review library become invocation errors (exit 2) here. */
function guard<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ReviewInputError) throw new UsageError(error.message);
    throw error;
  }
}

function describe(s: SectionStatus): string {
  const d = s.decision;
  switch (s.state) {
    case "source":
      return "source wording";
    case "unreviewed":
      return `translation, unreviewed (checked against ${s.sourceLanguage})`;
    case "approved":
      return `approved by ${d?.by}, ${d?.role}, ${d?.date}${d?.override ? ` (override: ${d.override})` : ""}`;
    case "rejected":
      return `rejected by ${d?.by}, ${d?.role}, ${d?.date}: ${d?.note}`;
    case "stale":
      return `STALE: approved by ${d?.by}, ${d?.date}, but the ${s.changed?.includes("text") ? "text" : ""}${s.changed?.length === 2 ? " and the " : ""}${s.changed?.includes("source") ? `${s.sourceLanguage} source` : ""} changed since`;
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
