// `leaflets list`: what the project can print — medicines, regimens, languages and brands.
import type { Command } from "commander";
import { loadCatalogOrThrow } from "../../catalog/loadCatalog.ts";
import { isPrintable } from "../../content/printableLanguages.ts";
import { EXIT } from "../exitCodes.ts";
import type { Runner } from "../runner.ts";

export function registerList(program: Command, run: Runner): void {
  program
    .command("list")
    .summary("show medicines, regimens, languages and brands")
    .description("Show what an order can name: medicines (drug), regimens, languages and brands.")
    .option("--json", "print one JSON object")
    .action((flags: { json?: boolean }) =>
      run(async () => {
        const catalog = loadCatalogOrThrow();
        const listing = {
          drugs: [...catalog.drugs.values()].map((d) => ({ id: d.id, brandName: d.brandName })),
          regimens: [...catalog.regimens.values()].map((r) => ({
            id: r.id,
            drug: r.drug,
            plan: r.kind === "cycles" ? `${r.cycleDays}-day cycles` : `visits every ${r.repeat.everyDays} days`,
          })),
          languages: [...catalog.locales.values()].map((l) => ({
            code: l.language,
            name: l.meta.name,
            printable: isPrintable(l),
          })),
          brands: [...catalog.brands.values()].map((b) => ({ id: b.id, name: b.name })),
        };
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(listing)}\n`);
          return EXIT.ok;
        }
        const lines = [
          "Medicines (drug):",
          ...listing.drugs.map((d) => `  ${d.id.padEnd(16)} ${d.brandName}`),
          "Regimens (regimen):",
          ...listing.regimens.map((r) => `  ${r.id.padEnd(16)} ${r.drug}, ${r.plan}`),
          "Languages (language):",
          ...listing.languages.map(
            (l) =>
              `  ${l.code.padEnd(16)} ${l.name}${l.printable ? "" : "  (translated; not printable yet: right-to-left)"}`,
          ),
          "Brands (brand):",
          ...listing.brands.map((b) => `  ${b.id.padEnd(16)} ${b.name}`),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        return EXIT.ok;
      }, flags.json),
    );
}
