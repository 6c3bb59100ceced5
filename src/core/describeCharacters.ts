// Says which characters of a text are a problem without repeating them: by Unicode block ("3 characters
// in the CJK Unified Ideographs block") or, outside the blocks listed, by general category ("1 control
// character"). A name or a date of birth must never reach a terminal, a log or a report, not even in part.

/** Unicode blocks (Blocks.txt names) that a name the fonts cannot print is most likely to come from. */
const BLOCKS: [number, number, string][] = [
  [0x0370, 0x03ff, "Greek and Coptic"],
  [0x0400, 0x04ff, "Cyrillic"],
  [0x0530, 0x058f, "Armenian"],
  [0x0590, 0x05ff, "Hebrew"],
  [0x0600, 0x06ff, "Arabic"],
  [0x0700, 0x074f, "Syriac"],
  [0x0750, 0x077f, "Arabic Supplement"],
  [0x0780, 0x07bf, "Thaana"],
  [0x0900, 0x097f, "Devanagari"],
  [0x0980, 0x09ff, "Bengali"],
  [0x0a00, 0x0a7f, "Gurmukhi"],
  [0x0a80, 0x0aff, "Gujarati"],
  [0x0b80, 0x0bff, "Tamil"],
  [0x0c00, 0x0c7f, "Telugu"],
  [0x0c80, 0x0cff, "Kannada"],
  [0x0d00, 0x0d7f, "Malayalam"],
  [0x0d80, 0x0dff, "Sinhala"],
  [0x0e00, 0x0e7f, "Thai"],
  [0x0e80, 0x0eff, "Lao"],
  [0x0f00, 0x0fff, "Tibetan"],
  [0x1000, 0x109f, "Myanmar"],
  [0x10a0, 0x10ff, "Georgian"],
  [0x1100, 0x11ff, "Hangul Jamo"],
  [0x1200, 0x137f, "Ethiopic"],
  [0x13a0, 0x13ff, "Cherokee"],
  [0x1780, 0x17ff, "Khmer"],
  [0x1800, 0x18af, "Mongolian"],
  [0x1e00, 0x1eff, "Latin Extended Additional"],
  [0x2000, 0x206f, "General Punctuation"],
  [0x20a0, 0x20cf, "Currency Symbols"],
  [0x2100, 0x214f, "Letterlike Symbols"],
  [0x2190, 0x21ff, "Arrows"],
  [0x2200, 0x22ff, "Mathematical Operators"],
  [0x2300, 0x23ff, "Miscellaneous Technical"],
  [0x2460, 0x24ff, "Enclosed Alphanumerics"],
  [0x2500, 0x257f, "Box Drawing"],
  [0x25a0, 0x25ff, "Geometric Shapes"],
  [0x2600, 0x26ff, "Miscellaneous Symbols"],
  [0x2700, 0x27bf, "Dingbats"],
  [0x2e80, 0x2eff, "CJK Radicals Supplement"],
  [0x3000, 0x303f, "CJK Symbols and Punctuation"],
  [0x3040, 0x309f, "Hiragana"],
  [0x30a0, 0x30ff, "Katakana"],
  [0x3100, 0x312f, "Bopomofo"],
  [0x3130, 0x318f, "Hangul Compatibility Jamo"],
  [0x3400, 0x4dbf, "CJK Unified Ideographs Extension A"],
  [0x4e00, 0x9fff, "CJK Unified Ideographs"],
  [0xa000, 0xa48f, "Yi Syllables"],
  [0xac00, 0xd7af, "Hangul Syllables"],
  [0xe000, 0xf8ff, "Private Use Area"],
  [0xf900, 0xfaff, "CJK Compatibility Ideographs"],
  [0xfb50, 0xfdff, "Arabic Presentation Forms-A"],
  [0xfe70, 0xfeff, "Arabic Presentation Forms-B"],
  [0xff00, 0xffef, "Halfwidth and Fullwidth Forms"],
  [0x1f000, 0x1f02f, "Mahjong Tiles"],
  [0x1f0a0, 0x1f0ff, "Playing Cards"],
  [0x1f100, 0x1f1ff, "Enclosed Alphanumeric Supplement"],
  [0x1f300, 0x1f5ff, "Miscellaneous Symbols and Pictographs"],
  [0x1f600, 0x1f64f, "Emoticons"],
  [0x1f680, 0x1f6ff, "Transport and Map Symbols"],
  [0x1f900, 0x1f9ff, "Supplemental Symbols and Pictographs"],
  [0x1fa70, 0x1faff, "Symbols and Pictographs Extended-A"],
  [0x20000, 0x2a6df, "CJK Unified Ideographs Extension B"],
];

/** General categories, for characters outside the blocks above: [test, singular, plural]. */
const CATEGORIES: [RegExp, string, string][] = [
  [/^[\n\r\u0085\v\f]$/u, "line break", "line breaks"],
  [/^\p{Cc}$/u, "control character", "control characters"],
  [
    /^[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]$/u,
    "bidirectional control character (e.g. U+202E)",
    "bidirectional control characters (e.g. U+202E)",
  ],
  [/^[\u200B-\u200D\u2060\uFEFF]$/u, "zero-width character", "zero-width characters"],
  [/^\p{Cf}$/u, "invisible formatting character", "invisible formatting characters"],
  [/^[\p{Zl}\p{Zp}]$/u, "line or paragraph separator", "line or paragraph separators"],
  [/^\p{Cs}$/u, "lone surrogate (not a character)", "lone surrogates (not characters)"],
  [/^\p{Co}$/u, "private-use character", "private-use characters"],
  [/^\p{Cn}$/u, "unassigned code point", "unassigned code points"],
  [/^\p{M}$/u, "combining mark", "combining marks"],
  [/^\p{S}$/u, "symbol", "symbols"],
  [/^\p{P}$/u, "punctuation character", "punctuation characters"],
  [/^\p{Z}$/u, "space character", "space characters"],
  [/^\p{N}$/u, "digit or number character", "digit or number characters"],
  [/^\p{L}$/u, "letter", "letters"],
];

/** What kind of character this is, without showing it; invisible kinds win over blocks (U+202E is "bidirectional"). */
function kindOf(char: string): { singular: string; plural: string } {
  for (const [test, singular, plural] of CATEGORIES.slice(0, 7)) if (test.test(char)) return { singular, plural };
  const code = char.codePointAt(0) ?? 0;
  const block = BLOCKS.find(([from, to]) => code >= from && code <= to);
  if (block) return { singular: `character in the ${block[2]} block`, plural: `characters in the ${block[2]} block` };
  for (const [test, singular, plural] of CATEGORIES.slice(7)) if (test.test(char)) return { singular, plural };
  return { singular: "character", plural: "characters" };
}

/** "3 characters in the CJK Unified Ideographs block and 1 symbol": every character counted, none shown. */
export function describeCharacters(chars: Iterable<string>): string {
  const counts = new Map<string, { count: number; singular: string; plural: string }>();
  for (const char of chars) {
    const kind = kindOf(char);
    const entry = counts.get(kind.singular) ?? { count: 0, ...kind };
    entry.count += 1;
    counts.set(kind.singular, entry);
  }
  const parts = [...counts.values()].map((e) => `${e.count} ${e.count === 1 ? e.singular : e.plural}`);
  return parts.length <= 1 ? (parts[0] ?? "no characters") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
