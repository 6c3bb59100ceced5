// A limit on how long making one order's documents may take: past it the caller gets a RenderTimeoutError
// and nothing is written (documents are written only after every one of them is rendered).
import { LeafletError } from "../core/errors.ts";

export class RenderTimeoutError extends LeafletError {
  constructor(readonly seconds: number) {
    super(
      "RENDER_TIMEOUT",
      `rendering took longer than ${seconds} s and was stopped; nothing was written`,
      "Run `leaflets validate`; if a brand's logo or a template lies on a network share, copy it to a local disk. --timeout sets the limit.",
    );
  }
}

export function withRenderTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RenderTimeoutError(timeoutMs / 1000)), timeoutMs);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
