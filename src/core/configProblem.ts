// How a broken data file is reported: which file, which key, what is wrong. Shared by every loader.
import type { z } from "zod";

export interface ConfigProblem {
  file: string;
  key: string;
  message: string;
}

/** Turn zod issues on a file's content into problems naming the file and the dotted key. */
export function problemsFromZod(file: string, error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({
    file,
    key: issue.path.map(String).join("."),
    message: issue.message,
  }));
}
