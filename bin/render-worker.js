// Entry point of a batch render worker thread: loads the TypeScript sources through tsx, then runs the worker.
import { register } from "tsx/esm/api";

// React's production build: the development build checks every element it creates, which made up about
// a sixth of rendering time. Set before React loads (it chooses its build once); a value already set wins.
process.env.NODE_ENV ??= "production";
register();
await import("../src/batch/renderWorker.ts");
