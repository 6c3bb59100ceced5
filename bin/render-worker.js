// Entry point of a batch render worker thread: loads the TypeScript sources through tsx, then runs the worker.
import { register } from "tsx/esm/api";

// React's production build, as in bin/leaflets.js (a worker started from the library gets it too).
process.env.NODE_ENV ??= "production";
register();
await import("../src/batch/renderWorker.ts");
