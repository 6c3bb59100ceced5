// `npm run lint` (with biome): the house's import rules, read from the code's own imports by dpdm.
// 1. No import cycle between files of src/ (type-only imports count: a cycle of types is a cycle of ideas).
// 2. No two folders of src/ import each other (a folder and its subfolder included): each folder is a floor,
//    and arrows run one way only. Prints what breaks a rule, with the files and names to open; exit code 1.
import { relative } from "node:path";
import { parseCircular, parseDependencyTree } from "dpdm";

const tree = await parseDependencyTree(["src/**/*.ts", "src/**/*.tsx"], {
  context: process.cwd(),
  transform: false,
  skipDynamicImports: false,
});

const problems: string[] = [];
for (const cycle of parseCircular(tree)) problems.push(`import cycle: ${[...cycle, cycle[0]].join(" -> ")}`);

const folderOf = (file: string): string => file.slice(0, file.lastIndexOf("/"));
const folderArrows = new Map<string, string[]>();
for (const [issuer, dependencies] of Object.entries(tree)) {
  for (const dependency of dependencies ?? []) {
    const target = dependency.id;
    if (!target?.startsWith("src/")) continue;
    const from = folderOf(issuer);
    const to = folderOf(target);
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    folderArrows.set(key, [
      ...(folderArrows.get(key) ?? []),
      `${relative(from, issuer)} imports ${relative(to, target)}`,
    ]);
  }
}
for (const [key, examples] of folderArrows) {
  const [from, to] = key.split(" -> ") as [string, string];
  const back = folderArrows.get(`${to} -> ${from}`);
  if (!back || from > to) continue;
  problems.push(
    `folders import each other: ${from} <-> ${to}\n    ${from}: ${examples.join(", ")}\n    ${to}: ${back.join(", ")}`,
  );
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join("\n")}\n${problems.length} import rule(s) broken (scripts/checkImports.ts).\n`);
  process.exit(1);
}
process.stdout.write(`imports: no cycle, no two folders importing each other (${Object.keys(tree).length} files).\n`);
