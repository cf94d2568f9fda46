/**
 * Pages printed to PDF by a headless Chromium (Debian's, or CHROMIUM_PATH): the same HTML and print
 * styles as on screen, so the PDF is what people read. One print at a time: a second request waits
 * for the first rather than starting another browser on a small server.
 */
import fs from "node:fs";
import { getEnv } from "./env";

export class PdfUnavailable extends Error {}

let queue: Promise<unknown> = Promise.resolve();

export function pdfAvailable(): boolean {
  return fs.existsSync(getEnv().CHROMIUM_PATH);
}

/** Prints `path` of this server, as the person who asked (their cookies), to an A4 PDF. */
export function printToPdf(path: string, cookie: string, footer: string): Promise<Uint8Array> {
  const run = queue.then(() => print(path, cookie, footer));
  queue = run.catch(() => undefined);
  return run;
}

async function print(path: string, cookie: string, footer: string): Promise<Uint8Array> {
  const env = getEnv();
  if (!pdfAvailable()) throw new PdfUnavailable(`Chromium introuvable (${env.CHROMIUM_PATH})`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: env.CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: cookie ? { cookie } : {} });
    const page = await context.newPage();
    const response = await page.goto(`http://127.0.0.1:${env.PORT}${path}`, { waitUntil: "load", timeout: 60_000 });
    if (!response || response.status() !== 200) throw new Error(`page ${path} : HTTP ${response?.status() ?? "sans réponse"}`);
    await page.emulateMedia({ media: "print" });
    const escape = (s: string) => s.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:Marianne,arial,sans-serif"><span>${escape(footer)}</span><span>page <span class="pageNumber"></span> sur <span class="totalPages"></span></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
