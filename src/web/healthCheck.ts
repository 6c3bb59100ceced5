// GET /healthz: does the service work right now? The database must take a write (a one-row table is
// rewritten) and a render worker must render a tiny document (the demo patient's card) within a short
// deadline — never answered from the render cache. One check runs at a time; callers meanwhile share it.
import type { Order } from "../order/orderTypes.ts";
import type { Service } from "../service/service.ts";

export const HEALTH_DEADLINE_MS = 10_000;

export interface HealthAnswer {
  ok: boolean;
  database: "ok" | "failed" | "none";
  render: "ok" | "failed";
  /** Why not, when not ok (no patient data: the demo order is the one rendered). */
  reasons?: string[];
}

/** A renderer's own health check: a real render on a worker, past any cache, within `deadlineMs`. */
export interface RenderCheck {
  check(order: Order, deadlineMs: number): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export function createHealthCheck(options: {
  service: Service | undefined;
  renderer: RenderCheck;
  /** The demo order, validated (undefined when the catalog cannot validate it: render fails). */
  order: Order | undefined;
  deadlineMs?: number;
}): () => Promise<HealthAnswer> {
  let running: Promise<HealthAnswer> | undefined;
  const deadlineMs = options.deadlineMs ?? HEALTH_DEADLINE_MS;
  const once = async (): Promise<HealthAnswer> => {
    const reasons: string[] = [];
    const database = checkDatabase(options.service, reasons);
    let render: HealthAnswer["render"] = "failed";
    if (!options.order) reasons.push("render: the demo order does not validate against the catalog");
    else {
      const outcome = await options.renderer.check(options.order, deadlineMs).catch((error: unknown) => ({
        ok: false as const,
        reason: `the render check failed (${(error as Error)?.name ?? typeof error})`,
      }));
      if (outcome.ok) render = "ok";
      else reasons.push(`render: ${outcome.reason}`);
    }
    const ok = database !== "failed" && render === "ok";
    return { ok, database, render, ...(ok ? {} : { reasons }) };
  };
  return () => {
    running ??= once().finally(() => {
      running = undefined;
    });
    return running;
  };
}

function checkDatabase(service: Service | undefined, reasons: string[]): HealthAnswer["database"] {
  if (!service) return "none";
  try {
    service.db
      .prepare(
        "INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
      )
      .run(new Date().toISOString());
    return "ok";
  } catch (error) {
    // SQLite's message names the problem (read-only, disk full, locked), never patient data.
    reasons.push(`database: it does not take a write (${(error as Error)?.message ?? String(error)})`);
    return "failed";
  }
}
