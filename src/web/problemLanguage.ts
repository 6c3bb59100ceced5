// The server's problem messages in the page's language: the page sends Accept-Language (its own UI
// language, nl or en); messages of the order checks the page meets most are put into Dutch here. A message
// without a Dutch wording stays English rather than being guessed. Values inside quotes are kept as sent.
import type { IncomingMessage } from "node:http";
import type { FieldProblem } from "../core/errors.ts";

type Wording = [RegExp, string];

/** English message (whole) → Dutch; $1… are the parts kept (numbers, names, lists). */
const DUTCH: Wording[] = [
  [/^is required$/, "is verplicht"],
  [/^is required for (\S+)(.*)$/, "is verplicht voor $1$2"],
  [
    /^must be written YYYY-MM-DD, e\.g\. 2026-12-01 \(day-month-year is refused, never guessed\)$/,
    "moet geschreven worden als JJJJ-MM-DD, bijv. 2026-12-01 (dag-maand-jaar wordt geweigerd, nooit geraden)",
  ],
  [
    /^is not a date on the calendar \(check the day and the month\)$/,
    "is geen datum op de kalender (controleer de dag en de maand)",
  ],
  [/^must be a date written as text, YYYY-MM-DD$/, "moet een datum als tekst zijn, JJJJ-MM-DD"],
  [/^must be a number of milligrams, e\.g\. 4$/, "moet een aantal milligram zijn, bijv. 4"],
  [/^must be a whole number of cycles$/, "moet een heel aantal cycli zijn"],
  [/^must be a whole number of months$/, "moet een heel aantal maanden zijn"],
  [/^must be one of (.+)$/, "moet een van deze zijn: $1"],
  [/^must be true or false$/, "moet true of false zijn"],
  [/^is after the start date$/, "ligt na de startdatum"],
  [
    /^gives an age over (\d+) at the start date; check it$/,
    "geeft een leeftijd boven $1 op de startdatum; controleer dit",
  ],
  [
    /^(\d+(?:\.\d+)?) mg is not a (\S+) strength; use (.+) or (\S+) \((\S+)\)$/,
    "$1 mg is geen sterkte van $2; kies $3 of $4 ($5)",
  ],
  [
    /^is the same as language; leave it out for a leaflet in one language$/,
    "is gelijk aan de taal; laat het leeg voor een folder in één taal",
  ],
  [/^does not apply to (\S+)(.*); leave it out$/, "geldt niet voor $1$2; laat het leeg"],
  [/^sign in first$/, "log eerst in"],
  [/^this needs the (\S+) role$/, "hiervoor is de rol $1 nodig"],
  [/^wrong user name or password$/, "verkeerde gebruikersnaam of wachtwoord"],
  [
    /^too many failed attempts; try again in (\d+) seconds$/,
    "te veel mislukte pogingen; probeer het over $1 seconden opnieuw",
  ],
];

/** The page's language from Accept-Language (first choice), when it is one the server has wordings for. */
export function problemLanguage(req: IncomingMessage | undefined): "nl" | "en" {
  const first = String(req?.headers["accept-language"] ?? "")
    .split(",")[0]
    ?.trim()
    .toLowerCase();
  return first?.startsWith("nl") ? "nl" : "en";
}

export function translateProblems(problems: FieldProblem[], language: "nl" | "en"): FieldProblem[] {
  if (language === "en") return problems;
  return problems.map((problem) => ({ ...problem, message: toDutch(problem.message) }));
}

function toDutch(message: string): string {
  for (const [pattern, dutch] of DUTCH) {
    if (pattern.test(message)) return message.replace(pattern, dutch);
  }
  return message;
}
