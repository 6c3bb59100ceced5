// `leaflets validate`: checks every locale, template, regimen and brand file; lists each problem with
// its file and key; exit 1 if there is any.
import type { Command } from "commander";
import type { ConfigProblem } from "../../core/configProblem.ts";
import { EXIT } from "../shared/exitCodes.ts";
import { projectFolder } from "../shared/projectFolder.ts";
import type { Runner } from "../shared/runner.ts";

export function registerValidate(program: Command, run: Runner): void {
  program
    .command("validate")
    .summary("check locales, templates, regimens and brands")
    .description(
      "Check every shipped data file: regimens, brands (colour contrast too), locale files (provenance, " +
        "missing or empty keys, markup left in text, characters the fonts cannot print) and every template " +
        "in every language, and the pharmacists' reviews (a stale review is a warning, or a problem when a brand " +
        "has requireReview). Each problem is listed with its file and key; exit code 1 if there is any.",
    )
    .option("--json", "print one JSON object with the problems (and warnings)")
    .option("--project <dir>", "the project folder (holding locales/ and templates/); default: this installation")
    .action((flags: { json?: boolean; project?: string }) =>
      run(async () => {
        // Loaded when the command runs, not when the CLI starts (`leaflets --help` needs none of it).
        const { validateProject } = await import("../../validate/validateProject.ts");
        const warnings: ConfigProblem[] = [];
        const problems = await validateProject(projectFolder(flags.project), warnings);
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ ok: problems.length === 0, problems, ...(warnings.length ? { warnings } : {}) })}\n`,
          );
          return problems.length === 0 ? EXIT.ok : EXIT.refused;
        }
        for (const w of warnings)
          process.stdout.write(`warning: ${w.file}${w.key ? ` [${w.key}]` : ""}: ${w.message}\n`);
        if (problems.length === 0) {
          process.stdout.write("All locales, templates, regimens and brands are valid.\n");
        } else {
          for (const p of problems) process.stdout.write(`${p.file}${p.key ? ` [${p.key}]` : ""}: ${p.message}\n`);
          process.stdout.write(`${problems.length} problem${problems.length === 1 ? "" : "s"} found.\n`);
        }
        return problems.length === 0 ? EXIT.ok : EXIT.refused;
      }, flags.json),
    );
}
