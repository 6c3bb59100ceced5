// Entry point of a batch render worker thread: runs the compiled worker when its parent runs the build
// (LEAFLETS_RUN, see chooseRuntime.js), else the TypeScript sources through tsx.
import { chooseRuntime, importEntry } from "./chooseRuntime.js";

// React's production build, as in bin/leaflets.js (a worker started from the library gets it too).
process.env.NODE_ENV ??= "production";
await importEntry(chooseRuntime({ quiet: true }), "workers/renderWorker");
