#!/usr/bin/env node
// Entry point of the `leaflets` command: loads the TypeScript sources through tsx and hands over to the CLI.
import { register } from "tsx/esm/api";

// React's production build: the development build checks every element it creates, which made up about
// a sixth of rendering time. Set before React loads (it chooses its build once); a value already set wins.
process.env.NODE_ENV ??= "production";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
