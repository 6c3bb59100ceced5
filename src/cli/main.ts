// The `leaflets` command line: a thin layer that parses options, calls the library and reports.
// Only this folder prints or decides exit codes.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerAudit } from "./commands/audit.ts";
import { registerBatch } from "./commands/batch.ts";
import { registerGenerate } from "./commands/generate.ts";
import { registerList } from "./commands/list.ts";
import { registerReview } from "./commands/review.ts";
import { registerServe } from "./commands/serve.ts";
import { registerUsers } from "./commands/users.ts";
import { registerValidate } from "./commands/validate.ts";
import { registerWorker } from "./commands/worker.ts";
import { EXIT } from "./shared/exitCodes.ts";
import { createRunner } from "./shared/runner.ts";

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const run = createRunner((code) => {
    exitCode = code;
  });
  const program = new Command("leaflets")
    .description("Personalised, print-ready patient leaflets for cancer medicines, in the patient's language.")
    // Positional: `leaflets --version` is the program's, `leaflets review source --version X` the command's own.
    .enablePositionalOptions()
    .version(packageVersion(), "-V, --version", "print the version of leaflets")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", "\nStart with:  leaflets generate --demo        (writes output/DEMO-0001/…)");
  registerGenerate(program, run);
  registerBatch(program, run);
  registerList(program, run);
  registerValidate(program, run);
  registerServe(program, run);
  registerUsers(program, run);
  registerAudit(program, run);
  registerWorker(program, run);
  registerReview(program, run);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const done = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
      return done ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}

/** The version in package.json (two folders up from this module, in src/ and in the build in dist/ alike). */
function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return json.version;
}
