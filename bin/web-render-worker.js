// Entry point of the nurses' page render worker thread: loads the TypeScript sources through tsx, then runs it.
import { register } from "tsx/esm/api";

register();
await import("../src/web/renderWorker.ts");
