// The order fields a medicine's data file declares besides every order's own (templates/drugs/<id>.yaml,
// `orderFields`), and its programme (e.g. pomalidomide's pregnancy prevention programme and its
// categories). The order schema, the leaflet model, `list`, the web form and the CSV column check read
// these; no code lists a medicine's fields.
import { z } from "zod";

/** Required: an order for this medicine must give it; optional: it may. A field the medicine does not declare is refused. */
const use = z.enum(["required", "optional"]);
/** Keys of the field's label and help text: the nurses' page texts, or this project's locale files ("ns:key"). */
const texts = {
  label: z.string().min(1),
  help: z.string().min(1).optional(),
  /** Printed among the patient's details on the leaflet, under this locale key's label (choice fields). */
  personal: z.string().min(1).optional(),
};

const doseField = z.strictObject({
  use,
  /** A strength of the medicine: the regimen's component with `fromOrder: <this field>` lists the allowed ones. */
  type: z.literal("dose"),
  /** The unit in words, for messages ("must be a number of milligrams, e.g. 4"). */
  unitName: z.string().min(1),
  example: z.number(),
  ...texts,
});

const countField = z.strictObject({
  use,
  /** A whole number from 1 to `max` of `of` (cycles, months). */
  type: z.literal("count"),
  of: z.string().min(1),
  max: z.number().int().min(1),
  /** The value when an optional field is left out. */
  default: z.number().int().min(1).optional(),
  ...texts,
});

const choiceField = z.strictObject({
  use,
  /** One of `values`; each value's name is the locale key `<valueNames>.<value>`. */
  type: z.literal("choice"),
  values: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  valueNames: z.string().min(1),
  ...texts,
});

const programmeField = z.strictObject({
  use,
  /** One of the programme's categories (the file's `programme`). */
  type: z.literal("programme"),
  ...texts,
});

export const fieldDeclarationSchema = z.discriminatedUnion("type", [
  doseField,
  countField,
  choiceField,
  programmeField,
]);

export const programmeSchema = z.strictObject({
  /** The name templates use: `{{<name>Label}}` (the category's name), `{{#if <name>.<categoryInCamelCase>}}`. */
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  /** In words, for the message when the category is missing ("pregnancy prevention programme"). */
  title: z.string().min(1),
  categories: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  /** Each category's name is the locale key `<categoryNames>.<category>` (e.g. common:ppp). */
  categoryNames: z.string().min(1),
});

export type Programme = z.infer<typeof programmeSchema>;

/** A declared field as the rest of the code reads it: a programme field is a choice among its categories. */
export type OrderFieldDeclaration =
  | z.infer<typeof doseField>
  | z.infer<typeof countField>
  | (z.infer<typeof choiceField> & { programme?: Programme });

/** Field names a medicine may not declare: every order's own fields. */
export const COMMON_ORDER_FIELDS = [
  "patientId",
  "name",
  "drug",
  "regimen",
  "startDate",
  "language",
  "secondLanguage",
  "dateOfBirth",
  "brand",
  "largePrint",
  "contact",
] as const;

/** The declarations as read, with a programme field turned into a choice among the programme's categories. */
export function normaliseDeclarations(
  declared: Record<string, z.infer<typeof fieldDeclarationSchema>>,
  programme: Programme | undefined,
): Record<string, OrderFieldDeclaration> {
  const fields: Record<string, OrderFieldDeclaration> = {};
  for (const [name, field] of Object.entries(declared)) {
    if (field.type !== "programme") fields[name] = field;
    else if (programme) {
      const { type: _, ...rest } = field;
      fields[name] = {
        ...rest,
        type: "choice",
        values: programme.categories,
        valueNames: programme.categoryNames,
        programme,
      };
    }
  }
  return fields;
}

/** "woman-not-childbearing" → "womanNotChildbearing": how templates test a choice's value. */
export function camelCase(value: string): string {
  return value.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** In words, for `leaflets list`: "required, 1–12 cycles", "optional, one of: a, b" or "required, a strength (milligrams)". */
export function describeDeclaration(field: OrderFieldDeclaration): string {
  switch (field.type) {
    case "dose":
      return `${field.use}, a strength the regimen allows (${field.unitName})`;
    case "count":
      return `${field.use}, 1–${field.max} ${field.of}${field.default === undefined ? "" : ` (default ${field.default})`}`;
    case "choice":
      return `${field.use}, one of ${field.values.join(", ")}${field.programme ? ` (${field.programme.title})` : ""}`;
  }
}
