// A module loader hook for tests: `node --import ./test/helpers/recordLoads.mjs …` appends the URL of every
// module the process resolves (ES modules and, from Node 20's hooks, the CommonJS ones they import) to the
// file named by LEAFLETS_LOADS_FILE, one a line. Shows what a command loaded, e.g. whether it pulled in
// react-pdf. The hooks run on their own thread and cannot send messages back, so they write to a file.
// A require() of a module's own (createRequire) does not pass the hooks in Node 20: those are recorded
// on this thread, from CommonJS's resolver.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";

const file = process.env.LEAFLETS_LOADS_FILE;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const path = resolveFilename.apply(this, args);
  if (file && isAbsolute(path)) appendFileSync(file, `${pathToFileURL(path).href}\n`);
  return path;
};

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from "node:fs";
    const file = process.env.LEAFLETS_LOADS_FILE;
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      if (file) appendFileSync(file, result.url + "\\n");
      return result;
    }`)}`,
);
