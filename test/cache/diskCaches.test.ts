// The disk cache's entries (src/cache/diskCache.ts): the fonts' coverage table and the compiled
// templates give exactly what making them afresh gives, are keyed on what they are made from (a stale or
// damaged entry is never used), and a cache that cannot be written costs nothing but speed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Handlebars from "handlebars";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { compileWithCache } from "../../src/document/templateCache.ts";
import {
  coverageEntryName,
  coverageFromFonts,
  coverageKey,
  loadCoverage,
} from "../../src/render/text/fontCoverageCache.ts";
import { COVERAGE_FONTS } from "../../src/render/text/fonts.ts";

const dirs: string[] = [];
const saved = process.env.LEAFLETS_CACHE_DIR;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "leaflets-cache-test-"));
  dirs.push(dir);
  process.env.LEAFLETS_CACHE_DIR = dir;
});
afterAll(() => {
  if (saved === undefined) delete process.env.LEAFLETS_CACHE_DIR;
  else process.env.LEAFLETS_CACHE_DIR = saved;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the fonts' coverage table", () => {
  const fresh = coverageFromFonts(COVERAGE_FONTS);

  test("from the table it is the fonts' own coverage, Latin, Cyrillic and Arabic in, CJK out", () => {
    expect(fresh.has("Ł".codePointAt(0) as number)).toBe(true);
    expect(fresh.has("ж".codePointAt(0) as number)).toBe(true);
    expect(fresh.has("ب".codePointAt(0) as number)).toBe(true);
    expect(fresh.has("漢".codePointAt(0) as number)).toBe(false);
    expect([...loadCoverage(COVERAGE_FONTS)].sort()).toEqual([...fresh].sort()); // made, then stored
    const file = join(dir, coverageEntryName(coverageKey(COVERAGE_FONTS)));
    expect(JSON.parse(readFileSync(file, "utf8")).ranges.length).toBeGreaterThan(10);
    expect([...loadCoverage(COVERAGE_FONTS)].sort()).toEqual([...fresh].sort()); // read back
  });

  test("a table whose key is not the fonts' (or that is damaged) is not used", () => {
    const key = coverageKey(COVERAGE_FONTS);
    const file = join(dir, coverageEntryName(key));
    writeFileSync(file, JSON.stringify({ key: "0".repeat(32), ranges: [[0x6f22, 0x6f22]] }));
    expect(loadCoverage(COVERAGE_FONTS).has(0x6f22)).toBe(false);
    writeFileSync(file, "{ damaged");
    expect(loadCoverage(COVERAGE_FONTS).size).toBe(fresh.size);
  });

  test("the key follows the font files' bytes", () => {
    const other = join(dir, "other.ttf");
    const [regular, bold] = COVERAGE_FONTS.weights as [string[], string[]];
    writeFileSync(other, readFileSync(regular[0] as string).subarray(0, 1000));
    expect(coverageKey({ weights: [[other], bold] })).not.toBe(coverageKey(COVERAGE_FONTS));
  });

  test("a cache folder that cannot be written: the coverage is still right", () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    process.env.LEAFLETS_CACHE_DIR = join(file, "cache"); // under a file: no folder can be made there
    expect(loadCoverage(COVERAGE_FONTS).size).toBe(fresh.size);
    expect(readdirSync(dir)).toEqual(["a-file"]);
  });
});

describe("compiled templates", () => {
  const sources = {
    main: "<p>{{name}} {{> greeting}}</p>",
    partials: [["greeting", "takes {{dose}} mg"]] as [string, string][],
  };
  const run = (src = sources) => {
    const hbs = Handlebars.create();
    const compiled = compileWithCache(hbs, src, { strict: true });
    for (const [name, partial] of compiled.partials) hbs.registerPartial(name, partial);
    return (context: object) => compiled.main(context);
  };

  test("the cached template prints what the fresh one prints, strict in its partials too", () => {
    expect(run()({ name: "Zoë <b>", dose: 4 })).toBe("<p>Zoë &lt;b&gt; takes 4 mg</p>");
    expect(readdirSync(dir)).toHaveLength(1);
    expect(run()({ name: "Zoë <b>", dose: 4 })).toBe("<p>Zoë &lt;b&gt; takes 4 mg</p>"); // from the entry
    expect(() => run()({ name: "Zoë" })).toThrow(/"dose" not defined/);
  });

  test("an edited partial is compiled afresh; a damaged entry is made again", () => {
    run();
    const edited = { ...sources, partials: [["greeting", "takes {{dose}} mg daily"]] as [string, string][] };
    expect(run(edited)({ name: "A", dose: 2 })).toBe("<p>A takes 2 mg daily</p>");
    expect(readdirSync(dir)).toHaveLength(2);
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"key":"x"');
    expect(run()({ name: "A", dose: 2 })).toBe("<p>A takes 2 mg</p>");
  });
});

describe("shaped words kept by the build", () => {
  test("a run read back from the store is the run fontkit makes (Latin by word, Arabic whole)", async () => {
    const fontkit = await import("fontkit");
    const { FONT_FILES, ARABIC_FONT_FILES } = await import("../../src/render/text/fonts.ts");
    const { rememberShaping } = await import("../../src/render/text/shapingCache.ts");
    const { ShapingStore, recordShaping, saveShapingStores } = await import("../../src/render/text/shapingStore.ts");
    type Font = import("../../src/render/text/shapingCache.ts").ShapingFont;
    const plain = (run: unknown) => {
      const r = run as { glyphs: { id: number; codePoints: number[] }[]; positions: object[]; advanceWidth: number };
      return { glyphs: r.glyphs.map((g) => [g.id, ...g.codePoints]), positions: r.positions, width: r.advanceWidth };
    };
    const cases: [string, string, string, boolean][] = [
      [FONT_FILES.regular, "Dexamethasone 40 mg: 1 December 2026 ﬁnal office", "ltr", true],
      [ARABIC_FONT_FILES.regular, "خذ بوماليدوميد مرة واحدة يوميًا", "rtl", false],
    ];
    const open = (file: string) => fontkit.openSync(file) as unknown as Font;
    recordShaping();
    for (const [file, text, direction, byWord] of cases) {
      const recorder = open(file);
      rememberShaping(recorder, { byWord, store: ShapingStore.forFont(file) });
      recorder.layout(text, undefined, undefined, undefined, direction);
    }
    saveShapingStores();
    expect(readdirSync(dir).filter((n) => n.startsWith("shaping-"))).toHaveLength(2);
    for (const [file, text, direction, byWord] of cases) {
      const reader = open(file);
      let shapedAfresh = 0;
      const layout = reader.layout.bind(reader);
      reader.layout = (...args) => {
        if (args[0] !== "") shapedAfresh++;
        return layout(...args);
      };
      rememberShaping(reader, { byWord, store: ShapingStore.forFont(file) });
      const expected = plain(open(file).layout(text, undefined, undefined, undefined, direction));
      expect(plain(reader.layout(text, undefined, undefined, undefined, direction))).toEqual(expected);
      expect(shapedAfresh).toBe(0); // every piece came from the store
    }
  });
});
