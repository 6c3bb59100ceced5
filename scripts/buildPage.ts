// `npm run build:web` (and `prepare`, so `npm install` does it): builds the nurses' page into web/dist when
// its sources changed since the last build. `--force` builds anyway.
import { buildPage, ensurePageBuilt } from "../src/web/buildPage.ts";

const log = (line: string) => process.stderr.write(`${line}\n`);
let built = true;
if (process.argv.includes("--force")) await buildPage(log);
else built = await ensurePageBuilt(log);
log(built ? "The nurses' page was built (web/dist)." : "The nurses' page is up to date (web/dist).");
