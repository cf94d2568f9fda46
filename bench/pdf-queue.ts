// PDF printing through the job queue (issue 8, section 4): 10 people ask for the État des lieux PDF at
// the same moment, each reloading their waiting page every POLL_MS (2 s, as the page's own refresh with JavaScript). For each,
// the time to their first answer (the waiting page), the positions it showed
// them, and the time until their PDF was downloaded; then the time to the last PDF. Measured with
// PDF_CONCURRENCY=1 and 2 (prints at once), on PGlite (the default start), demo data. Also the CPU the
// server and its Chromium spent (load-independent), and what a browser start costs.
//   npx tsx bench/pdf-queue.ts
import { chromium } from "playwright-core";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";
import fs from "node:fs";
import { childrenOf, machine, main, median, onCleanup, seconds, tempDir } from "./lib";

const REQUESTS = Number(process.env.REQUESTS ?? 10);
const CONCURRENCIES = (process.env.CONCURRENCIES ?? "1,2").split(",").map(Number);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** How often each waiting person reloads the page: the page's own refresh (JavaScript) is 2 s. */
const POLL_MS = Number(process.env.POLL_MS ?? 2000);

/**
 * CPU (ms) spent by a process and all its descendants, including those that already exited (their
 * time is in their parent's cutime/cstime once reaped): the cost of printing, whatever the load of
 * the shared machine did to the wall-clock times.
 */
function treeTotalCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const own = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) * 10;
    return own + childrenOf(pid).reduce((sum, child) => sum + treeTotalCpuMs(child), 0);
  } catch {
    return 0;
  }
}

/** What starting and closing a Chromium costs (what a print paid before one browser was kept per process). */
async function browserStartCost(): Promise<{ wallMs: number; cpuMs: number }> {
  const before = treeTotalCpuMs(process.pid);
  const t0 = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  await (await browser.newPage()).goto("about:blank");
  await browser.close();
  return { wallMs: performance.now() - t0, cpuMs: treeTotalCpuMs(process.pid) - before };
}

type Server = { baseUrl: string; pid: number; stop: () => Promise<void> };
type Outcome = { firstAnswerMs: number; firstShown: string; shown: string[]; doneMs: number; bytes: number };

async function signIn(baseUrl: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/connexion?next=${encodeURIComponent("/espace")}`);
    await page.getByLabel("Adresse électronique").fill("coordination@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill("demo-coordination-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${baseUrl}/espace`);
    return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** What the waiting page says, in short. */
function shownOn(page: string): string {
  // React separates text and values with empty comments.
  const html = page.replaceAll("<!-- -->", "");
  const position = /position (\d+) dans la file/.exec(html);
  if (position) return `#${position[1]}`;
  if (html.includes("Impression en cours")) return "impression";
  if (html.includes("Votre PDF est prêt")) return "prêt";
  if (html.includes("n&#x27;a pas pu être imprimé") || html.includes("n'a pas pu être imprimé")) return "échec";
  return "?";
}

async function onePdf(baseUrl: string, cookie: string, t0: number): Promise<Outcome> {
  const asked = await fetch(`${baseUrl}/espace/charente/diagnostic/etat-des-lieux/pdf`, { headers: { cookie }, redirect: "manual" });
  if (asked.status !== 303) throw new Error(`pdf : HTTP ${asked.status}`);
  const waiting = new URL(asked.headers.get("location") ?? "", baseUrl).toString();
  const shown: string[] = [];
  let firstAnswerMs = 0;
  for (;;) {
    // As the page's own refresh does (a shorter POLL_MS sees every position, but its page views cost the server CPU).
    const html = await (await fetch(waiting, { headers: { cookie } })).text();
    if (!firstAnswerMs) firstAnswerMs = performance.now() - t0;
    const now = shownOn(html);
    if (shown.at(-1) !== now) shown.push(now);
    if (now === "prêt") break;
    if (now === "échec" || now === "?") throw new Error(`page d'attente : ${now} ${html.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const pdf = new Uint8Array(await (await fetch(`${waiting}/fichier`, { headers: { cookie } })).arrayBuffer());
  if (new TextDecoder().decode(pdf.subarray(0, 5)) !== "%PDF-") throw new Error("pas un PDF");
  return { firstAnswerMs, firstShown: shown[0] ?? "?", shown, doneMs: performance.now() - t0, bytes: pdf.length };
}

main(async () => {
  ensureBuilt();
  console.log(`# PDF queue — ${machine()}`);
  for (const concurrency of CONCURRENCIES) {
    const server = (await startServer({ env: { DEMO: "1", PDF_CONCURRENCY: String(concurrency) }, dataDir: tempDir("maillage-bench-pdf-") })) as Server;
    let stopped = false;
    const stop = async () => {
      if (!stopped) await server.stop();
      stopped = true;
    };
    onCleanup(stop);
    const cookie = await signIn(server.baseUrl);
    // One PDF first: the first render of the page and the first Chromium start are not what is measured.
    await onePdf(server.baseUrl, cookie, performance.now());
    const cpuBefore = treeTotalCpuMs(server.pid);
    const t0 = performance.now();
    const outcomes = await Promise.all(Array.from({ length: REQUESTS }, () => onePdf(server.baseUrl, cookie, t0)));
    const cpuMs = treeTotalCpuMs(server.pid) - cpuBefore;
    outcomes.sort((a, b) => a.doneMs - b.doneMs);
    console.log(`\n## PDF_CONCURRENCY=${concurrency}, ${REQUESTS} requests at once`);
    console.log("| # | first answer | first shown | shown while waiting | PDF downloaded | size |");
    console.log("|---|---|---|---|---|---|");
    outcomes.forEach((o, i) => console.log(`| ${i + 1} | ${seconds(o.firstAnswerMs)} | ${o.firstShown} | ${o.shown.join(" → ")} | ${seconds(o.doneMs)} | ${(o.bytes / 1024).toFixed(0)} KiB |`));
    console.log(
      `\nlast PDF after ${seconds(outcomes.at(-1)?.doneMs ?? 0)}, first after ${seconds(outcomes[0]?.doneMs ?? 0)}; first answer: median ${seconds(median(outcomes.map((o) => o.firstAnswerMs)))}, max ${seconds(Math.max(...outcomes.map((o) => o.firstAnswerMs)))}`,
    );
    console.log(`server + Chromium CPU: ${seconds(cpuMs)} for ${REQUESTS} PDFs, ${seconds(cpuMs / REQUESTS)} per PDF`);
    await stop();
  }
  const starts = [];
  for (let i = 0; i < 3; i++) starts.push(await browserStartCost());
  console.log(`\nChromium start + close (3 times): wall ${starts.map((c) => seconds(c.wallMs)).join(", ")}; CPU ${starts.map((c) => seconds(c.cpuMs)).join(", ")}`);
});
