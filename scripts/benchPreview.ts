// `npm run bench -- --preview [N]`: the nurses' page's preview path. Starts the server in this process (its
// render workers as the server starts them, warm-up included), sends the demo order's first preview at once,
// then N edits (default 50) one after another as the page sends them (POST /api/render, the whole order,
// the name typed a letter at a time, so no answer comes from the cache); prints the first request's time
// and the median and p95 from request to the last PDF byte. `--wait MS` sends the first preview MS after the
// server started (as when the nurse first signs in and fills the form). Then, in chromium, keystroke → new
// page drawn (scripts/benchPreviewBrowser.ts; `--browser N` keystrokes, default 20). Fictional patient;
// loopback only.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DEMO_ORDER } from "../src/order/demoOrder.ts";
import { startServer } from "../src/web/startServer.ts";
import { keystrokeToPage } from "./benchPreviewBrowser.ts";

export async function benchPreview(argv: string[]): Promise<void> {
  const after = argv[argv.indexOf("--preview") + 1];
  const edits = after && /^\d+$/.test(after) ? Number(after) : 50;
  const waitAt = argv.indexOf("--wait");
  const waitMs = waitAt > 0 ? Number(argv[waitAt + 1] ?? 0) : 0;
  const jobRoot = mkdtempSync(join(tmpdir(), "leaflets-bench-preview-"));
  const started = performance.now();
  const server = await startServer({ port: 0, host: "127.0.0.1", log: () => {}, jobRoot });
  const url = server.url.replace(/\/$/, "");
  const render = async (order: Record<string, unknown>): Promise<number> => {
    const t0 = performance.now();
    const response = await fetch(`${url}/api/render?kind=leaflet&paper=A4`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify(order),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200 || bytes.length === 0) throw new Error(`render answered ${response.status}`);
    return performance.now() - t0;
  };
  try {
    const listening = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const first = await render({ ...DEMO_ORDER });
    const times: number[] = [];
    const name = String(DEMO_ORDER.name);
    for (let i = 0; i < edits; i++) {
      // The nurse types the name again, a letter at a time (each edit is a new order for the cache).
      times.push(await render({ ...DEMO_ORDER, name: `${name.slice(0, 1 + (i % name.length))} ${i}` }));
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor((times.length - 1) / 2)] ?? 0;
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0;
    console.log(`preview renders (leaflet, A4), load average ${loadavg()[0]?.toFixed(2)}`);
    console.log(`server listening after   ${listening.toFixed(0)} ms`);
    console.log(`first preview, sent ${waitMs} ms after start: ${first.toFixed(0)} ms`);
    console.log(`${edits} edits: median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (request → PDF bytes)`);
    const browserAt = argv.indexOf("--browser");
    const keystrokes = browserAt > 0 && /^\d+$/.test(argv[browserAt + 1] ?? "") ? Number(argv[browserAt + 1]) : 20;
    const drawn = await keystrokeToPage(url, keystrokes);
    if (drawn) {
      const at = (q: number) => drawn[Math.min(drawn.length - 1, Math.floor(drawn.length * q))] ?? 0;
      console.log(
        `in chromium, ${keystrokes} keystrokes in the name: median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (keystroke → new page drawn, 200 ms of it the page's pause for typing)`,
      );
    }
  } finally {
    await server.close();
    rmSync(jobRoot, { recursive: true, force: true });
  }
}
