// Part of `npm run bench -- --preview`: the nurse's own view of the preview. Debian's chromium (through
// playwright-core) opens the nurses' page on the bench's server, the demo order is filled in, and then the
// name is typed a letter at a time, N times (default 20); for each letter, the time from the keystroke to
// the new page drawn on screen (the preview's "updating…" gone, the leaflet's page drawn for the form as
// it now is: the page's pause for typing, the server's check and render, pdf.js drawing; the card, rendered
// after the leaflet, is not waited for). Skips, saying so, without chromium.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/** Keystroke → page drawn times in ms (sorted), or undefined when chromium is missing. */
export async function keystrokeToPage(url: string, edits: number): Promise<number[] | undefined> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser preview: skipped, ${CHROMIUM} is missing (apt-get install chromium)`);
    return undefined;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await (
      await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } })
    ).newPage();
    page.on("request", (request) => {
      if (!request.url().startsWith(url) && !/^(blob|data):/.test(request.url())) {
        throw new Error(`the page asked another site: ${request.url()}`);
      }
    });
    await page.goto(`${url}/`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByLabel("Medicine").selectOption("pomalidomide");
    await page.getByLabel("Patient's name").fill("Bench Patient");
    await page.getByLabel("Patient id").fill("BENCH-0001");
    await page.getByLabel("Start date").fill("2026-12-01");
    await page.getByLabel("Dose").selectOption("3");
    await page.getByLabel("Number of cycles").fill("2");
    await page.getByLabel("Pregnancy prevention category").selectOption("man");
    await page.getByLabel("Patient's language").selectOption("en");
    const settled = () =>
      page.waitForFunction(
        () =>
          document.querySelector('figure[data-page-rendered="true"]') !== null &&
          document.querySelector(".updating-badge") === null,
        undefined,
        { polling: "raf", timeout: 60_000 },
      );
    await settled();
    const name = page.getByLabel("Patient's name");
    await name.focus();
    await page.keyboard.press("End");
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const t0 = performance.now();
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.locator(".updating-badge").waitFor({ state: "attached", timeout: 5_000 });
      await settled();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}
