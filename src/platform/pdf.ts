/**
 * Pages printed to PDF by a headless Chromium (Debian's, or CHROMIUM_PATH): the same HTML and print
 * styles as on screen, so the PDF is what people read. Printing is a job of the database's queue
 * (src/platform/jobs): at most PDF_CONCURRENCY browsers at once in each app process, the others wait
 * their turn and the person waiting sees their place in the queue; the PDF is kept in the database
 * for that person (PDF_KEEP_SECONDS), then deleted. One browser serves the prints of a process.
 */
import fs from "node:fs";
import { getEnv } from "./env";
import { defineJob } from "./jobs/queue";

export class PdfUnavailable extends Error {}

export function pdfAvailable(): boolean {
  return fs.existsSync(getEnv().CHROMIUM_PATH);
}

/** How long a printed PDF stays downloadable by the person who asked. */
export const PDF_KEEP_SECONDS = 30 * 60;

export type PdfJobInput = { path: string; footer: string; filename: string };

/** Prints `path` of this server as the person who asked (their cookie, the run's secret, erased at the end). */
export const pdfJob = defineJob<PdfJobInput>({
  name: "pdf-print",
  concurrency: () => getEnv().PDF_CONCURRENCY,
  timeoutSeconds: 5 * 60,
  keepSeconds: PDF_KEEP_SECONDS,
  failedMessage: "L'impression en PDF a échoué. Réessayez dans un instant, ou ouvrez l'état des lieux et utilisez « Imprimer ».",
  interruptedMessage: "L'impression a été interrompue par un arrêt du serveur. Demandez le PDF à nouveau.",
  async run({ input, secret }) {
    return { file: await print(input.path, secret ?? "", input.footer) };
  },
});

/**
 * One Chromium per process, kept while prints follow one another and closed after IDLE_MS without
 * any: starting a browser costs about a second, as much as a print. Each print has its own context
 * (its own cookies); the number of prints at once is bounded by the job's workers (PDF_CONCURRENCY).
 */
const IDLE_MS = 30_000;
let browserPromise: Promise<import("playwright-core").Browser> | undefined;
let using = 0;
let idleTimer: NodeJS.Timeout | undefined;

async function openBrowser(): Promise<import("playwright-core").Browser> {
  using++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = undefined;
  if (!browserPromise) {
    const { chromium } = await import("playwright-core");
    const launching = chromium.launch({
      executablePath: getEnv().CHROMIUM_PATH,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    browserPromise = launching;
    launching.then(
      // A browser that crashed or was killed is started again at the next print.
      (b) => b.on("disconnected", () => {
        if (browserPromise === launching) browserPromise = undefined;
      }),
      () => {
        if (browserPromise === launching) browserPromise = undefined;
      },
    );
  }
  try {
    return await browserPromise;
  } catch (e) {
    releaseBrowser();
    throw e;
  }
}

function releaseBrowser(): void {
  using = Math.max(0, using - 1);
  if (using > 0 || !browserPromise) return;
  const idle = browserPromise;
  idleTimer = setTimeout(() => {
    if (using === 0 && browserPromise === idle) {
      browserPromise = undefined;
      void idle.then((b) => b.close()).catch(() => undefined);
    }
  }, IDLE_MS);
  idleTimer.unref();
}

async function print(path: string, cookie: string, footer: string): Promise<Uint8Array> {
  const env = getEnv();
  if (!pdfAvailable()) throw new PdfUnavailable(`Chromium introuvable (${env.CHROMIUM_PATH})`);
  const browser = await openBrowser();
  let context: import("playwright-core").BrowserContext | undefined;
  try {
    context = await browser.newContext({ extraHTTPHeaders: cookie ? { cookie } : {} });
    const page = await context.newPage();
    const response = await page.goto(`http://127.0.0.1:${env.PORT}${path}`, { waitUntil: "load", timeout: 60_000 });
    if (!response || response.status() !== 200) throw new Error(`page ${path} : HTTP ${response?.status() ?? "sans réponse"}`);
    return await pdfOf(page, footer);
  } finally {
    await context?.close().catch(() => undefined);
    releaseBrowser();
  }
}

/** The page as an A4 PDF, with the footer every printed document carries. */
async function pdfOf(page: import("playwright-core").Page, footer: string): Promise<Uint8Array> {
  await page.emulateMedia({ media: "print" });
  const escape = (s: string) => s.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    // A tagged PDF (headings, lists, tables, figures' text alternatives) with bookmarks from the
    // headings: RGAA asks documents to be accessible, and a screen reader reads the tags.
    tagged: true,
    outline: true,
    margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;font-family:Marianne,arial,sans-serif"><span>${escape(footer)}</span><span>page <span class="pageNumber"></span> sur <span class="totalPages"></span></span></div>`,
  });
  return new Uint8Array(pdf);
}

/**
 * Prints a standalone HTML page given as text (no request to this server, no cookie): documents rendered by
 * plain functions, such as the signed charter printed once by its job. Same browser, same A4 settings.
 */
export async function printHtml(html: string, footer: string): Promise<Uint8Array> {
  if (!pdfAvailable()) throw new PdfUnavailable(`Chromium introuvable (${getEnv().CHROMIUM_PATH})`);
  const browser = await openBrowser();
  let context: import("playwright-core").BrowserContext | undefined;
  try {
    context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load", timeout: 60_000 });
    return await pdfOf(page, footer);
  } finally {
    await context?.close().catch(() => undefined);
    releaseBrowser();
  }
}
