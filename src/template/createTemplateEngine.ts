// The Handlebars environment for documents: strict (a missing value is an error, not a blank), with
// every partial from templates/partials and a `t` helper bound to one language's text.
// Everything a template prints goes through Handlebars' escaping, so patient values print literally.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import type { Translate } from "../content/createTranslator.ts";

export type RenderMarkup = (context: object, translate: Translate) => string;

/** Compile a template (and all partials) once; the result renders markup for any context and language. */
export function compileDocumentTemplate(templatesDir: string, templatePath: string): RenderMarkup {
  const hbs = Handlebars.create();
  const partialsDir = join(templatesDir, "partials");
  for (const name of readdirSync(partialsDir).filter((n) => n.endsWith(".hbs"))) {
    hbs.registerPartial(basename(name, ".hbs"), readFileSync(join(partialsDir, name), "utf8"));
  }
  let current: Translate | undefined;
  hbs.registerHelper("t", (key: unknown, options: Handlebars.HelperOptions) => {
    if (typeof key !== "string") throw new Error('{{t}} needs a key, e.g. {{t "sections.what.title"}}');
    if (!current) throw new Error("{{t}} used outside a render");
    return current(key, options.hash as Record<string, unknown>);
  });
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  const template = hbs.compile(readFileSync(join(templatesDir, templatePath), "utf8"), { strict: true });
  return (context, translate) => {
    current = translate;
    try {
      return template(context);
    } finally {
      current = undefined;
    }
  };
}
