// POST /api/validate and POST /api/render: one order, checked by the library's validateOrder (the rules
// and messages of `leaflets generate`) and rendered by its generateDocuments, so the PDF is byte for byte
// the file the command line writes. Nothing is written to disk and nothing about the order is logged.

import type { Catalog } from "../catalog/catalogTypes.ts";
import { InternalError } from "../core/errors.ts";
import { parseCardFormat, parseDocumentKind, parseDuplex, parsePaper } from "../order/documentOptions.ts";
import type { Order } from "../order/orderTypes.ts";
import { validateOrder } from "../order/validateOrder.ts";
import { documentFileName } from "../output/fileNames.ts";
import type { DocumentKind, GenerateOptions } from "../pipeline/generateDocuments.ts";
import type { RenderedDocument } from "../workers/renderJobs.ts";
import type { RenderService } from "../workers/renderService.ts";
import type { ErrorResponse, ValidateResponse } from "./apiTypes.ts";
import { BASE_HEADERS, sendJson } from "./http.ts";
import { queryOption } from "./queryOptions.ts";
import { readJsonBody } from "./readBody.ts";
import type { RequestContext, Router } from "./router.ts";

/** Told of each document the render route is about to send (the audit trail); may set response headers. */
export type RenderedHook = (context: RequestContext, order: Order, document: RenderedDocument) => void;

export function registerOrderRoutes(
  router: Router,
  catalog: Catalog,
  renderer: Pick<RenderService, "render">,
  onRendered?: RenderedHook,
): void {
  router.add("POST", "/api/validate", async ({ req, res }) => {
    const result = validateOrder(await readJsonBody(req), catalog);
    const body: ValidateResponse = result.ok ? { ok: true, problems: [] } : { ok: false, problems: result.problems };
    sendJson(res, 200, body);
  });

  router.add("POST", "/api/render", async (context) => {
    const { req, res } = context;
    const options = documentOptions(context);
    const input = await readJsonBody(req);
    const result = validateOrder(input, catalog);
    if (!result.ok) return refuse(context, result.problems);
    const { order } = result;
    const kind = options.kinds[0] as DocumentKind;
    if (kind === "card" && !catalog.drugs.get(order.drug)?.documents.card) {
      return refuse(context, [{ field: "kind", message: `${order.drug} has no patient card; ask for kind=leaflet` }]);
    }
    const cancelled = new AbortController();
    res.once("close", () => cancelled.abort());
    const outcome = await renderer.render(order, options, cancelled.signal);
    if (!outcome.ok) return refuse(context, outcome.problems);
    const document = outcome.documents.find((d) => d.kind === kind);
    if (!document) throw new InternalError(`no ${kind} was rendered`);
    sendRenderedPdf(context, order, document, onRendered);
  });
}

/** Answers with one rendered PDF (shown inline, named as `generate` names the file), telling the hook first. */
export function sendRenderedPdf(
  context: RequestContext,
  order: Order,
  document: RenderedDocument,
  onRendered?: RenderedHook,
): void {
  const name = documentFileName(order.drug, document.kind, document.language, document.secondLanguage);
  onRendered?.(context, order, document);
  context.res.writeHead(200, {
    ...BASE_HEADERS,
    "content-type": "application/pdf",
    "content-length": document.bytes.byteLength,
    "content-disposition": `inline; filename="${name}"`,
    "x-pages": String(document.pages),
  });
  context.res.end(Buffer.from(document.bytes.buffer, document.bytes.byteOffset, document.bytes.byteLength));
}

/** kind (leaflet|card), paper (A4|Letter), the card's format (id1|sheet) and duplex (1|0: a blank back page
 * for a leaflet with an odd page count) from the query, checked like the CLI's options. */
function documentOptions({ url }: RequestContext): GenerateOptions & { kinds: DocumentKind[] } {
  // Checked in this order (kind first): the first refused option is the one named.
  const kind = queryOption(url, "kind", "leaflet", parseDocumentKind);
  const paper = queryOption(url, "paper", "A4", parsePaper);
  const cardFormat = queryOption(url, "format", "id1", parseCardFormat);
  const duplex = queryOption(url, "duplex", "0", parseDuplex);
  return { paper, kinds: [kind], cardFormat, ...(duplex ? { duplex: true } : {}) };
}

function refuse({ res }: RequestContext, errors: ErrorResponse["errors"]): void {
  const body: ErrorResponse = { ok: false, errors };
  sendJson(res, 422, body);
}
