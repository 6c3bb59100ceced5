// The page's last few render answers, by order and options: a nurse flicking between the leaflet and the card,
// or an edit undone, gets the same bytes back without a render. Least recently used goes first. Used by the
// local render service and by the queue's (src/queue/queueRenderService.ts).
import { createHash } from "node:crypto";
import type { Order } from "../order/orderTypes.ts";
import type { GenerateOptions } from "../pipeline/generateDocuments.ts";

const CACHE_ENTRIES = 8;

export class RenderCache<T> {
  private readonly entries = new Map<string, T>();

  key(order: Order, options: GenerateOptions): string {
    return createHash("sha256")
      .update(JSON.stringify([order, options]))
      .digest("hex");
  }

  get(key: string): T | undefined {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, value: T): void {
    this.entries.set(key, value);
    while (this.entries.size > CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}
