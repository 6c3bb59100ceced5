// The messages between the server and its render worker: one validated order and the document options in,
// the documents' bytes (or the problems that refused the order) out.
import type { FieldProblem } from "../errors.ts";
import type { Order } from "../order/orderTypes.ts";
import type { DocumentKind, GenerateOptions } from "../pipeline/generateDocuments.ts";

export interface WorkerRequest {
  id: number;
  order: Order;
  options: GenerateOptions;
}

export interface RenderedDocument {
  kind: DocumentKind;
  language: string;
  /** A bilingual leaflet's second language. */
  secondLanguage?: string;
  pages: number;
  bytes: Uint8Array;
}

export type WorkerResponse =
  | { id: number; ok: true; documents: RenderedDocument[] }
  | { id: number; ok: false; problems: FieldProblem[]; failure?: undefined }
  | { id: number; ok: false; failure: string; problems?: undefined };
