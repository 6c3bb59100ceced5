// `leaflets serve`: starts the nurses' page on this computer and prints its address. Builds the page on
// the first run if `npm install` did not. Keeps accounts and the audit trail in --data DIR; refuses to listen
// on the network when nobody could be asked to sign in. Logs JSON lines (pino) with request ids to stderr.
import { networkInterfaces } from "node:os";
import type { Command } from "commander";
import { pino } from "pino";
import { DEFAULT_DATA_DIR } from "../../service/dataDir.ts";
import { UnsafeListenError } from "../../service/serviceErrors.ts";
import { buildPage, pageIsBuilt } from "../../web/buildPage.ts";
import { startServer } from "../../web/startServer.ts";
import { EXIT } from "../exitCodes.ts";
import type { Runner } from "../runner.ts";
import { UsageError } from "../usageError.ts";
import { renderTimeoutMs } from "./documentOptions.ts";
import { checkQueueUrl } from "./queueBatch.ts";

interface ServeFlags {
  port: string;
  host: string;
  timeout?: string;
  data: string;
  trustProxy?: string[];
  userHeader?: string;
  queue?: string;
}

/** How long in-flight renders and downloads may take to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 30_000;

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
    .action((flags: ServeFlags) => run(() => serve(flags)));
}

async function serve(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes a whole number from 0 to 65535 (got "${flags.port}")`);
  }
  const timeoutMs = renderTimeoutMs(flags.timeout);
  if (Boolean(flags.trustProxy?.length) !== Boolean(flags.userHeader)) {
    throw new UsageError("--trust-proxy and --user-header go together: the proxy's address and the header it sets");
  }
  if (flags.queue) checkQueueUrl(flags.queue);
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const logger = pino({ base: { service: "leaflets" } }, pino.destination(2));
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
      log: (line) => logger.info(line),
      logRequest: (entry) => logger.info(entry, "request"),
      debug: Boolean(process.env.LEAFLETS_DEBUG),
      renderTimeoutMs: timeoutMs,
      dataDir: flags.data,
      trustProxy: flags.trustProxy ?? [],
      ...(flags.userHeader ? { userHeader: flags.userHeader } : {}),
      ...(flags.queue ? { queue: flags.queue } : {}),
    });
  } catch (error) {
    if (error instanceof UnsafeListenError) throw new UsageError(error.message);
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
      `Listening on ${flags.host}: everyone signs in. Serve it through a TLS reverse proxy (docs/deploy.md); ` +
        "plain HTTP on a network exposes passwords and patient data.",
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  logger.info("stopping: letting renders in progress finish, then deleting batch files that were not downloaded");
  await server.close({ graceMs: SHUTDOWN_GRACE_MS });
  logger.flush();
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
