// Every problem the API can answer, in Dutch when the page is Dutch: the walk (problemWalk.ts) asks a real
// server on a loopback port (real SQLite file, accounts, a stand-in render worker that hangs on one patient)
// for each kind of problem twice, in English and in Dutch. Every English message has a key in
// locales/server/en.json; every Dutch answer differs from the English one, has no English words left
// (apart from values as sent, codes and names) and reads as Dutch. The two catalogs have the same keys and
// placeholders.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { messageKey, SERVER_MESSAGES_DIR, translateMessage } from "../../src/web/problemLanguage.ts";
import { editJson, projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";
import { type ServiceServer, startServiceServer } from "../service/serviceServer.ts";
import { type WalkAnswer, walkProblems } from "./problemWalk.ts";

const ENGLISH =
  /\b(the|must|and|with|this|please|try|again|send|only|than|has|was|not|cannot|which|from|when|there|your|you|should|required|unknown|known|missing|while|after|before|choose|file|page|request|wrong|too|many|first|sign|is not|no such|of the|for)\b/i;
const DUTCH =
  /\b(de|het|een|is|niet|van|en|op|te|voor|moet|geen|dit|deze|naar|wordt|met|bij|of|zijn|nog|uit|stuur|log|kies|heeft|bevat|verplicht|gebruik|onbekende?|verkeerde|hiervoor|mag|bestaat|ligt|geeft|regel|leeg|kan|noem|niets|gelijk|interne|verzoeken)\b/i;

/** The words of a message that are ours: without values as sent ("…", `…`), codes (a-b, a/b, x.y, --x) and numbers. */
function ownWords(message: string): string {
  return message
    .replace(/"[^"]*"|`[^`]*`|'[^']*'|<[^>]*>/g, " ")
    .replace(/\S*[-_/.=+:\d]\S*/g, " ")
    .replace(
      /\b(Content-Type|Origin|Sec-Fetch-Site|GET|POST|JSON|CSV|FHIR|Bundle|MedicationRequests?|Patient|X-Document-Hash|true|false|print|download|leaflet|card|approve|reject|LEAFLETS_DEBUG)\b/g,
      " ",
    );
}

let web: ServiceServer;
let english: WalkAnswer[];
let dutch: WalkAnswer[];
beforeAll(async () => {
  const root = projectCopy();
  editJson(root, "locales/fr/pomalidomide.json", (json) => {
    json.sections.what.p3 = json.sections.what.p3.replace("4 mg", "5 mg");
  });
  web = await startServiceServer(
    [
      ["nina", "nurse"],
      ["piet", "pharmacist"],
      ["lock-en", "nurse"],
      ["lock-nl", "nurse"],
    ],
    {
      projectRoot: root,
      renderTimeoutMs: 1000,
      renderWorkers: 1,
      renderWorkerEntry: new URL("../fixtures/batch/standInPageWorker.mjs", import.meta.url),
    },
  );
  const session = { url: web.url, nurse: await web.signIn("nina"), pharmacist: await web.signIn("piet") };
  english = await walkProblems({ ...session, lockable: "lock-en" }, "en");
  dutch = await walkProblems({ ...session, lockable: "lock-nl" }, "nl");
}, 120_000);
afterAll(async () => {
  await web?.stop();
  removeProjectCopies();
});

describe("every problem the API answers", () => {
  test("the walk meets every kind: validation, sign-in, lock-out, role, not found, too large, timeout, batch, review, FHIR", () => {
    const statuses = new Set(english.map((a) => a.status));
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503])
      expect(statuses, String(status)).toContain(status);
    expect(english.filter((a) => a.messages.length > 0).length).toBeGreaterThan(50);
    expect(english.map((a) => a.label)).toEqual(dutch.map((a) => a.label));
  });

  test("every English message has a key in the catalog", () => {
    const missing = english.flatMap((a) => a.messages.filter((m) => !messageKey(m)).map((m) => `${a.label}: ${m}`));
    expect(missing).toEqual([]);
  });

  test("every Dutch answer is Dutch: not the English text, no English words left, Dutch words", () => {
    const wrong: string[] = [];
    for (const [index, answer] of dutch.entries()) {
      const en = english[index] as WalkAnswer;
      expect(answer.messages.length, answer.label).toBe(en.messages.length);
      for (const [i, message] of answer.messages.entries()) {
        const own = ownWords(message);
        if (message === en.messages[i]) wrong.push(`${answer.label}: still English: ${message}`);
        else if (ENGLISH.test(own))
          wrong.push(`${answer.label}: English left (${own.match(ENGLISH)?.[0]}): ${message}`);
        else if (!DUTCH.test(own)) wrong.push(`${answer.label}: no Dutch word: ${message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("a few answers word for word", () => {
    const of = (label: string) => dutch.find((a) => a.label === label)?.messages;
    expect(of("locked out")).toEqual(["te veel mislukte pogingen; probeer het over 60 seconden opnieuw"]);
    expect(of("role")).toEqual(["hiervoor is de rol admin nodig"]);
    expect(of("validate 0")).toContain("is verplicht");
    expect(of("validate 3")).toContain(
      "bevat 1 teken dat de schrijfrichting regelt (bijv. U+202E); namen worden gedrukt zoals ze getypt zijn, dus onzichtbare tekens of tekens die de schrijfrichting veranderen worden geweigerd (verwijder ze)",
    );
    expect(of("bad JSON")).toEqual([
      "de inhoud van het verzoek is geen geldige JSON op regel 1, kolom 21: er werd een veldnaam tussen dubbele aanhalingstekens verwacht; controleer aanhalingstekens en komma's",
    ]);
    expect(dutch.find((a) => a.label === "render timeout")?.status).toBe(503);
  });
});

describe("the catalogs", () => {
  const read = (language: string) =>
    JSON.parse(readFileSync(join(SERVER_MESSAGES_DIR, `${language}.json`), "utf8")) as Record<string, string>;
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  test("en and nl have the same keys, each with the same placeholders", () => {
    const en = read("en");
    const nl = read("nl");
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en).filter((k) => k !== "_meta")) {
      expect(placeholders(nl[key] as string), key).toEqual(placeholders(en[key] as string));
    }
  });

  test("a message without a key stays as it is; values inside placeholders are kept as sent", () => {
    expect(translateMessage("something the catalog does not know", "nl")).toBe("something the catalog does not know");
    expect(translateMessage('unknown medicine "Zoë\'s pill" (known: imlygic)', "nl")).toBe(
      'onbekend geneesmiddel "Zoë\'s pill" (bekend: imlygic)',
    );
    expect(translateMessage("is required", "en")).toBe("is required");
  });
});
