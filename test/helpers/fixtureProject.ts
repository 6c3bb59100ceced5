// A project folder holding the fictional medicine of test/fixtures/medicine-project: a copy of the shipped
// data files (projectCopy) with only the fixture's languages, its files laid over, and its common.json
// fragments merged into the copy's. Removed by removeProjectCopies() after the test.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectCopy } from "./projectCopy.ts";

export const FIXTURE_PROJECT = join(import.meta.dirname, "../fixtures/medicine-project");

export function fixtureProject(): string {
  const root = projectCopy();
  const languages = readdirSync(join(FIXTURE_PROJECT, "locales"));
  for (const language of readdirSync(join(root, "locales"))) {
    const dir = join(root, "locales", language);
    if (language !== "reviews" && statSync(dir).isDirectory() && !languages.includes(language)) {
      rmSync(dir, { recursive: true });
    }
  }
  for (const file of filesUnder(join(FIXTURE_PROJECT, "templates")).concat(
    filesUnder(join(FIXTURE_PROJECT, "locales")),
  )) {
    const target = join(root, relative(FIXTURE_PROJECT, file));
    if (file.endsWith(".json") && existsSync(target)) {
      writeFileSync(target, JSON.stringify(merge(readJson(target), readJson(file)), null, 2));
    } else cpSync(file, target);
  }
  return root;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

type Json = { [key: string]: unknown };

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

/** `extra`'s keys added to `base`, objects merged key by key. */
function merge(base: Json, extra: Json): Json {
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const existing = result[key];
    result[key] =
      typeof existing === "object" && existing !== null && typeof value === "object" && value !== null
        ? merge(existing as Json, value as Json)
        : value;
  }
  return result;
}
