// Builds the page (web/ → web/dist) with Vite when it is missing or its sources changed: `npm install` runs
// this (the `prepare` script) and `leaflets serve` does on its first run, so nobody has to know about it.
// The build goes to a temporary folder and then takes dist's place, so a running server never sees half a build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../catalog/loadCatalog.ts";

export const WEB_DIR = join(PROJECT_ROOT, "web");
export const DIST_DIR = join(WEB_DIR, "dist");
const STAMP = ".source-hash";
/** The packages that end up in the built page: a new version means a new build. */
const BUILD_PACKAGES = ["vite", "@vitejs/plugin-react", "react", "react-dom", "react-pdf", "i18next", "react-i18next"];

/** Whether web/dist holds a build of the current sources. */
export function pageIsBuilt(): boolean {
  const stamp = join(DIST_DIR, STAMP);
  return existsSync(join(DIST_DIR, "index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash();
}

/** Builds the page into web/dist (quietly; Vite's warnings go to `log`). */
export async function buildPage(log: (line: string) => void = () => {}): Promise<void> {
  const hash = sourceHash();
  const temporary = join(WEB_DIR, `.dist-build-${process.pid}-${Date.now()}`);
  const { build } = await import("vite");
  try {
    await build({
      root: WEB_DIR,
      configFile: join(WEB_DIR, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: temporary, emptyOutDir: true },
    });
    writeFileSync(join(temporary, STAMP), hash);
    rmSync(DIST_DIR, { recursive: true, force: true });
    renameSync(temporary, DIST_DIR);
  } catch (error) {
    log(`The page could not be built: ${(error as Error).message}`);
    throw error;
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Builds the page unless web/dist is current. Returns whether it built. */
export async function ensurePageBuilt(log?: (line: string) => void): Promise<boolean> {
  if (pageIsBuilt()) return false;
  await buildPage(log);
  return true;
}

/** A hash of every source file of the page and of the versions of the packages bundled into it. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(WEB_DIR)) {
    hash.update(relative(WEB_DIR, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  const require = createRequire(join(PROJECT_ROOT, "package.json"));
  for (const name of BUILD_PACKAGES) {
    let version = "missing";
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // Not installed: the build will say so.
    }
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest("hex");
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "dist" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
