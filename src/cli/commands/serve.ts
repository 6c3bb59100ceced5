// `leaflets serve`: starts the nurses' page on this computer and prints its address. Builds the page on
// the first run if `npm install` did not. Binding to anything but loopback prints a warning: there is no login.
import { networkInterfaces } from "node:os";
import type { Command } from "commander";
import { buildPage, pageIsBuilt } from "../../web/buildPage.ts";
import { startServer } from "../../web/startServer.ts";
import { EXIT } from "../exitCodes.ts";
import type { Runner } from "../runner.ts";
import { UsageError } from "../usageError.ts";
import { checkQueueUrl } from "./queueBatch.ts";

interface ServeFlags {
  port: string;
  host: string;
  queue?: string;
}

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
    .option("--queue <url>", "send the page's renders to `leaflets worker` machines through this Redis queue")
    .addHelpText(
      "after",
      "\nExamples:\n  leaflets serve                      then open http://127.0.0.1:4321/\n" +
        "  leaflets serve --port 8080\n\nThe page has no login: keep it on 127.0.0.1 unless the network is trusted.",
    )
    .action((flags: ServeFlags) => run(() => serve(flags)));
}

async function serve(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes a whole number from 0 to 65535 (got "${flags.port}")`);
  }
  if (flags.queue) checkQueueUrl(flags.queue);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (!pageIsBuilt()) {
    say("Building the page (first run, or the page's sources changed; a few seconds)…");
    try {
      await buildPage(say);
    } catch {
      throw new UsageError("the page could not be built; run `npm install` and try again");
    }
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: flags.host,
      log: say,
      debug: Boolean(process.env.LEAFLETS_DEBUG),
      ...(flags.queue ? { queue: flags.queue } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new UsageError(`port ${port} is already in use; start with --port ${port + 1}`);
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
      throw new UsageError(`cannot listen on ${flags.host}: this computer has no such address`);
    }
    if (code === "EACCES") throw new UsageError(`not allowed to listen on port ${port}; choose a port above 1023`);
    throw error;
  }
  process.stdout.write(`The nurses' page is at ${server.url}  (Ctrl+C stops it)\n`);
  if (!server.loopback) {
    const addresses = networkAddresses(flags.host, server.port);
    if (addresses.length > 0) process.stdout.write(`On the network: ${addresses.join("  ")}\n`);
    say(
      `WARNING: listening on ${flags.host}: anyone who can reach this computer on port ${server.port} can use the ` +
        "page and see what is typed into it. The page has no login. Use --host 127.0.0.1 unless this network is trusted.",
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  say("Stopping: deleting batch files that were not downloaded.");
  await server.close();
  return EXIT.ok;
}

/** For a wildcard address (0.0.0.0, ::), the addresses other computers can use. */
function networkAddresses(host: string, port: number): string[] {
  if (host !== "0.0.0.0" && host !== "::") return [];
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && entry.family === "IPv4")
    .map((entry) => `http://${entry?.address}:${port}/`);
}
