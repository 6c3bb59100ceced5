// The work of `leaflets serve`, loaded only when that command runs (its options: ../commands/serve.ts).
import { networkInterfaces } from "node:os";
import { pino } from "pino";
import { UnsafeListenError, UsageError } from "../../core/errors.ts";
import { buildPage, pageIsBuilt } from "../../web/buildPage.ts";
import { startServer } from "../../web/startServer.ts";
import { checkQueueUrl, renderTimeoutMs, type ServeFlags } from "../shared/commandFlags.ts";
import { EXIT } from "../shared/exitCodes.ts";

/** How long in-flight renders and downloads may take to finish after SIGTERM. */
const SHUTDOWN_GRACE_MS = 30_000;

export async function serve(flags: ServeFlags): Promise<number> {
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
