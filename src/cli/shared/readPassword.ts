// Reads a password for `leaflets users`: one line from standard input (--password-stdin, for scripts), or a
// prompt on the terminal that shows nothing as it is typed, asked twice to catch a typing mistake.
import { createInterface } from "node:readline";
import { UsageError } from "../../core/errors.ts";

export async function readPassword(fromStdin: boolean, confirm: boolean): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
    if (line === "") throw new UsageError("no password on standard input");
    return line;
  }
  if (!process.stdin.isTTY) throw new UsageError("no terminal to ask for the password: use --password-stdin");
  const first = await prompt("Password: ");
  if (confirm && (await prompt("Again: ")) !== first) throw new UsageError("the two passwords differ");
  return first;
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    process.stderr.write(question);
    output._writeToOutput = () => {};
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}
