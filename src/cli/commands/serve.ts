// `leaflets serve`: starts the nurses' page on this computer and prints its address. Builds the page on
// the first run if `npm install` did not. Keeps accounts and the audit trail in --data DIR; refuses to listen
// on the network when nobody could be asked to sign in. Logs JSON lines (pino) with request ids to stderr.
import type { Command } from "commander";
import { DEFAULT_DATA_DIR } from "../../service/dataDir.ts";
import type { ServeFlags } from "../shared/commandFlags.ts";
import type { Runner } from "../shared/runner.ts";

export function registerServe(program: Command, run: Runner): void {
  program
    .command("serve")
    .summary("start the nurses' page: a form, a live preview, Print and Download, batches")
    .description(
      "Start the nurses' page on this computer: fill in an order in a form, see the leaflet and card as they " +
        "will print, print or download them (the same PDFs `generate` writes), or upload a CSV batch. " +
        "Patient data stays in memory; a batch's files are kept in a temporary folder until downloaded or for an hour.",
    )
    .option("--port <number>", "port to listen on (0: any free port)", "4321")
    .option(
      "--host <address>",
      "address to listen on; anything but 127.0.0.1/localhost opens the page to the network",
      "127.0.0.1",
    )
    .option("--timeout <seconds>", "a preview or download whose render takes longer gets a 503 (default 60)")
    .option("--data <dir>", "data folder: accounts, sessions and the audit trail (one SQLite file)", DEFAULT_DATA_DIR)
    .option("--trust-proxy <address...>", "reverse proxies (single sign-on) whose user header is believed")
    .option("--user-header <name>", "the header a trusted proxy names the signed-in user in, e.g. X-Remote-User")
    .option("--queue <url>", "send the page's renders to `leaflets worker` machines through this Redis queue")
    .addHelpText(
      "after",
      "\nExamples:\n  leaflets serve                      then open http://127.0.0.1:4321/\n" +
        "  leaflets serve --port 8080\n" +
        "  leaflets serve --host 0.0.0.0 --data /var/lib/leaflets          (after `leaflets users add …`)\n" +
        "  leaflets serve --trust-proxy 10.0.0.5 --user-header X-Remote-User\n\n" +
        "Without accounts the page has no sign-in and listens on 127.0.0.1 only. See docs/deploy.md.",
    )
    .action((flags: ServeFlags) => run(async () => (await import("../actions/serve.ts")).serve(flags)));
}
