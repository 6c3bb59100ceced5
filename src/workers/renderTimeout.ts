// A limit on how long making one order's documents may take: past it the caller gets a RenderTimeoutError
// and nothing is written (documents are written only after every one of them is rendered).
import { RenderTimeoutError } from "../core/errors.ts";

export function withRenderTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RenderTimeoutError(timeoutMs / 1000)), timeoutMs);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
