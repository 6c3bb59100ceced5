// The hostile inputs every entry point must refuse (or print safely): each with the bytes as they arrive,
// the field the refusal must name, and a patient name and date of birth that must never appear in any
// message, report or log. Shared by the hostile-input tests of validateOrder, the batch reader, the HTTP
// routes and the command line.

/** Patient data planted in the inputs: none of it may appear in what the program says. */
export const SECRET_NAME = "Wilhelmína Quaxley";
export const SECRET_BIRTH = "1961-07-19";
export const SECRETS = [SECRET_NAME, "Wilhelm", "Quaxley", SECRET_BIRTH, "1961", "07-19"];

/** A valid order (fixed dates) carrying the secret name and date of birth. */
export function secretOrder(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patientId: "H-0001",
    name: SECRET_NAME,
    drug: "pomalidomide",
    regimen: "pd-28",
    doseMg: 4,
    startDate: "2026-12-01",
    cycles: 1,
    pppCategory: "man",
    language: "en",
    dateOfBirth: SECRET_BIRTH,
    ...overrides,
  };
}

export interface HostileCase {
  title: string;
  /** The order's bytes (one JSON document). */
  bytes: Buffer;
  /** The field the refusal names. */
  field: string;
  /** What the message says, roughly. */
  message: RegExp;
}

const json = (order: Record<string, unknown>) => Buffer.from(JSON.stringify(order));
/** The order's JSON with `raw` spliced in before the closing brace (for what JSON.stringify cannot write). */
const withRaw = (raw: string | Buffer, order = secretOrder()) =>
  Buffer.concat([
    Buffer.from(JSON.stringify(order).slice(0, -1)),
    Buffer.from(","),
    Buffer.from(raw),
    Buffer.from("}"),
  ]);
/** The secret name with `bytes` inside it, as raw bytes in the JSON text. */
const nameWithBytes = (bytes: number[]) =>
  Buffer.concat([
    Buffer.from(`{"name":"Wilhelmína `),
    Buffer.from(bytes),
    Buffer.from(
      `Quaxley",${JSON.stringify(secretOrder())
        .slice(1)
        .replace(/"name":"[^"]*",/, "")}`,
    ),
  ]);

export const HOSTILE_ORDERS: HostileCase[] = [
  { title: "a duplicate doseMg", bytes: withRaw('"doseMg":3'), field: "doseMg", message: /given twice \(on line 1/ },
  {
    title: "a duplicate key inside contact",
    bytes: Buffer.from(
      JSON.stringify(secretOrder()).replace(
        /}$/,
        ',"contact":{"nurseLine":"+31 20 555 0101",\n"nurseLine":"+31 20 555 0102"}}',
      ),
    ),
    field: "contact.nurseLine",
    message: /given twice \(lines 1 and 2\)/,
  },
  {
    title: "bytes that are not UTF-8 (ff fe c3)",
    bytes: nameWithBytes([0xff, 0xfe, 0xc3]),
    field: "(order)",
    message: /not UTF-8/,
  },
  {
    title: "an overlong UTF-8 form of '/' (c0 af)",
    bytes: nameWithBytes([0xc0, 0xaf]),
    field: "(order)",
    message: /not UTF-8/,
  },
  {
    title: "an overlong 3-byte NUL (e0 80 80)",
    bytes: nameWithBytes([0xe0, 0x80, 0x80]),
    field: "(order)",
    message: /not UTF-8/,
  },
  {
    title: "a lone surrogate in CESU-8 (ed a0 80)",
    bytes: nameWithBytes([0xed, 0xa0, 0x80]),
    field: "(order)",
    message: /not UTF-8/,
  },
  {
    title: "an escaped lone surrogate (\\ud800)",
    bytes: withRaw('"x":1', secretOrder({ name: "Wilhelmína \ud800" })),
    field: "name",
    message: /lone surrogate/,
  },
  {
    title: "a BOM in the middle",
    bytes: Buffer.concat([Buffer.from("\uFEFF"), withRaw('"x":"\uFEFF"').subarray(0)]),
    field: "(order)",
    message: /byte order mark/,
  },
  {
    title: "a bidi override (U+202E) in the name",
    bytes: json(secretOrder({ name: "Wilhelmína \u202eQuaxley" })),
    field: "name",
    message: /1 bidirectional control character/,
  },
  {
    title: "a zero-width joiner in the name",
    bytes: json(secretOrder({ name: "Wilhelmína\u200dQuaxley" })),
    field: "name",
    message: /1 zero-width character/,
  },
  {
    title: "a zero-width space in the name",
    bytes: json(secretOrder({ name: "Wilhelmína\u200bQuaxley" })),
    field: "name",
    message: /1 zero-width character/,
  },
  {
    title: "a control character (BEL) in the name",
    bytes: json(secretOrder({ name: "Wilhelmína\u0007Quaxley" })),
    field: "name",
    message: /1 control character/,
  },
  {
    title: "a CJK name",
    bytes: json(secretOrder({ name: "王小明" })),
    field: "name",
    message: /3 characters in the CJK Unified Ideographs block/,
  },
  {
    title: "an emoji in the name",
    bytes: json(secretOrder({ name: "Wilhelmína 😀" })),
    field: "name",
    message: /1 character in the Emoticons block/,
  },
  {
    title: "a 10,000-character name",
    bytes: json(secretOrder({ name: "Quaxley".repeat(1429) })),
    field: "name",
    message: /longer than 100/,
  },
  {
    title: "a 10,000-character patient id",
    bytes: json(secretOrder({ patientId: "H".repeat(10_000) })),
    field: "patientId",
    message: /1–64/,
  },
  {
    title: "a 10,000-character drug",
    bytes: json(secretOrder({ drug: `${SECRET_NAME} `.repeat(500) })),
    field: "drug",
    message: /unknown medicine \(the value given is not an id\)/,
  },
  {
    title: "a doseMg written as text",
    bytes: json(secretOrder({ doseMg: "4" })),
    field: "doseMg",
    message: /number of milligrams/,
  },
  { title: "cycles as an array", bytes: json(secretOrder({ cycles: [1] })), field: "cycles", message: /whole number/ },
  {
    title: "a name as an object",
    bytes: json(secretOrder({ name: { first: SECRET_NAME } })),
    field: "name",
    message: /written as text/,
  },
  { title: "contact as a string", bytes: json(secretOrder({ contact: "x" })), field: "contact", message: /object/ },
  {
    title: "a 'constructor' key",
    bytes: withRaw('"constructor":{}'),
    field: "constructor",
    message: /not an order field/,
  },
  { title: "a 'toString' key", bytes: withRaw('"toString":"x"'), field: "toString", message: /not an order field/ },
  {
    title: "a '__proto__' key",
    bytes: withRaw('"__proto__":{"brand":"x"}'),
    field: "__proto__",
    message: /not an order field/,
  },
  {
    title: "a patient id starting with =",
    bytes: json(secretOrder({ patientId: "=HYPERLINK(1)" })),
    field: "patientId",
    message: /starting with a letter or digit/,
  },
  {
    title: "a patient id starting with +",
    bytes: json(secretOrder({ patientId: "+1" })),
    field: "patientId",
    message: /starting with a letter or digit/,
  },
  {
    title: "a patient id starting with -",
    bytes: json(secretOrder({ patientId: "-1" })),
    field: "patientId",
    message: /starting with a letter or digit/,
  },
  {
    title: "a patient id starting with @",
    bytes: json(secretOrder({ patientId: "@SUM(1)" })),
    field: "patientId",
    message: /starting with a letter or digit/,
  },
  {
    title: "a patient id starting with a tab",
    bytes: json(secretOrder({ patientId: "\tA1" })),
    field: "patientId",
    message: /starting with a letter or digit/,
  },
  {
    title: "a patient id starting with CR",
    bytes: json(secretOrder({ patientId: "\rA1" })),
    field: "patientId",
    message: /starting with a letter or digit/,
  },
  {
    title: "nesting 10,000 deep",
    bytes: withRaw(`"contact":${"[".repeat(10_000)}${"]".repeat(10_000)}`),
    field: "(order)",
    message: /nested deeper than 16 levels/,
  },
  {
    title: "a JSON array",
    bytes: Buffer.from(JSON.stringify([secretOrder()])),
    field: "(order)",
    message: /got a JSON array/,
  },
  { title: "an empty file", bytes: Buffer.alloc(0), field: "(order)", message: /empty/ },
  { title: "only a BOM and spaces", bytes: Buffer.from("\uFEFF  \n"), field: "(order)", message: /empty/ },
  {
    title: "a JSON string",
    bytes: Buffer.from(JSON.stringify(SECRET_NAME)),
    field: "(order)",
    message: /got a string/,
  },
  { title: "null", bytes: Buffer.from("null"), field: "(order)", message: /got null/ },
  {
    title: "a comment",
    bytes: Buffer.from(`// ${SECRET_NAME}\n${JSON.stringify(secretOrder())}`),
    field: "(order)",
    message: /not valid JSON at line 1/,
  },
  {
    title: "a trailing comma",
    bytes: Buffer.from(JSON.stringify(secretOrder()).replace(/}$/, ",}")),
    field: "(order)",
    message: /not valid JSON/,
  },
  {
    title: "a cut-off text",
    bytes: Buffer.from(`{"name":"${SECRET_NAME}`),
    field: "(order)",
    message: /not valid JSON/,
  },
  {
    title: "two objects",
    bytes: Buffer.from(`${JSON.stringify(secretOrder())}\n${JSON.stringify(secretOrder())}`),
    field: "(order)",
    message: /only one JSON value/,
  },
  {
    title: "a far-future start date",
    bytes: json(secretOrder({ startDate: "9999-06-01", cycles: 12 })),
    field: "startDate",
    message: /from 2000-01-01 to 2099-12-31/,
  },
  {
    title: "a year-0 date of birth",
    bytes: json(secretOrder({ dateOfBirth: "0000-01-01" })),
    field: "dateOfBirth",
    message: /from 1900-01-01 to 2099-12-31|not a date on the calendar/,
  },
  {
    title: "a date of birth in 1899",
    bytes: json(secretOrder({ dateOfBirth: "1899-12-31" })),
    field: "dateOfBirth",
    message: /from 1900-01-01 to 2099-12-31/,
  },
  {
    title: "a start date in 1999",
    bytes: json(secretOrder({ startDate: "1999-12-31" })),
    field: "startDate",
    message: /from 2000-01-01 to 2099-12-31/,
  },
  {
    title: "a start date in 2100",
    bytes: json(secretOrder({ startDate: "2100-01-01" })),
    field: "startDate",
    message: /from 2000-01-01 to 2099-12-31/,
  },
  {
    title: "30 February",
    bytes: json(secretOrder({ startDate: "2027-02-30" })),
    field: "startDate",
    message: /not a date on the calendar/,
  },
  {
    title: "29 February in a common year",
    bytes: json(secretOrder({ dateOfBirth: "1961-02-29" })),
    field: "dateOfBirth",
    message: /not a date on the calendar/,
  },
  {
    title: "a day-month-year date",
    bytes: json(secretOrder({ dateOfBirth: "19-07-1961" })),
    field: "dateOfBirth",
    message: /YYYY-MM-DD/,
  },
  {
    title: "a date with a time",
    bytes: json(secretOrder({ startDate: "2026-12-01T00:00:00Z" })),
    field: "startDate",
    message: /YYYY-MM-DD/,
  },
  {
    title: "a five-digit year",
    bytes: json(secretOrder({ startDate: "+12026-12-01" })),
    field: "startDate",
    message: /YYYY-MM-DD/,
  },
  {
    title: "a date of birth after the start",
    bytes: json(secretOrder({ dateOfBirth: "2027-01-01" })),
    field: "dateOfBirth",
    message: /after the start date/,
  },
  {
    title: "cycles of 1e400 (Infinity)",
    bytes: withRaw('"cycles":1e400', secretOrder({ cycles: undefined })),
    field: "cycles",
    message: /whole number/,
  },
];

/** True when `text` holds any of the planted patient data. */
export function leaksSecret(text: string): boolean {
  return SECRETS.some((secret) => text.includes(secret));
}
