// Compiled document templates kept on disk, so a fresh process does not parse and compile every
// Handlebars template again (about a tenth of a cold `generate`). A template and its partials are
// precompiled together into one cache entry named by the hash of their texts, the compile options and
// the Handlebars version: an edited template or partial, or another Handlebars, is compiled afresh.
// An entry that cannot be read or evaluated is ignored and made again; the cached and the fresh path both
// run the same precompiled code, so they cannot print differently.
import { createHash } from "node:crypto";
import Handlebars from "handlebars";
import { readCacheEntry, writeCacheEntry } from "../cache/diskCache.ts";

/** Bump when the entry's layout changes. */
const FORMAT = 1;

export interface TemplateSources {
  main: string;
  /** Partials by name, each compiled with the same options as the template. */
  partials: [name: string, text: string][];
}

export interface CompiledTemplates {
  main: Handlebars.TemplateDelegate;
  partials: [name: string, template: Handlebars.TemplateDelegate][];
}

interface Entry {
  key: string;
  main: string;
  partials: [string, string][];
}

/** The template and its partials, compiled for `hbs` (from the cache when an entry for these texts exists). */
export function compileWithCache(
  hbs: typeof Handlebars,
  sources: TemplateSources,
  options: CompileOptions,
): CompiledTemplates {
  const key = cacheKey(sources, options);
  const name = `template-${key}.json`;
  const cached = readEntry(name, key);
  if (cached) {
    try {
      return load(hbs, cached);
    } catch {
      // a damaged entry: made again below
    }
  }
  const entry: Entry = {
    key,
    main: Handlebars.precompile(sources.main, options) as string,
    partials: sources.partials.map(([partial, text]) => [partial, Handlebars.precompile(text, options) as string]),
  };
  writeCacheEntry(name, `${JSON.stringify(entry)}\n`);
  return load(hbs, entry);
}

type CompileOptions = { strict: boolean };
type TemplateSpec = Parameters<typeof Handlebars.template>[0];

function cacheKey(sources: TemplateSources, options: CompileOptions): string {
  return createHash("sha256")
    .update(JSON.stringify({ format: FORMAT, handlebars: Handlebars.VERSION, options, sources }))
    .digest("hex")
    .slice(0, 32);
}

function readEntry(name: string, key: string): Entry | undefined {
  const text = readCacheEntry(name);
  if (text === undefined) return undefined;
  try {
    const entry = JSON.parse(text) as Entry;
    return entry.key === key && typeof entry.main === "string" && Array.isArray(entry.partials) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function load(hbs: typeof Handlebars, entry: Entry): CompiledTemplates {
  return {
    main: hbs.template(specOf(entry.main)),
    partials: entry.partials.map(([name, spec]) => [name, hbs.template(specOf(spec))]),
  };
}

/** A precompiled template's source (an object literal of functions) as the object Handlebars runs. */
function specOf(source: string): TemplateSpec {
  return new Function(`return ${source};`)() as TemplateSpec;
}
