// `leaflets list`: what the project can print — medicines, regimens, languages and brands.
import type { Command } from "commander";
import { EXIT } from "../shared/exitCodes.ts";
import { projectFolder } from "../shared/projectFolder.ts";
import type { Runner } from "../shared/runner.ts";

export function registerList(program: Command, run: Runner): void {
  program
    .command("list")
    .summary("show medicines, regimens, languages and brands")
    .description("Show what an order can name: medicines (drug), regimens, languages and brands.")
    .option("--json", "print one JSON object")
    .option("--project <dir>", "the project folder (holding locales/ and templates/); default: this installation")
    .action((flags: { json?: boolean; project?: string }) =>
      run(async () => {
        // Loaded when the command runs, not when the CLI starts (`leaflets --help` needs none of it).
        const { loadCatalogOrThrow } = await import("../../catalog/loadCatalog.ts");
        const { describeDeclaration } = await import("../../catalog/orderFieldDeclarations.ts");
        const { isPrintable } = await import("../../catalog/printableLanguages.ts");
        const { contentSha256, contentVersionLabel } = await import("../../review/contentVersion.ts");
        const { ledgerFor, overallState, reviewStatus } = await import("../../review/reviewStatus.ts");
        const catalog = loadCatalogOrThrow(projectFolder(flags.project));
        const ledger = ledgerFor(catalog);
        const listing = {
          drugs: [...catalog.drugs.values()].map((d) => ({
            id: d.id,
            brandName: d.brandName,
            // The order fields the drug file declares, each described in words.
            orderFields: Object.fromEntries(
              Object.entries(d.orderFields).map(([name, field]) => [name, describeDeclaration(field)]),
            ),
          })),
          regimens: [...catalog.regimens.values()].map((r) => ({
            id: r.id,
            drug: r.drug,
            plan: r.kind === "cycles" ? `${r.cycleDays}-day cycles` : `visits every ${r.repeat.everyDays} days`,
          })),
          languages: [...catalog.locales.values()].map((l) => {
            // Per medicine: the review state and content version; a brand that requires review cannot print
            // a language whose text for some medicine is not signed off.
            const review = Object.fromEntries(
              [...catalog.drugs.values()].map((d) => {
                const statuses = reviewStatus(catalog, l.language, d.id, ledger);
                const approvals = statuses.flatMap((s) =>
                  s.state === "approved" && s.decision ? [s.decision.date] : [],
                );
                const regimen = [...catalog.regimens.values()].find((r) => r.drug === d.id)?.id ?? "";
                const sha = contentSha256(catalog, { languages: [l.language], drug: d.id, regimen });
                const open = statuses.filter((s) => !["approved", "source"].includes(s.state)).map((s) => s.section);
                return [
                  d.id,
                  {
                    state: overallState(statuses),
                    open,
                    contentVersion: contentVersionLabel(approvals.sort().at(-1), sha),
                  },
                ];
              }),
            );
            const signedOff = Object.values(review).every((r) => r.open.length === 0);
            const notPrintableFor = [...catalog.brands.values()]
              .filter((b) => b.requireReview && !signedOff)
              .map((b) => b.id);
            return { code: l.language, name: l.meta.name, printable: isPrintable(l), notPrintableFor, review };
          }),
          brands: [...catalog.brands.values()].map((b) => ({ id: b.id, name: b.name })),
        };
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(listing)}\n`);
          return EXIT.ok;
        }
        const lines = [
          "Medicines (drug):",
          ...listing.drugs.flatMap((d) => [
            `  ${d.id.padEnd(16)} ${d.brandName}`,
            ...Object.entries(d.orderFields).map(([name, what]) => `    ${name.padEnd(14)} ${what}`),
          ]),
          "Regimens (regimen):",
          ...listing.regimens.map((r) => `  ${r.id.padEnd(16)} ${r.drug}, ${r.plan}`),
          "Languages (language):",
          ...listing.languages.map(
            (l) =>
              `  ${l.code.padEnd(16)} ${l.name}${l.printable ? "" : "  (translated; not printable yet: right-to-left)"}${
                l.notPrintableFor.length ? `  (not printable for ${l.notPrintableFor.join(", ")}: review required)` : ""
              }  review: ${Object.entries(l.review)
                .map(([drug, r]) => `${drug} ${r.state} (${r.contentVersion})`)
                .join(", ")}`,
          ),
          "Brands (brand):",
          ...listing.brands.map((b) => `  ${b.id.padEnd(16)} ${b.name}`),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        return EXIT.ok;
      }, flags.json),
    );
}
