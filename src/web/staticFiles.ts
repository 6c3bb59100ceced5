// Serves the built page (web/dist): index.html for the page's own paths, hashed assets (scripts, styles,
// the pdf.js worker) with long caching. Only files inside the folder are served; no directory listings.
import { createReadStream, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { BASE_HEADERS, httpError } from "./http.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export async function serveStatic(root: string, pathname: string, res: ServerResponse, head: boolean): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw httpError(400, "(request)", "the address is not valid");
  }
  const relativePath = normalize(decoded).replace(/^([/\\])+/, "");
  let file = join(root, relativePath);
  if (!file.startsWith(root + sep) && file !== root) throw httpError(404, "(request)", "no such page");
  let stats = statOrUndefined(file);
  const isPageRoute = !extname(relativePath);
  if ((!stats || stats.isDirectory()) && isPageRoute) {
    file = join(root, "index.html");
    stats = statOrUndefined(file);
  }
  if (!stats?.isFile()) throw httpError(404, "(request)", "no such file");
  res.writeHead(200, {
    ...BASE_HEADERS,
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": stats.size,
    "cache-control": relativePath.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (head) {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
