// The nurses' page end to end in a real browser: playwright-core driving Debian's chromium (no browser
// download) against the real server on an ephemeral loopback port. Fills the form, waits for the preview's
// first page, triggers a field error with an impossible date, downloads the PDF and reads its text, and runs
// a small CSV batch with one bad row. Screenshots go to the system's temporary folder (leaflets-page-*.png).
// Skips itself, saying why, where /usr/bin/chromium is missing (`apt-get install chromium`; .ci/run does).
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensurePageBuilt } from "../../src/web/buildPage.ts";
import { extractText, flat, pageSizes } from "../helpers/pdf.ts";
import { LOG_LINE, startTestServer, type TestServer } from "../helpers/webServer.ts";
import { zipEntryNames } from "../helpers/zip.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`page.test.ts: skipped — ${CHROMIUM} is missing (apt-get install chromium); the API tests still run.`);
}

const shot = (name: string) => join(tmpdir(), `leaflets-page-${name}.png`);

describe.skipIf(!hasChromium)("the nurses' page in chromium", () => {
  let web: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await ensurePageBuilt();
    web = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    // en-US: the date inputs then take month/day/year as typed below.
    const context = await browser.newContext({
      locale: "en-US",
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    // Everything the page loads comes from its own server.
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
  });

  test("fill in the form, see the preview, download exactly the rendered PDF", async () => {
    await page.getByLabel("Medicine").selectOption("pomalidomide");
    await page.getByLabel("Patient's name").fill("Zoë de Vries");
    await page.getByLabel("Patient id").fill("E2E-0001");
    await page.getByLabel("Start date").fill("2026-12-01");
    await page.getByLabel("Dose").selectOption("3");
    await page.getByLabel("Number of cycles").fill("2");
    await page.getByLabel("Pregnancy prevention category").selectOption("man");
    await page.getByLabel("Patient's language").selectOption("en");
    // The check of the empty form (on opening) said "is required"; fields filled in since are not marked.
    expect(await page.locator(".field-error").count()).toBe(0);
    // The dose choices are the regimen's strengths only.
    expect(await page.getByLabel("Dose").locator("option").allTextContents()).toEqual([
      "Choose…",
      "1 mg",
      "2 mg",
      "3 mg",
      "4 mg",
    ]);

    await expect.poll(() => page.locator('figure[data-page-rendered="true"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/exactly as they will print/);
    await expect.poll(() => page.locator(".page-count").textContent()).toMatch(/^Page 1 of \d+$/);
    await page.screenshot({ path: shot("preview"), fullPage: false });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the leaflet (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("pomalidomide-leaflet-en.pdf");
    const path = await download.path();
    const bytes = new Uint8Array(readFileSync(path));
    const text = flat(await extractText(bytes));
    expect(text).toContain("Zoë de Vries");
    expect(text).toContain("E2E-0001");
    expect(text).toContain("3 mg");
    expect(text).toContain("1 December 2026");

    // The download is the server's rendering of the same order, byte for byte.
    const order = {
      patientId: "E2E-0001",
      name: "Zoë de Vries",
      drug: "pomalidomide",
      regimen: "pd-28",
      doseMg: 3,
      startDate: "2026-12-01",
      cycles: 2,
      pppCategory: "man",
      language: "en",
      brand: "default",
    };
    const rendered = await fetch(`${web.url}/api/render?kind=leaflet&paper=A4`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web.url },
      body: JSON.stringify(order),
    });
    expect(Buffer.from(await rendered.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    // Page navigation, and the card.
    await page.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => page.locator(".page-count").textContent()).toMatch(/^Page 2 of/);
    await expect.poll(() => page.locator('figure[data-page-rendered="true"]').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole("button", { name: "Card", exact: true }).click();
    await expect.poll(() => page.locator('figure[data-page-rendered="true"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator(".page-count").textContent()).toBe("Page 1 of 2");
    await page.screenshot({ path: shot("card") });
  });

  test("on a 1280×800 window the whole page is in view beside the form, scrolled or not; page and zoom keys", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole("button", { name: "Leaflet", exact: true }).click();
    const drawn = page.locator('figure[data-page-rendered="true"]');
    await expect.poll(() => drawn.count(), { timeout: 30_000 }).toBe(1);
    const canvas = drawn.locator("canvas");
    const inView = async () => {
      const box = await canvas.boundingBox();
      const form = await page.locator(".form-column").boundingBox();
      if (!box || !form) throw new Error("no page or form on screen");
      // Beside the form (to its right), wholly inside the window, and not a thumbnail.
      return box.x >= form.x + form.width && box.y >= 0 && box.y + box.height <= 800 && box.height >= 400;
    };
    await expect.poll(inView).toBe(true);
    await page.getByLabel("Number of cycles").scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect.poll(inView).toBe(true);
    await page.screenshot({ path: shot("preview-1280") });

    // Keys act on the focused page: PageDown/PageUp turn pages, + and − zoom, 0 fits again.
    const frame = page.getByRole("region", { name: /^Leaflet, page 1 of \d+$/ });
    await frame.focus();
    await page.keyboard.press("PageDown");
    await expect.poll(() => page.locator(".page-count").textContent()).toMatch(/^Page 2 of/);
    await expect.poll(() => drawn.count(), { timeout: 30_000 }).toBe(1);
    const fitted = (await canvas.boundingBox())?.width ?? 0;
    await page.keyboard.press("+");
    await expect.poll(() => page.locator(".zoom-level").textContent()).toBe("125 %");
    await expect.poll(async () => Math.round((((await canvas.boundingBox())?.width ?? 0) / fitted) * 100)).toBe(125);
    await page.keyboard.press("-");
    await page.keyboard.press("+");
    await page.keyboard.press("+");
    await expect.poll(() => page.locator(".zoom-level").textContent()).toBe("150 %");
    await page.keyboard.press("0");
    await expect.poll(() => page.locator(".zoom-level").textContent()).toBe("Fit");
    await page.keyboard.press("PageUp");
    await expect.poll(() => page.locator(".page-count").textContent()).toMatch(/^Page 1 of/);
    await expect.poll(() => drawn.count(), { timeout: 30_000 }).toBe(1);
    expect(Math.round((await canvas.boundingBox())?.width ?? 0)).toBe(Math.round(fitted));

    // An edit: the last page stays drawn with a quiet "updating…" until the new one replaces it.
    await page.getByLabel("Patient's name").fill("Zoë de Vries-Bakker");
    await expect.poll(() => page.locator(".updating-badge").count()).toBe(1);
    expect(await page.locator(".page-figure canvas").first().isVisible()).toBe(true);
    await expect.poll(() => page.locator(".updating-badge").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => drawn.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/exactly as they will print/);
    await page.getByLabel("Patient's name").fill("Zoë de Vries");
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/exactly as they will print/);
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.getByRole("button", { name: "Card", exact: true }).click(); // as the next test expects
    await expect.poll(() => drawn.count(), { timeout: 30_000 }).toBe(1);
  });

  test("print options: the card on an A4 or a Letter sheet (with the 100 % note), duplex padding for the leaflet", async () => {
    const printed = (kind: string) =>
      page.waitForResponse((r) => r.url().includes("/api/render?") && r.url().includes(`kind=${kind}`));
    // The card on a sheet: the request asks for it and the card preview is an A4 page.
    const card = printed("card");
    await page.getByLabel("Card format").selectOption("sheet");
    expect(new URL((await card).url()).searchParams.get("format")).toBe("sheet");
    await expect.poll(() => page.getByText(/Print the sheet at 100 %/).count()).toBe(1);
    await expect.poll(() => page.locator(".page-count").textContent(), { timeout: 30_000 }).toBe("Page 1 of 2");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the card (PDF)" }).click(),
    ]);
    const sizes = await pageSizes(new Uint8Array(readFileSync(await download.path())));
    expect(sizes.map((s) => [Math.round(s.width), Math.round(s.height)])).toEqual([
      [595, 842],
      [595, 842],
    ]);
    // Letter paper: the sheet follows it (the option says so), for an office printer in North America.
    const letterCard = printed("card");
    await page.locator("#field-paper").selectOption("Letter");
    const letterUrl = new URL((await letterCard).url());
    expect([letterUrl.searchParams.get("paper"), letterUrl.searchParams.get("format")]).toEqual(["Letter", "sheet"]);
    expect(await page.getByLabel("Card format").locator("option:checked").textContent()).toBe(
      "Card on a sheet of Letter (office printer)",
    );
    const [letterDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the card (PDF)" }).click(),
    ]);
    const letterSizes = await pageSizes(new Uint8Array(readFileSync(await letterDownload.path())));
    expect(letterSizes.map((s) => [Math.round(s.width), Math.round(s.height)])).toEqual([
      [612, 792],
      [612, 792],
    ]);
    await page.locator("#field-paper").selectOption("A4");
    // Duplex: the leaflet comes with duplex=1 and an even page count.
    const leaflet = printed("leaflet");
    await page.getByLabel(/Double-sided printing/).check();
    const response = await leaflet;
    expect(new URL(response.url()).searchParams.get("duplex")).toBe("1");
    expect(Number(response.headers()["x-pages"]) % 2).toBe(0);
    await page.screenshot({ path: shot("print-options") });
  });

  test("an impossible start date (2026-02-30) is named beside the start-date field", async () => {
    const startDate = page.getByLabel("Start date");
    await startDate.fill("");
    await startDate.focus();
    await page.keyboard.type("02302026");
    await page.keyboard.press("Tab");
    const error = page.locator('[data-field="startDate"] .field-error');
    await expect
      .poll(() => error.textContent(), { timeout: 10_000 })
      .toMatch(/^Problem: Start date: is not a date on the calendar \(check the day and the month\)$/);
    expect(await startDate.getAttribute("aria-invalid")).toBe("true");
    expect(await startDate.getAttribute("aria-describedby")).toContain("field-startDate-error");
    // Only that field is marked, and nothing can be printed meanwhile.
    expect(await page.locator(".field-error").count()).toBe(1);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/1 field needs attention/);
    await page.locator('[data-field="startDate"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("date-error") });

    // A valid date clears it.
    await startDate.fill("2026-12-01");
    await expect.poll(() => page.locator(".field-error").count()).toBe(0);
  });

  test("a batch: upload a CSV with one bad row, watch it finish, read the report, download the zip", async () => {
    await page.getByRole("tab", { name: "Batch (CSV file)" }).click();
    const csv = [
      "patientId;name;drug;regimen;doseMg;startDate;cycles;pppCategory;language",
      "E2E-B1;Anna Jansen;pomalidomide;pd-28;4;2026-12-01;1;man;nl",
      "E2E-B2;Bram Bakker;pomalidomide;pd-28;5;2026-12-01;1;man;nl",
      "",
    ].join("\n");
    await page
      .getByLabel("CSV file", { exact: true })
      .setInputFiles({ name: "clinic.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Start the batch" }).click();
    const status = page.locator("#batch-progress-text");
    await expect.poll(() => status.getAttribute("data-status"), { timeout: 60_000 }).toBe("done");
    expect(await status.textContent()).toMatch(/Done: 1 printed, 1 with problems, of 2 rows/);
    const failedRow = page.locator('tr[data-row="3"]');
    expect(await failedRow.locator("td").nth(0).textContent()).toBe("E2E-B2");
    expect(await failedRow.locator("td").nth(1).textContent()).toBe("Not printed");
    expect(await failedRow.locator("td").nth(2).textContent()).toMatch(/doseMg.*5 mg is not a pomalidomide strength/);
    expect(await page.locator('tr[data-row="2"] td').nth(1).textContent()).toBe("Printed");
    await page.screenshot({ path: shot("batch"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the results (zip)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("clinic-leaflets.zip");
    const names = zipEntryNames(new Uint8Array(readFileSync(await download.path())));
    expect(names).toEqual(expect.arrayContaining(["report.csv", "E2E-B1/pomalidomide-leaflet-nl.pdf"]));
  });

  test("the Dutch page", async () => {
    await page.getByRole("button", { name: "Nederlands" }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await page.getByRole("tab", { name: "Eén patiënt" }).click();
    expect(await page.getByLabel("Startdatum").count()).toBe(1);
    await expect.poll(() => page.locator('figure[data-page-rendered="true"]').count(), { timeout: 30_000 }).toBe(1);
    await page.screenshot({ path: shot("dutch"), fullPage: true });
  });

  test("large type: at 200% zoom (half the width) the preview goes below the form, nothing cut off", async () => {
    await page.setViewportSize({ width: 700, height: 1000 });
    const form = await page.locator(".form-column").boundingBox();
    const preview = await page.locator(".preview-column").boundingBox();
    expect(form && preview && preview.y >= form.y + form.height).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot("narrow") });
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  test("the server logged requests only, no patient data", () => {
    for (const line of web.logs) expect(line).toMatch(LOG_LINE);
    const all = web.logs.join("\n");
    for (const secret of ["Zoë", "Vries", "Anna", "Bram"]) expect(all).not.toContain(secret);
  });
});
