// Request bodies with size limits: an order (JSON, 1 MB) is read into memory; a CSV upload (20 MB) is
// streamed to a file. Over the limit is 413, malformed JSON 400, each with a message that says what to do
// and never quotes the body. A refused body is read to its end first so the client sees the answer.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
import { ORDER_LIMIT_BYTES as ORDER_BYTES, parseOrderJson } from "../input/parseOrderJson.ts";
import { HttpError, httpError, mediaType } from "./http.ts";

export const MB = 1024 * 1024;
export const ORDER_LIMIT_BYTES = ORDER_BYTES;
export const CSV_LIMIT_BYTES = 20 * MB;
/** Past this much, a refused body is not read further: the connection is closed after the answer. */
const DRAIN_LIMIT_BYTES = 64 * MB;

/** Reads one JSON value from the body (an order), refusing bodies over `limit` bytes or not JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number = ORDER_LIMIT_BYTES): Promise<unknown> {
  const type = mediaType(req);
  if (type !== "application/json") {
    await drain(req);
    throw httpError(
      415,
      "(request)",
      `send the order as JSON with Content-Type: application/json (got ${type ? `"${type}"` : "no Content-Type"})`,
    );
  }
  const chunks: Buffer[] = [];
  await readLimited(req, limit, "the order", (chunk) => {
    chunks.push(chunk);
  });
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0 || bytes.toString("latin1").trim() === "") {
    throw httpError(400, "(order)", "the request has no body; send one JSON object with the order's fields");
  }
  const parsed = parseOrderJson(bytes, "the request body");
  if (!parsed.ok) throw new HttpError(400, parsed.problems);
  return parsed.fields;
}

/** Streams the body into `path`, refusing it (413) past `limit` bytes. Returns the number of bytes written. */
export async function saveBodyToFile(
  req: IncomingMessage,
  path: string,
  limit: number = CSV_LIMIT_BYTES,
): Promise<number> {
  const file = createWriteStream(path, { mode: 0o600 });
  let failure: Error | undefined;
  file.on("error", (error) => {
    failure = error;
  });
  let written = 0;
  try {
    await readLimited(req, limit, "the file", async (chunk) => {
      if (failure) throw failure;
      written += chunk.length;
      if (!file.write(chunk)) await once(file, "drain");
    });
  } finally {
    await new Promise<void>((resolve) => file.end(() => resolve()));
  }
  if (failure) throw failure;
  return written;
}

/**
 * Passes the body to `sink` chunk by chunk (waiting for each), and throws 413 once it passes `limit`. The
 * rest of a refused body is read and dropped (up to a point), so the client can read the answer.
 */
function readLimited(
  req: IncomingMessage,
  limit: number,
  what: string,
  sink: (chunk: Buffer) => void | Promise<void>,
): Promise<void> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return drain(req).then((drained) => {
      throw tooLarge(limit, what, drained);
    });
  }
  return new Promise((resolve, reject) => {
    let received = 0;
    let refused: Error | undefined;
    let writing: Promise<void> = Promise.resolve();
    const settle = (error: Error | undefined) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      req.off("error", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (refused) {
        if (received > DRAIN_LIMIT_BYTES) {
          req.pause();
          settle(tooLarge(limit, what, false));
        }
        return;
      }
      if (received > limit) {
        refused = tooLarge(limit, what, true);
        return;
      }
      req.pause();
      writing = writing
        .then(() => sink(chunk))
        .then(
          () => {
            req.resume();
          },
          (error: Error) => {
            refused = error;
            req.resume();
          },
        );
    };
    const onEnd = () => void writing.then(() => settle(refused));
    const onClose = () => {
      if (!req.readableEnded) settle(httpError(400, "(request)", "the request was cut off before its end"));
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("close", onClose);
    req.once("error", onClose);
  });
}

function tooLarge(limit: number, what: string, drained: boolean): HttpError {
  const hint =
    what === "the order"
      ? "one order is a few hundred bytes: send a single order as a JSON object"
      : "split the file into smaller ones (about 50,000 rows a file) and send them one at a time";
  return new HttpError(
    413,
    [{ field: "(request)", message: `${what} is larger than ${limit / MB} MB, the most this page accepts; ${hint}` }],
    drained ? {} : { connection: "close" },
  );
}

/** Reads and discards the rest of a refused body (up to a limit), so the client gets to read the answer. */
export function drain(req: IncomingMessage): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT_BYTES) finish(false);
    };
    const finish = (ended: boolean) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onEnd);
      if (!ended) req.pause();
      resolve(ended);
    };
    const onEnd = () => finish(true);
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onEnd);
    req.resume();
  });
}
