// The audit trail over HTTP, and the audit records the page's actions write. GET /api/audit (admin, filters
// patient, user, since, until, limit) and GET /api/users (admin). Every rendered document is remembered by
// its SHA-256 for a while (sent to the page as X-Document-Hash), so POST /api/printed {documentHash, action}
// records a print or download with its patient id although the page prints the bytes it already has.
import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { DateInvalidError } from "../core/errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { AuditEntry } from "../service/auditTrail.ts";
import { roleAllows } from "../service/roles.ts";
import type { Service } from "../service/service.ts";
import type { RenderedDocument } from "../workers/renderJobs.ts";
import type { Access } from "./access.ts";
import type { BatchJobStore } from "./batchJobs.ts";
import { findJob, uploadedJob } from "./batchRoutes.ts";
import { BASE_HEADERS, httpError, sendJson } from "./http.ts";
import { readJsonBody } from "./readBody.ts";
import type { ReviewDecisionEvent } from "./reviewRoutes.ts";
import { type Handler, type RequestContext, type Router, Router as RouterBase } from "./router.ts";
import type { AuditResponse, UsersResponse } from "./serviceTypes.ts";

const REMEMBERED_DOCUMENTS = 500;
const PRINT_ACTIONS = ["print", "download"] as const;

interface RenderedFact {
  patientId: string;
  medicine: string;
  language: string;
  user: string;
}

/** Writes audit records for what the web page does; without a database it records nothing. */
export class WebAudit {
  private readonly rendered = new Map<string, RenderedFact>();

  constructor(
    private readonly access: Access,
    private readonly service: Service | undefined,
  ) {}

  record(req: IncomingMessage, entry: Omit<AuditEntry, "user" | "client">): void {
    if (!this.service) return;
    const caller = this.access.identify(req);
    this.service.audit.append({
      ...entry,
      user: caller?.name ?? "(anonymous)",
      client: this.access.clientAddress(req),
    });
  }

  /** Called by the render route before it answers: one "preview" record, and the hash header for the page. */
  onRendered(context: RequestContext, order: Order, document: RenderedDocument): void {
    const hash = createHash("sha256").update(document.bytes).digest("hex");
    const language = document.secondLanguage ? `${document.language}+${document.secondLanguage}` : document.language;
    context.res.setHeader("x-document-hash", hash);
    const user = this.access.identify(context.req)?.name ?? "(anonymous)";
    this.rendered.delete(hash);
    this.rendered.set(hash, { patientId: order.patientId, medicine: order.drug, language, user });
    while (this.rendered.size > REMEMBERED_DOCUMENTS) this.rendered.delete(this.rendered.keys().next().value as string);
    this.record(context.req, {
      action: `preview-${document.kind}`,
      patientIds: [order.patientId],
      medicine: order.drug,
      language,
      documentHash: hash,
      outcome: "ok",
    });
  }

  /** A calendar file sent for download: one "download-calendar" record (dates of doses, no name inside). */
  onCalendar(context: RequestContext, order: Order, bytes: Uint8Array): void {
    this.record(context.req, {
      action: "download-calendar",
      patientIds: [order.patientId],
      medicine: order.drug,
      language: order.language,
      documentHash: createHash("sha256").update(bytes).digest("hex"),
      outcome: "ok",
    });
  }

  /**
   * A review decision from the page: one record per section decided (medicine, language, the SHA-256 of the
   * exact strings approved or rejected, and in `detail` the section, the source's hash and the reviewer), or
   * one "refused" record when the validator stopped an approval. Notes are not copied: they stay in the
   * review files.
   */
  onReviewDecision(req: IncomingMessage, event: ReviewDecisionEvent): void {
    const action = `review-${event.decision}`;
    if (event.outcome === "refused") {
      this.record(req, {
        action,
        medicine: event.drug,
        language: event.language,
        outcome: "refused",
        detail: JSON.stringify({
          section: event.section ?? "(every section not yet approved)",
          findings: event.findings,
        }),
      });
      return;
    }
    for (const decision of event.written) {
      this.record(req, {
        action,
        medicine: decision.namespace === "common" ? "(common)" : decision.namespace,
        language: decision.language,
        documentHash: decision.textSha256,
        outcome: "ok",
        detail: JSON.stringify({
          section: decision.section,
          namespace: decision.namespace,
          decision: decision.decision,
          reviewer: decision.by,
          role: decision.role,
          sourceLanguage: decision.sourceLanguage,
          sourceSha256: decision.sourceSha256,
          ...(decision.override ? { override: true } : {}),
        }),
      });
    }
  }

  printed(req: IncomingMessage, hash: string, action: string): boolean {
    const fact = this.rendered.get(hash);
    const user = this.access.identify(req)?.name;
    if (!fact || fact.user !== user) return false;
    this.record(req, {
      action,
      patientIds: [fact.patientId],
      medicine: fact.medicine,
      language: fact.language,
      documentHash: hash,
      outcome: "ok",
    });
    return true;
  }
}

export function registerAuditRoutes(
  router: Router,
  access: Access,
  service: Service | undefined,
  audit: WebAudit,
): void {
  const nurse = access.requireRole("nurse");
  const admin = access.requireRole("admin");

  router.add(
    "POST",
    "/api/printed",
    nurse(async ({ req, res }) => {
      const body = (await readJsonBody(req, 4096)) as Record<string, unknown> | null;
      const hash = body?.documentHash;
      const action = body?.action;
      if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) {
        throw httpError(400, "documentHash", "send the X-Document-Hash of the rendered document");
      }
      if (!PRINT_ACTIONS.includes(action as (typeof PRINT_ACTIONS)[number])) {
        throw httpError(400, "action", `must be ${PRINT_ACTIONS.join(" or ")}`);
      }
      if (!audit.printed(req, hash, action as string)) {
        throw httpError(409, "documentHash", "this document was not rendered for you recently; preview it again");
      }
      res.writeHead(204, BASE_HEADERS);
      res.end();
    }),
  );

  router.add(
    "GET",
    "/api/audit",
    admin(({ res, url }) => {
      if (!service) throw httpError(404, "(audit)", "this server keeps no audit trail: start it with --data DIR");
      const get = (name: string) => url.searchParams.get(name) || undefined;
      const limit = Number(get("limit") ?? 500);
      let records: AuditResponse["records"];
      try {
        records = service.audit.query({
          patient: get("patient"),
          user: get("user"),
          since: get("since"),
          until: get("until"),
          limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 5000) : 500,
        });
      } catch (error) {
        if (error instanceof DateInvalidError)
          throw httpError(400, "since", "since and until take a date (YYYY-MM-DD) or a time");
        throw error;
      }
      const body: AuditResponse = { records };
      sendJson(res, 200, body);
    }),
  );

  router.add(
    "GET",
    "/api/users",
    admin(({ res }) => {
      const body: UsersResponse = {
        users: (service?.users.list() ?? []).map(({ name, role, disabled }) => ({ name, role, disabled })),
      };
      sendJson(res, 200, body);
    }),
  );
}

/**
 * Audits the batch routes: an upload (no patient ids yet; the batch's id and row count in `detail`, not the file's name,
 * which a nurse may have typed a patient's name into), refused
 * or accepted, and a download (the ids of the rows in the zip), each with the user. Looking at another
 * user's batch is not answered (see batchRoutes' findJob) and not a download.
 */
export function auditBatchRoutes(inner: Router, audit: WebAudit, store: BatchJobStore, access: Access): Router {
  return new (class extends RouterBase {
    override add(method: string, pattern: string, handler: Handler): this {
      inner.add(method, pattern, async (context) => {
        if (method === "POST" && pattern === "/api/batch") {
          try {
            await handler(context);
          } catch (error) {
            audit.record(context.req, { action: "batch-upload", outcome: "refused" });
            throw error;
          }
          const job = uploadedJob(context.req);
          audit.record(context.req, {
            action: "batch-upload",
            outcome: "ok",
            ...(job ? { detail: JSON.stringify({ batch: job.id, rows: job.progress.total }) } : {}),
          });
          return;
        }
        if (pattern === "/api/batch/:id/download") {
          const who = access.identify(context.req);
          const job = findJob(
            store,
            context.params.id,
            who ? { name: who.name, admin: roleAllows(who.role, "admin") } : undefined,
          );
          const patientIds = [...new Set((job.rows ?? []).flatMap((row) => (row.patientId ? [row.patientId] : [])))];
          await handler(context);
          audit.record(context.req, {
            action: "batch-download",
            patientIds,
            outcome: "ok",
            detail: JSON.stringify({ batch: job.id, uploadedBy: job.owner ?? null }),
          });
          return;
        }
        return handler(context);
      });
      return this;
    }
  })();
}
