#!/usr/bin/env node
// Entry point of the `leaflets` command: runs the compiled build in dist/ (or, when it is out of date,
// the TypeScript sources through tsx: see chooseRuntime.js) and hands over to the CLI.
import { chooseRuntime, importEntry } from "./chooseRuntime.js";

// React's production build: the development build checks every element it creates, which made up about
// a sixth of rendering time. Set before React loads (it chooses its build once); a value already set wins.
process.env.NODE_ENV ??= "production";
let runtime;
try {
  runtime = chooseRuntime();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const { main } = await importEntry(runtime, "cli/main");
process.exitCode = await main(process.argv);
