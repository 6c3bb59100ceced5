// POST /api/fhir/render (a FHIR R4 Bundle or MedicationRequest, application/fhir+json → the PDF, as
// `generate --fhir` writes it; the order flags as query parameters regimen, cycles, ppp, lang, select) and
// POST /api/ics (an order as JSON → its calendar file, as `generate --ics` writes it). Problems name FHIR
// paths or fields (422); nothing is written to disk or logged.
import type { IncomingMessage } from "node:http";
import { generateCalendar } from "../calendar/generateCalendar.ts";
import type { Catalog } from "../catalog/catalogTypes.ts";
import { type FieldProblem, InternalError } from "../core/errors.ts";
import { loadFhirMappingOrThrow } from "../fhir/loadFhirMapping.ts";
import type { FhirOrderFlags } from "../fhir/mapFhirOrder.ts";
import { orderFromFhir } from "../fhir/orderFromFhir.ts";
import { FHIR_LIMIT_BYTES, parseFhirJson } from "../fhir/parseFhirJson.ts";
import { parseDocumentKind, parsePaper } from "../order/documentOptions.ts";
import type { Order } from "../order/orderTypes.ts";
import { validateOrder } from "../order/validateOrder.ts";
import type { RenderService } from "../workers/renderService.ts";
import type { ErrorResponse } from "./apiTypes.ts";
import { BASE_HEADERS, HttpError, httpError, mediaType, sendJson } from "./http.ts";
import { type RenderedHook, sendRenderedPdf } from "./orderRoutes.ts";
import { queryOption } from "./queryOptions.ts";
import { drain, MB, readJsonBody } from "./readBody.ts";
import type { RequestContext, Router } from "./router.ts";

const FHIR_TYPES = ["application/fhir+json", "application/json"];

/** `onRendered` is told of each document about to be sent (the audit trail), as for the order routes;
 * `onCalendar` of each calendar file. */
export function registerFhirRoutes(
  router: Router,
  catalog: Catalog,
  renderer: Pick<RenderService, "render">,
  onRendered?: RenderedHook,
  onCalendar?: (context: RequestContext, order: Order, bytes: Uint8Array) => void,
): void {
  const mapping = loadFhirMappingOrThrow(catalog);

  router.add("POST", "/api/fhir/render", async (context) => {
    const { req, res, url } = context;
    const kind = queryOption(url, "kind", "leaflet", parseDocumentKind);
    const paper = queryOption(url, "paper", "A4", parsePaper);
    const parsed = parseFhirJson(await readFhirBody(req), "the request body");
    if (!parsed.ok) return refuse(context, parsed.problems, 400);
    const result = orderFromFhir(parsed.value, mapping, catalog, flagsOf(url));
    if (!result.ok) return refuse(context, result.problems);
    const { order } = result;
    if (kind === "card" && !catalog.drugs.get(order.drug)?.documents.card) {
      return refuse(context, [{ field: "kind", message: `${order.drug} has no patient card; ask for kind=leaflet` }]);
    }
    const cancelled = new AbortController();
    res.once("close", () => cancelled.abort());
    const outcome = await renderer.render(order, { paper, kinds: [kind] }, cancelled.signal);
    if (!outcome.ok) return refuse(context, outcome.problems);
    const document = outcome.documents.find((d) => d.kind === kind);
    if (!document) throw new InternalError(`no ${kind} was rendered`);
    sendRenderedPdf(context, order, document, onRendered);
  });

  router.add("POST", "/api/ics", async (context) => {
    const { req, res } = context;
    const result = validateOrder(await readJsonBody(req), catalog);
    if (!result.ok) return refuse(context, result.problems);
    const file = await generateCalendar(result.order, catalog, new Date());
    onCalendar?.(context, result.order, file.bytes);
    res.writeHead(200, {
      ...BASE_HEADERS,
      "content-type": "text/calendar; charset=utf-8",
      "content-length": file.bytes.byteLength,
      "content-disposition": `attachment; filename="${file.fileName}"`,
    });
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}

function flagsOf(url: URL): FhirOrderFlags {
  const get = (name: string) => url.searchParams.get(name) ?? undefined;
  const cycles = get("cycles");
  if (cycles !== undefined && !/^\d+$/.test(cycles))
    throw httpError(400, "cycles", `must be a whole number (got "${cycles}")`);
  return {
    regimen: get("regimen"),
    cycles: cycles === undefined ? undefined : Number(cycles),
    ppp: get("ppp"),
    lang: get("lang"),
    select: get("select"),
  };
}

/** The body as text: FHIR JSON (application/fhir+json, or application/json), at most 1 MB (413 past it). */
async function readFhirBody(req: IncomingMessage): Promise<Buffer> {
  const type = mediaType(req);
  if (!FHIR_TYPES.includes(type)) {
    await drain(req);
    throw httpError(
      415,
      "(request)",
      `send FHIR R4 JSON with Content-Type: application/fhir+json (got ${type ? `"${type}"` : "no Content-Type"})`,
    );
  }
  const tooLarge = (drained: boolean) =>
    new HttpError(
      413,
      [
        {
          field: "(request)",
          message: `the FHIR resource is larger than ${FHIR_LIMIT_BYTES / MB} MB; send one order's Bundle`,
        },
      ],
      drained ? {} : { connection: "close" },
    );
  if (Number(req.headers["content-length"]) > FHIR_LIMIT_BYTES) throw tooLarge(await drain(req));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= FHIR_LIMIT_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.off("end", onEnd);
      drain(req).then((drained) => reject(tooLarge(drained)), reject);
    };
    const onEnd = () => {
      const bytes = Buffer.concat(chunks);
      if (bytes.toString("latin1").trim() === "")
        reject(httpError(400, "(FHIR)", "the request has no body; send one FHIR R4 Bundle"));
      else resolve(bytes);
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", reject);
    req.once("close", () => {
      if (!req.readableEnded) reject(httpError(400, "(request)", "the request was cut off before its end"));
    });
  });
}

function refuse({ res }: RequestContext, errors: FieldProblem[], status = 422): void {
  const body: ErrorResponse = { ok: false, errors };
  sendJson(res, status, body);
}
