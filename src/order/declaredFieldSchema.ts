// The zod schema of a medicine-declared order field, from its declaration in the drug file, with messages
// that say what is wrong and how to write it (never repeating the value given).
import { z } from "zod";
import type { OrderFieldDeclaration } from "../catalog/orderFieldDeclarations.ts";

export function declaredFieldSchema(field: OrderFieldDeclaration): z.ZodType<number | string> {
  switch (field.type) {
    case "dose":
      return z.number({ error: `must be a number of ${field.unitName}, e.g. ${field.example}` });
    case "count": {
      const range = `must be a whole number from 1 to ${field.max}`;
      return z
        .number({ error: `must be a whole number of ${field.of}` })
        .int(range)
        .min(1, range)
        .max(field.max, range);
    }
    case "choice":
      return z.enum(field.values as [string, ...string[]], { error: `must be one of ${field.values.join(", ")}` });
  }
}

/** Whether the field's value is a number (a CSV cell written as one becomes a number). */
export function isNumericField(field: OrderFieldDeclaration): boolean {
  return field.type === "dose" || field.type === "count";
}
