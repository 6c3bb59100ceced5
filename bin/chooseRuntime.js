// Decides whether a bin runs the compiled build (dist/) or the TypeScript sources through tsx. The build
// when it is fresh; the sources, with a one-line warning, when src/ changed since the build or nothing was
// built. LEAFLETS_RUN=source forces the sources; LEAFLETS_RUN=build insists on the build and fails when it
// is out of date. The choice is left in LEAFLETS_RUN, so render workers and child processes follow it.
import { buildState } from "./buildStamp.js";

const WHY = { stale: "src/ changed since the last build", missing: "nothing has been built in dist/" };

/** "build" or "source"; `quiet` for workers (their parent has already said it). */
export function chooseRuntime({ quiet = false } = {}) {
  const asked = process.env.LEAFLETS_RUN;
  if (asked === "source") return "source";
  const state = asked === "build" && quiet ? "fresh" : buildState();
  if (state === "fresh") {
    process.env.LEAFLETS_RUN = "build";
    return "build";
  }
  if (asked === "build") {
    throw new Error(`leaflets: LEAFLETS_RUN=build, but ${WHY[state]}: run \`npm run build\``);
  }
  if (!quiet) {
    process.stderr.write(`leaflets: ${WHY[state]}; running the sources through tsx (slower; \`npm run build\`)\n`);
  }
  process.env.LEAFLETS_RUN = "source";
  return "source";
}

/** Imports a module of the build (dist/<path>.js) or of the sources (src/<path>.ts[x]). */
export async function importEntry(runtime, path, extension = ".ts") {
  if (runtime === "build") {
    // Stack traces name the .ts lines (the build's source maps), for the modules loaded from here on.
    process.setSourceMapsEnabled(true);
    return import(`../dist/${path}.js`);
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import(`../src/${path}${extension}`);
}
