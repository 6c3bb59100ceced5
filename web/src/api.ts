// The page's calls to its server. Every answer is checked for its status; errors come back as the
// server's problems ({field, message}) so they can be shown beside the fields they name.

import i18next from "i18next";
import type {
  BatchCreatedResponse,
  BatchResponse,
  CatalogResponse,
  ErrorResponse,
  FieldProblem,
  ValidateResponse,
} from "../../src/web/apiTypes.ts";

export type { BatchResponse, CatalogResponse, FieldProblem };

/** The server words its problems in the page's language (Dutch or English). */
const pageLanguage = () => ({ "accept-language": i18next.language });

export type DocumentKind = "leaflet" | "card";

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  fileName: string;
  /** The server's SHA-256 of the bytes, to record a print or download in the audit trail. */
  documentHash?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldProblem[] };

export async function fetchCatalog(): Promise<CatalogResponse> {
  const response = await fetch("/api/catalog");
  if (!response.ok) throw new Error(`catalog: HTTP ${response.status}`);
  return (await response.json()) as CatalogResponse;
}

export async function validateOrder(order: unknown, signal?: AbortSignal): Promise<ValidateResponse> {
  const response = await postJson("/api/validate", order, signal);
  if (!response.ok) return { ok: false, problems: await errorsOf(response) };
  return (await response.json()) as ValidateResponse;
}

/** How the documents are to be printed: paper size, the card's format (id1|sheet), duplex padding. */
export interface PrintOptions {
  paper: string;
  cardFormat: string;
  duplex: boolean;
}

export async function renderPdf(
  order: unknown,
  kind: DocumentKind,
  print: PrintOptions,
  signal?: AbortSignal,
): Promise<Result<RenderedPdf>> {
  const query = new URLSearchParams({
    kind,
    paper: print.paper,
    format: print.cardFormat,
    duplex: print.duplex ? "1" : "0",
  });
  const response = await postJson(`/api/render?${query}`, order, signal);
  if (!response.ok) return { ok: false, errors: await errorsOf(response) };
  const bytes = new Uint8Array(await response.arrayBuffer());
  const disposition = response.headers.get("content-disposition") ?? "";
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${kind}.pdf`;
  const documentHash = response.headers.get("x-document-hash") ?? undefined;
  const pages = Number(response.headers.get("x-pages") ?? 0);
  return { ok: true, value: { bytes, pages, fileName, ...(documentHash ? { documentHash } : {}) } };
}

export async function uploadBatch(
  file: File,
  options: { paper: string; merge: boolean },
): Promise<Result<BatchCreatedResponse>> {
  const query = new URLSearchParams({ paper: options.paper, merge: options.merge ? "1" : "0", name: file.name });
  const jsonl = /\.(jsonl|ndjson)$/i.test(file.name);
  const response = await fetch(`/api/batch?${query}`, {
    method: "POST",
    headers: { "content-type": jsonl ? "application/x-ndjson" : "text/csv", ...pageLanguage() },
    body: file,
  });
  if (!response.ok) return { ok: false, errors: await errorsOf(response) };
  return { ok: true, value: (await response.json()) as BatchCreatedResponse };
}

export async function fetchBatch(id: string): Promise<Result<BatchResponse>> {
  const response = await fetch(`/api/batch/${encodeURIComponent(id)}`, { headers: pageLanguage() });
  if (!response.ok) return { ok: false, errors: await errorsOf(response) };
  return { ok: true, value: (await response.json()) as BatchResponse };
}

export function batchDownloadUrl(id: string): string {
  return `/api/batch/${encodeURIComponent(id)}/download`;
}

function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...pageLanguage() },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

async function errorsOf(response: Response): Promise<FieldProblem[]> {
  try {
    const body = (await response.json()) as ErrorResponse;
    if (Array.isArray(body.errors)) return body.errors;
  } catch {
    // Not JSON: described by its status below.
  }
  return [{ field: "(server)", message: `HTTP ${response.status} ${response.statusText}` }];
}
