// Runs a command's action and turns what it throws into a message and an exit code, in one place.
// Messages carry fields, files and keys, never patient names or dates of birth.
import { InputError } from "../../batch/inputErrors.ts";
import { ConfigError, LeafletError, OrderRefusedError, OutputError } from "../../core/errors.ts";
import { EXIT } from "./exitCodes.ts";
import { UsageError } from "./usageError.ts";

export type Runner = (action: () => Promise<number>, json?: boolean) => Promise<void>;

export function createRunner(setExitCode: (code: number) => void): Runner {
  return async (action, json) => {
    try {
      setExitCode(await action());
    } catch (error) {
      setExitCode(report(error, Boolean(json)));
    }
  };
}

function report(error: unknown, json: boolean): number {
  const code = exitCodeFor(error);
  if (json) {
    const errors =
      error instanceof OrderRefusedError
        ? error.problems
        : error instanceof ConfigError
          ? [{ field: `${error.file}${error.key ? `#${error.key}` : ""}`, message: error.message }]
          : [{ field: fieldOf(error), message: messageOf(error) }];
    process.stdout.write(`${JSON.stringify({ ok: false, errors })}\n`);
  } else {
    process.stderr.write(`leaflets: ${messageOf(error)}\n`);
    if (error instanceof LeafletError && error.hint) process.stderr.write(`${error.hint}\n`);
  }
  if (!(error instanceof LeafletError) && process.env.LEAFLETS_DEBUG)
    process.stderr.write(`${(error as Error).stack}\n`);
  return code;
}

function fieldOf(error: unknown): string {
  if (error instanceof UsageError) return "(invocation)";
  if (error instanceof InputError) return "(input)";
  return "(document)";
}

function exitCodeFor(error: unknown): number {
  if ([UsageError, ConfigError, OutputError, InputError].some((kind) => error instanceof kind)) return EXIT.usage;
  if (error instanceof LeafletError) return EXIT.refused;
  return EXIT.usage;
}

function messageOf(error: unknown): string {
  if (error instanceof LeafletError) return error.message;
  return `internal error: ${(error as Error).message ?? String(error)} (set LEAFLETS_DEBUG=1 for details)`;
}
