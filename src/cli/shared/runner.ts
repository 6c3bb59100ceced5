// Runs a command's action and turns what it throws into a message and an exit code, in one place.
// Messages carry fields, files and keys, never patient names or dates of birth.
import { describeProblem } from "../../core/errors.ts";
import { EXIT_CODE_OF } from "./exitCodes.ts";

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
  const problem = describeProblem(error);
  // A value that is not a LeafletError: its own message, on the local terminal only (the server and the
  // reports show only its kind).
  const message =
    problem.detail === undefined
      ? problem.message
      : `internal error: ${problem.detail} (set LEAFLETS_DEBUG=1 for details)`;
  if (json) {
    const errors = problem.detail === undefined ? problem.problems : [{ field: "(document)", message }];
    process.stdout.write(`${JSON.stringify({ ok: false, errors })}\n`);
  } else {
    process.stderr.write(`leaflets: ${message}\n`);
    if (problem.hint) process.stderr.write(`${problem.hint}\n`);
  }
  if (problem.internal && process.env.LEAFLETS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  return EXIT_CODE_OF[problem.exit];
}
