// The Handlebars environment for documents: strict (a missing value is an error, not a blank), with
// every partial from templates/partials and a `t` helper bound to one language's text.
// Everything a template prints goes through Handlebars' escaping, so patient values print literally.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { templateText } from "../catalog/templateFiles.ts";
import type { Translate } from "../content/createTranslator.ts";
import { InternalError, TemplateError } from "../core/errors.ts";
import { compileWithCache } from "./templateCache.ts";

/** A second language the nurse reads: its lookup and its name as the patient's language writes it. */
export interface SecondLanguage {
  code: string;
  label: string;
  direction: "ltr" | "rtl";
  translate: Translate;
}

export type RenderMarkup = (context: object, translate: Translate, second?: SecondLanguage) => string;

/** Compile a template (and all partials) once; the result renders markup for any context and language. */
export function compileDocumentTemplate(templatesDir: string, templatePath: string): RenderMarkup {
  const hbs = Handlebars.create();
  const partialsDir = join(templatesDir, "partials");
  // Compiled once per set of texts and kept on disk (templateCache.ts); partials strict like the template.
  const compiled = compileWithCache(
    hbs,
    {
      main: templateText(join(templatesDir, templatePath)),
      partials: readdirSync(partialsDir)
        .filter((n) => n.endsWith(".hbs"))
        .sort()
        .map((name) => [basename(name, ".hbs"), templateText(join(partialsDir, name))]),
    },
    { strict: true },
  );
  for (const [name, partial] of compiled.partials) hbs.registerPartial(name, partial);
  let current: Translate | undefined;
  let second: SecondLanguage | undefined;
  hbs.registerHelper("t", (key: unknown, options: Handlebars.HelperOptions) => {
    if (typeof key !== "string") throw new TemplateError('{{t}} needs a key, e.g. {{t "sections.what.title"}}');
    if (!current) throw new InternalError("{{t}} used outside a render");
    return current(key, options.hash as Record<string, unknown>);
  });
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  // {{#bilingual}}…{{/bilingual}}: the block in the patient's language, then — for a bilingual leaflet —
  // the same block again in the nurse's language, marked with that language's name. The second copy is
  // rendered from the context's `second` (the same figures worded in that language) where it has one.
  hbs.registerHelper("bilingual", function (this: unknown, options: Handlebars.HelperOptions) {
    const own = options.fn(this);
    if (!second) return own;
    const saved = current;
    current = second.translate;
    try {
      const label = Handlebars.escapeExpression(second.label);
      const context = secondContext(this);
      return new Handlebars.SafeString(
        `${own}<aside lang="${second.code}" dir="${second.direction}" label="${label}">${options.fn(context)}</aside>`,
      );
    } finally {
      current = saved;
    }
  });
  const template = compiled.main;
  return (context, translate, secondLanguage) => {
    current = translate;
    second = secondLanguage;
    try {
      return template(context);
    } finally {
      current = undefined;
      second = undefined;
    }
  };
}

/** The context's own second-language wording (`second`, see content/bilingualModel.ts), else the context. */
function secondContext(context: unknown): unknown {
  if (context && typeof context === "object" && "second" in context) {
    const own = (context as { second: unknown }).second;
    if (own && typeof own === "object") return own;
  }
  return context;
}
