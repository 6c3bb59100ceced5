// Entry point of a batch render worker thread: loads the TypeScript sources through tsx, then runs the worker.
import { register } from "tsx/esm/api";

register();
await import("../src/batch/renderWorker.ts");
