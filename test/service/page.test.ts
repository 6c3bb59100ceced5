// The page in a real browser (playwright-core driving Debian's chromium) against the service with accounts:
// the sign-in form, a wrong password in Dutch, a nurse signs in, previews, prints (one audit record each),
// sees no audit tab, signs out; an admin sees the audit trail. No Content-Security-Policy violation allowed.
// Skips itself, saying why, where /usr/bin/chromium is missing (`apt-get install chromium`).
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensurePageBuilt } from "../../src/web/buildPage.ts";
import { PASSWORD, type ServiceServer, startServiceServer } from "./serviceServer.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`service page.test.ts: skipped — ${CHROMIUM} is missing (apt-get install chromium).`);

describe.skipIf(!hasChromium)("signing in to the page in chromium", () => {
  let web: ServiceServer;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    await ensurePageBuilt();
    web = await startServiceServer([
      ["nina", "nurse"],
      ["ada", "admin"],
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // No print dialog: print() in the print frame returns at once instead of waiting (or crashing) headless.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-print-preview",
        "--kiosk-printing",
      ],
    });
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on("request", (request) => {
      const url = request.url();
      // chrome-extension: and chrome: are the browser's own PDF viewer, which the print frame opens.
      if (![web.url, "blob:", "data:", "chrome-extension:", "chrome:"].some((start) => url.startsWith(start))) {
        throw new Error(`the page asked another site: ${url}`);
      }
    });
    await page.goto(`${web.url}/`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test("a wrong password is told in Dutch; the nurse signs in, previews, prints, and signs out", async () => {
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.getByLabel("Gebruikersnaam").fill("nina");
    await page.getByLabel("Wachtwoord").fill("not the password");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Verkeerde gebruikersnaam of wachtwoord.");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator(".session-bar").textContent()).toMatch(/Signed in as nina \(nurse\)/);
    // A nurse has no audit tab.
    expect(await page.getByRole("tab").allTextContents()).toEqual(["One patient", "Batch (CSV file)"]);

    await page.getByLabel("Medicine").selectOption("pomalidomide");
    await page.getByLabel("Patient's name").fill("Zoë de Vries");
    await page.getByLabel("Patient id").fill("PAGE-0007");
    await page.getByLabel("Start date").fill("2026-12-01");
    await page.getByLabel("Dose").selectOption("3");
    await page.getByLabel("Number of cycles").fill("2");
    await page.getByLabel("Pregnancy prevention category").selectOption("man");
    await page.getByLabel("Patient's language").selectOption("en");
    await expect.poll(() => page.locator('figure[data-page-rendered="true"]').count(), { timeout: 60_000 }).toBe(1);
    await page.screenshot({ path: join(tmpdir(), "leaflets-service-preview.png") });

    await page.getByRole("button", { name: "Print the leaflet" }).click();
    await expect
      .poll(() => web.service.audit.query({ patient: "PAGE-0007", user: "nina" }).some((r) => r.action === "print"))
      .toBe(true);
    const records = web.service.audit.query({ patient: "PAGE-0007" });
    const previews = records.filter((r) => r.action === "preview-leaflet");
    const print = records.find((r) => r.action === "print");
    expect(previews.length).toBeGreaterThan(0);
    expect(print?.documentHash).toBe(previews.at(-1)?.documentHash);
    expect(records.every((r) => r.user === "nina" && r.patientIds.join() === "PAGE-0007")).toBe(true);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).count()).toBe(1);
    expect(web.service.audit.query({ user: "nina" }).at(-1)?.action).toBe("sign-out");
    // The old cookie is gone from the browser and dead on the server.
    expect(await page.evaluate(async () => (await fetch("/api/catalog")).status)).toBe(401);
  }, 120_000);

  test("the admin sees the audit trail and filters it by patient id", async () => {
    // A fresh window: the print frame's PDF viewer of the test before is left behind.
    page = await (await browser.newContext({ locale: "en-US" })).newPage();
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${web.url}/`);
    await page.getByLabel("User name").fill("ada");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("tab", { name: "Audit trail" }).click();
    await page.locator(".audit-filters").getByLabel("Patient id").fill("PAGE-0007");
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.locator(".audit-table tbody tr").count()).toBeGreaterThan(1);
    const patients = await page.locator(".audit-table tbody tr td:nth-child(4)").allTextContents();
    expect(new Set(patients)).toEqual(new Set(["PAGE-0007"]));
    expect(await page.locator(".audit-table").textContent()).not.toContain("Zoë");
    await page.screenshot({ path: join(tmpdir(), "leaflets-service-audit.png") });
    expect(violations).toEqual([]);
  }, 60_000);
});
