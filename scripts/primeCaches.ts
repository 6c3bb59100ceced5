// Part of `npm run build`: fills the command's disk cache (src/cache/diskCache.ts) with what a fresh
// process would otherwise make at its first use: the fonts' coverage table and every document template
// compiled with its partials. Each entry is keyed on the hash of what it is made from, so priming is only
// a head start: a process that finds no entry (or a stale one) makes it itself.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../src/catalog/loadCatalog.ts";
import { fontCoverage } from "../src/render/fonts.ts";
import { compileDocumentTemplate } from "../src/template/createTemplateEngine.ts";

export function primeCaches(): void {
  fontCoverage();
  const templatesDir = join(PROJECT_ROOT, "templates");
  for (const folder of ["leaflets", "cards"]) {
    for (const name of readdirSync(join(templatesDir, folder)).filter((n) => n.endsWith(".hbs"))) {
      compileDocumentTemplate(templatesDir, `${folder}/${name}`);
    }
  }
}
