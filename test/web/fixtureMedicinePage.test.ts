// The nurses' page shows a project's own medicine's fields from the catalog alone: the fictional zorivastat
// (test/fixtures/medicine-project) with its field tabletForm, in chromium against a server started on a
// project folder holding it. Its label, help and choices come from the project's locale files, in the
// page's language; the server's problem for it shows beside it. Skips, saying why, without /usr/bin/chromium.
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensurePageBuilt } from "../../src/web/buildPage.ts";
import { fixtureProject } from "../helpers/fixtureProject.ts";
import { removeProjectCopies } from "../helpers/projectCopy.ts";
import { startTestServer, type TestServer } from "../helpers/webServer.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`fixtureMedicinePage.test.ts: skipped — ${CHROMIUM} is missing (apt-get install chromium).`);

describe.skipIf(!hasChromium)("a project's own medicine on the nurses' page", () => {
  let web: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensurePageBuilt();
    web = await startTestServer({ projectRoot: fixtureProject() });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    page = await (await browser.newContext({ locale: "en-US", viewport: { width: 1400, height: 1000 } })).newPage();
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(web.url) && !url.startsWith("blob:") && !url.startsWith("data:")) {
        throw new Error(`the page asked another site: ${url}`);
      }
    });
    await page.goto(`${web.url}/`);
    await page.getByRole("button", { name: "English" }).click();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    removeProjectCopies();
  });

  test("its field, with its label, help and choices, in place of another medicine's", async () => {
    await page.getByLabel("Medicine").selectOption("zorivastat");
    const field = page.getByLabel("How the tablets are taken");
    expect(await field.locator("option").allTextContents()).toEqual([
      "Choose…",
      "swallowed whole",
      "dispersed in water",
    ]);
    expect(await page.locator('[data-field="tabletForm"] .hint').textContent()).toBe(
      "Decides what the leaflet and the card say about swallowing the tablets.",
    );
    expect(await page.getByLabel("Number of cycles").count()).toBe(1);
    expect(await page.getByLabel("Dose").count()).toBe(0);
    expect(await page.getByLabel("Pregnancy prevention category").count()).toBe(0);
    expect(await page.getByLabel("Regimen").locator("option").allTextContents()).toEqual(["zori-14 — 14-day cycles"]);

    // The server's validator words the problem; the page shows it beside the field once visited.
    await page.getByLabel("Patient's name").fill("Test Patiënt");
    await page.getByLabel("Patient id").fill("ZOR-0001");
    await page.getByLabel("Start date").fill("2026-12-01");
    await page.getByLabel("Number of cycles").fill("2");
    await field.selectOption("");
    const error = page.locator('[data-field="tabletForm"] .field-error');
    await expect.poll(() => error.textContent()).toContain("is required for zorivastat: whole or dispersed");
    await field.selectOption("dispersed");
    await expect.poll(() => page.locator(".field-error").count()).toBe(0);
  });

  test("in Dutch, from the project's Dutch texts", async () => {
    await page.getByRole("button", { name: "Nederlands" }).click();
    const field = page.getByLabel("Hoe de tabletten worden ingenomen");
    expect(await field.locator("option").allTextContents()).toEqual([
      "Kies…",
      "heel doorgeslikt",
      "uiteengevallen in water",
    ]);
  });
});
