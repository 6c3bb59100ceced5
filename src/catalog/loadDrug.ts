// Reads one medicine's definition (templates/drugs/<id>.yaml): the order fields it declares (name, type,
// allowed values, required or optional, the keys of their label and help; any other medicine's field is
// refused), its programme, and which document templates it has. Adding a medicine is adding such a file,
// not code.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type ConfigProblem, problemsFromZod } from "../core/configProblem.ts";
import {
  COMMON_ORDER_FIELDS,
  fieldDeclarationSchema,
  normaliseDeclarations,
  type OrderFieldDeclaration,
  type Programme,
  programmeSchema,
} from "./orderFieldDeclarations.ts";

const drugSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  brandName: z.string().min(1),
  /** The order fields this medicine takes besides every order's own, in the order the form shows them. */
  orderFields: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, "name a field in camelCase"), fieldDeclarationSchema),
  /** A programme the patient is placed in (one of its categories, in the field of type `programme`). */
  programme: programmeSchema.optional(),
  /** The medicine's public page (EMA), printed on the leaflet with a QR code. */
  publicPage: z.string().regex(/^https:\/\/[^\s]+$/, "give the public page as an https:// address"),
  documents: z.strictObject({
    leaflet: z.string().regex(/\.hbs$/),
    card: z
      .string()
      .regex(/\.hbs$/)
      .optional(),
  }),
});

export interface Drug extends Omit<z.infer<typeof drugSchema>, "orderFields"> {
  orderFields: Record<string, OrderFieldDeclaration>;
  programme?: Programme;
}

export function loadDrug(templatesDir: string, path: string): { drug?: Drug; problems: ConfigProblem[] } {
  const file = `templates/drugs/${basename(path)}`;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    return { problems: [{ file, key: "", message: `not readable YAML: ${(error as Error).message}` }] };
  }
  const parsed = drugSchema.safeParse(raw);
  if (!parsed.success) return { problems: problemsFromZod(file, parsed.error) };
  const problems: ConfigProblem[] = [];
  const programmeFields = Object.entries(parsed.data.orderFields).filter(([, f]) => f.type === "programme");
  for (const [name] of Object.entries(parsed.data.orderFields)) {
    if ((COMMON_ORDER_FIELDS as readonly string[]).includes(name)) {
      problems.push({
        file,
        key: `orderFields.${name}`,
        message: `"${name}" is a field of every order; a medicine cannot declare it`,
      });
    }
  }
  if (parsed.data.programme && programmeFields.length !== 1) {
    problems.push({ file, key: "programme", message: "declare exactly one order field of type programme for it" });
  }
  for (const [name] of programmeFields) {
    if (!parsed.data.programme) {
      problems.push({
        file,
        key: `orderFields.${name}`,
        message: "a field of type programme needs the file's programme",
      });
    }
  }
  if (`${parsed.data.id}.yaml` !== basename(path)) {
    problems.push({ file, key: "id", message: `the id "${parsed.data.id}" must match the file name` });
  }
  for (const [kind, template] of Object.entries(parsed.data.documents)) {
    if (!existsSync(join(templatesDir, template))) {
      problems.push({ file, key: `documents.${kind}`, message: `the template templates/${template} does not exist` });
    }
  }
  if (problems.length > 0) return { problems };
  const { orderFields, programme, ...rest } = parsed.data;
  const drug: Drug = { ...rest, orderFields: normaliseDeclarations(orderFields, programme) };
  if (programme) drug.programme = programme;
  return { drug, problems };
}
