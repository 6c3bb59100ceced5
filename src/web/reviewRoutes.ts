// /api/review/*: the review page's server side. GET status (every section of a medicine in a language),
// GET section (source and translation side by side with the validator's findings and the history) and
// POST decision (approve or reject, through the same library calls as `leaflets review`). Each route asks
// authorizeReview first. Reviewers' names are not patient data, but they are not logged either.
import type { IncomingMessage } from "node:http";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { ReviewInputError, ReviewRefusedError } from "../core/errors.ts";
import { approve, checkTarget, reject, selectSections } from "../review/reviewDecisions.ts";
import type { SectionDecision } from "../review/reviewRecords.ts";
import { sectionIds } from "../review/reviewSections.ts";
import { reviewStatus } from "../review/reviewStatus.ts";
import { compareSection } from "../review/sectionComparison.ts";
import { authorizeReview, type ReviewAuthorizer } from "./authorizeReview.ts";
import { httpError, sendJson } from "./http.ts";
import { readJsonBody } from "./readBody.ts";
import type { RequestContext, Router } from "./router.ts";

/** A decision the page asked for, as the audit trail records it: written, or refused by the validator. */
export type ReviewDecisionEvent =
  | { outcome: "ok"; decision: "approve" | "reject"; written: SectionDecision[] }
  | {
      outcome: "refused";
      decision: "approve";
      language: string;
      drug: string;
      section: string | undefined;
      findings: number;
    };

/**
 * `authorize`: who may read and decide (the server's sign-in); without it, the module's hook (authorizeReview).
 * `onDecision`: told of every decision written or refused (the server's audit trail).
 */
export function registerReviewRoutes(
  router: Router,
  catalog: Catalog,
  today: () => string,
  authorize: ReviewAuthorizer = authorizeReview,
  onDecision: (req: IncomingMessage, event: ReviewDecisionEvent) => void = () => {},
): void {
  const allow = ({ req }: RequestContext, action: "read" | "decide") => {
    const answer = authorize(req, action);
    if (!answer.allowed) throw httpError(403, "(review)", answer.reason ?? "you may not review texts");
    return answer;
  };
  router.add("GET", "/api/review/status", (context) => {
    allow(context, "read");
    const { language, drug } = target(context, catalog);
    sendJson(context.res, 200, {
      ok: true,
      languages: [...catalog.locales.keys()],
      drugs: [...catalog.drugs.keys()],
      sections: reviewStatus(catalog, language, drug),
      sectionIds: sectionIds(catalog.locales.get(language) ?? (undefined as never), drug),
    });
  });

  router.add("GET", "/api/review/section", (context) => {
    allow(context, "read");
    const { language, drug } = target(context, catalog);
    const section = context.url.searchParams.get("section") ?? "";
    const [status] = inputErrors(() => selectSections(catalog, language, drug, section));
    if (!status) throw httpError(404, "section", "no such section");
    sendJson(context.res, 200, { ok: true, ...compareSection(catalog, status) });
  });

  router.add("POST", "/api/review/decision", async (context) => {
    const who = allow(context, "decide");
    const body = (await readJsonBody(context.req)) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : undefined);
    const decision = text("decision");
    if (decision !== "approve" && decision !== "reject")
      throw httpError(422, "decision", 'must be "approve" or "reject"');
    const input = {
      language: text("language") ?? "",
      drug: text("drug") ?? "",
      ...(text("section") ? { section: text("section") as string } : {}),
      by: who.reviewer?.name ?? text("by") ?? "",
      role: who.reviewer?.role ?? text("role") ?? "pharmacist",
      date: today(),
      ...(text("note") ? { note: text("note") as string } : {}),
      ...(text("override") ? { override: text("override") as string } : {}),
    };
    try {
      const written = inputErrors(() => (decision === "approve" ? approve(catalog, input) : reject(catalog, input)));
      onDecision(context.req, { outcome: "ok", decision, written });
      sendJson(context.res, 200, { ok: true, decisions: written });
    } catch (error) {
      if (!(error instanceof ReviewRefusedError)) throw error;
      onDecision(context.req, {
        outcome: "refused",
        decision: "approve",
        language: input.language,
        drug: input.drug,
        section: input.section,
        findings: error.findings.length,
      });
      sendJson(context.res, 422, {
        ok: false,
        errors: [{ field: "override", message: error.message.split("\n")[0] }],
        findings: error.findings,
      });
    }
  });
}

function target({ url }: RequestContext, catalog: Catalog): { language: string; drug: string } {
  const language = url.searchParams.get("lang") ?? "";
  const drug = url.searchParams.get("drug") ?? "";
  inputErrors(() => checkTarget(catalog, language, drug));
  return { language, drug };
}

function inputErrors<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ReviewInputError) throw httpError(422, "(review)", error.message);
    throw error;
  }
}
