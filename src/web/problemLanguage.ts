// The server's problem messages in the page's language. Every message the API can answer has a key in
// locales/server/en.json, whose text is the message as the code words it with {{placeholders}} for the
// parts that vary (numbers, names, lists, values as sent); locales/server/nl.json has the same keys in Dutch.
// A message is put into the page's language (Accept-Language, first choice: nl or en) by finding its key from
// its English form; a placeholder's value that is itself a catalogued message is translated too. The error
// classes keep their English messages (the command line's); a message without a key stays English.
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FieldProblem } from "../core/errors.ts";

export type PageLanguage = "nl" | "en";
export type MessageCatalog = Record<string, string>;

/** locales/server/ beside this installation's other locales (the same two levels up from src/ and dist/). */
export const SERVER_MESSAGES_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "locales", "server");

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

interface Wording {
  key: string;
  pattern: RegExp;
  names: string[];
  literal: number;
}

/** The catalog of one language (keys → texts), read once. */
export function serverMessages(language: PageLanguage): MessageCatalog {
  let known = catalogs.get(language);
  if (!known) {
    known = JSON.parse(readFileSync(join(SERVER_MESSAGES_DIR, `${language}.json`), "utf8")) as MessageCatalog;
    delete known._meta;
    catalogs.set(language, known);
  }
  return known;
}
const catalogs = new Map<PageLanguage, MessageCatalog>();

/** The English texts as patterns, the most specific (most literal text) first. */
function wordings(): Wording[] {
  wordingsCache ??= Object.entries(serverMessages("en"))
    .map(([key, text]) => {
      const names: string[] = [];
      let source = "";
      let last = 0;
      for (const match of text.matchAll(PLACEHOLDER)) {
        source += `${escapeRegExp(text.slice(last, match.index))}([\\s\\S]+?)`;
        names.push(match[1] as string);
        last = (match.index ?? 0) + match[0].length;
      }
      source += escapeRegExp(text.slice(last));
      return { key, pattern: new RegExp(`^${source}$`), names, literal: text.replace(PLACEHOLDER, "").length };
    })
    .sort((a, b) => b.literal - a.literal);
  return wordingsCache;
}
let wordingsCache: Wording[] | undefined;

/** The key of an English message and its placeholders' values, or undefined when it is not catalogued. */
export function messageKey(message: string): { key: string; values: Record<string, string> } | undefined {
  for (const wording of wordings()) {
    const match = wording.pattern.exec(message);
    if (!match) continue;
    const values: Record<string, string> = {};
    wording.names.forEach((name, index) => {
      values[name] = match[index + 1] as string;
    });
    return { key: wording.key, values };
  }
  return undefined;
}

/** A message in the language; an uncatalogued one (or one without a text in the language) stays as it is. */
export function translateMessage(message: string, language: PageLanguage, depth = 0): string {
  if (language === "en" || depth > 3) return message;
  const found = messageKey(message);
  const text = found ? serverMessages(language)[found.key] : undefined;
  if (!found || text === undefined) return message;
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = found.values[name] ?? "";
    return translateMessage(value, language, depth + 1);
  });
}

/** The page's language from Accept-Language (first choice), when it is one the server has wordings for. */
export function problemLanguage(req: IncomingMessage | undefined): PageLanguage {
  const first = String(req?.headers["accept-language"] ?? "")
    .split(",")[0]
    ?.trim()
    .toLowerCase();
  return first?.startsWith("nl") ? "nl" : "en";
}

export function translateProblems(problems: FieldProblem[], language: PageLanguage): FieldProblem[] {
  if (language === "en") return problems;
  return problems.map((problem) => ({ ...problem, message: translateMessage(problem.message, language) }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
