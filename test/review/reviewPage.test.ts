// The review page in Debian's chromium (playwright-core, no browser download) against the real server on
// an ephemeral loopback port, reviewing a copy of the project: choose medicine, language and section, see
// source and translation side by side with figures marked, approve one section and see its status change.
// A screenshot goes to the system's temporary folder (leaflets-review-page.png).
// Skips itself, saying why, where /usr/bin/chromium is missing (`apt-get install chromium`).
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensurePageBuilt } from "../../src/web/buildPage.ts";
import { projectCopy, removeProjectCopies } from "../helpers/projectCopy.ts";
import { startTestServer, type TestServer } from "../helpers/webServer.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`reviewPage.test.ts: skipped — ${CHROMIUM} is missing (apt-get install chromium).`);

describe.skipIf(!hasChromium)("the review page in chromium", () => {
  let web: TestServer;
  let browser: Browser;
  let root: string;

  beforeAll(async () => {
    await ensurePageBuilt();
    root = projectCopy();
    web = await startTestServer({ projectRoot: root });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    removeProjectCopies();
  });

  test("approve one section and see its status change", async () => {
    const page = await (await browser.newContext({ locale: "en-US" })).newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith(web.url) && !request.url().startsWith("data:"))
        throw new Error(`asked another site: ${request.url()}`);
    });
    await page.goto(`${web.url}/`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Review" }).click();
    const panel = page.locator("#panel-review");
    await panel.getByLabel("Medicine", { exact: true }).selectOption("pomalidomide");
    await panel.getByLabel("Language", { exact: true }).selectOption("fr");
    await panel.getByLabel("Section", { exact: true }).selectOption("ppp");
    const row = page.locator('.review-status tr[data-section="ppp"]');
    await expect.poll(() => row.locator(".state").textContent()).toBe("unreviewed");
    // Side by side, with the figures marked in both columns ("4" weeks in English and French).
    const compare = page.locator(".review-compare");
    await expect.poll(() => compare.locator("tbody tr").count()).toBeGreaterThan(3);
    expect(await compare.locator("td:nth-child(2) mark").allTextContents()).toContain("4");
    expect(await compare.locator("td:nth-child(3) mark").allTextContents()).toContain("4");
    expect(await page.getByText("None: numbers, units and placeholders match the source.").count()).toBe(1);
    await panel.getByLabel("Your name").fill("A. Jansen");
    await panel.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => row.locator(".state").textContent()).toBe("approved");
    expect(await row.textContent()).toContain("A. Jansen, pharmacist");
    await page.screenshot({ path: join(tmpdir(), "leaflets-review-page.png"), fullPage: true });
    // The other sections are untouched, and the decision is in the review file.
    expect(await page.locator('.review-status tr[data-section="what"] .state').textContent()).toBe("unreviewed");
    const lines = readFileSync(join(root, "locales/reviews/fr.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ decision: "approved", section: "ppp", by: "A. Jansen", role: "pharmacist" }),
    ]);
  }, 120_000);
});
