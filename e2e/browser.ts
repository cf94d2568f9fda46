import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
// @ts-expect-error plain ESM helper shared with the global setup
import { actionIdsIn } from "../scripts/lib/actions-inventory.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * Records the server actions a page calls (their ids, from the POST request: header or form fields)
 * in the run's data folder; the global teardown checks that every exported action was called
 * (scripts/lib/actions-inventory.mjs).
 */
function recordActions(target: BrowserContext | Page): void {
  target.on("request", (request) => {
    if (request.method() !== "POST") return;
    const ids = new Set(actionIdsIn(request.postDataBuffer()?.toString("latin1") ?? ""));
    const header = request.headers()["next-action"];
    if (header) ids.add(header);
    if (ids.size === 0) return;
    try {
      fs.appendFileSync(path.join(inject("dataDir"), "e2e-actions.log"), [...ids].map((id) => `${id}\n`).join(""));
    } catch {
      // Outside the e2e suite (no data folder): nothing to record.
    }
  });
}

export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    // Flags for this closed network: no background calls that would be refused.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    recordActions(context);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    recordActions(page);
    return page;
  };
  return browser;
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
type AxeScan = { url: string; violations: AxeViolation[]; scripting: boolean };

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Runs axe-core inside the page under test itself: same DOM, session, viewport and form state.
 * axe is injected through the DevTools protocol (page.evaluate), which works even when the page's own
 * scripts are disabled and whatever its Content-Security-Policy says. With scripting disabled, Chromium
 * runs promises but never fires timers, and axe yields between rules with setTimeout(…, 0): for the
 * time of the scan those zero-delay timers are run as microtasks (longer ones never fire, as in the
 * page itself; a scan that would wait on one fails on the time limit below instead of passing).
 */
async function scan(page: Page): Promise<AxeScan> {
  await page.evaluate(axeSource);
  const run = page.evaluate(
    async ({ tags }) => {
      const w = window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ url: string; violations: AxeViolation[] }> };
        __maillageProbe?: boolean;
      };
      // Does this document run scripts? An inserted inline script runs synchronously when it does
      // (with the page's nonce, so that a Content-Security-Policy does not make it look disabled).
      const probe = document.createElement("script");
      const nonced = document.querySelector<HTMLScriptElement>("script[nonce]");
      if (nonced?.nonce) probe.nonce = nonced.nonce;
      probe.textContent = "window.__maillageProbe = true";
      document.head.append(probe);
      probe.remove();
      const scripting = w.__maillageProbe === true;
      delete w.__maillageProbe;
      const realSetTimeout = window.setTimeout;
      const realClearTimeout = window.clearTimeout;
      if (!scripting) {
        const cancelled = new Set<number>();
        let next = 1;
        window.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) => {
          const id = next++;
          if ((delay ?? 0) <= 1 && typeof fn === "function") {
            queueMicrotask(() => {
              if (!cancelled.has(id)) fn(...args);
            });
          }
          return id;
        }) as typeof window.setTimeout;
        window.clearTimeout = ((id?: number) => {
          if (id !== undefined) cancelled.add(id);
        }) as typeof window.clearTimeout;
      }
      try {
        // Preloading the CSSOM waits on XMLHttpRequest events, which never fire without scripting.
        const result = await w.axe.run(document, { runOnly: { type: "tag", values: tags }, preload: scripting, resultTypes: ["violations"] });
        return { url: result.url, violations: result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) })), scripting };
      } finally {
        window.setTimeout = realSetTimeout;
        window.clearTimeout = realClearTimeout;
      }
    },
    { tags: axeTags },
  );
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe-core n'a pas terminé son analyse de ${page.url()} en 30 s`)), 30_000);
  });
  try {
    return (await Promise.race([run, limit])) as AxeScan;
  } finally {
    clearTimeout(timer);
  }
}

/** Where the page under test should be: an exact URL or path (query included), or a pattern. */
export type ExpectedUrl = string | RegExp;

function sameUrl(actual: string, expected: ExpectedUrl): boolean {
  if (expected instanceof RegExp) return expected.test(actual);
  const a = new URL(actual);
  const e = new URL(expected, a);
  return a.origin === e.origin && a.pathname === e.pathname && a.search === e.search;
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules and best practices) on the page as it is now — signed in or not,
 * with JavaScript or without, after a form submission — and fails the test with a readable list of
 * violations. It also fails when axe reports another URL than the page's own, or, given `url`, when the
 * page is not where the test expects it (a sign-in page scanned in place of a workspace page).
 */
export async function expectAccessible(page: Page, options: { url?: ExpectedUrl } = {}): Promise<void> {
  // After a client-side navigation (a form that redirects), Next.js sets the new title a moment later.
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5000 }).catch(() => undefined);
  const underTest = page.url();
  if (options.url !== undefined) expect(sameUrl(underTest, options.url), `page analysée : ${underTest}, attendue : ${options.url}`).toBe(true);
  const result = await scan(page);
  expect(result.url, "axe-core a analysé une autre page que la page testée").toBe(underTest);
  const summary = result.violations.map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, `axe-core sur ${underTest}${result.scripting ? "" : " (sans JavaScript)"}`).toEqual([]);
}

/**
 * Every page the suite visits goes through here: navigation, status, final URL, then the accessibility
 * check. The final URL must be the one asked for (a redirection to the sign-in page fails), unless the
 * test names where the visit should land (`landsOn`).
 */
export async function visit(page: Page, url: string, expectedStatus = 200, options: { landsOn?: ExpectedUrl } = {}): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), `statut HTTP de ${url}`).toBe(expectedStatus);
  await expectAccessible(page, { url: options.landsOn ?? url });
}

/** Ticks a DSFR radio or checkbox the way a person does: by its label (the input itself is drawn by the label). */
export async function choose(page: Page, label: string): Promise<void> {
  await page.locator("label", { hasText: label }).first().click();
}

/** The demo accounts (README), as [email, password]. */
export const demo = {
  coordination: ["coordination@demo.maillage.fr", "demo-coordination-16"],
  partner: ["partenaire@demo.maillage.fr", "demo-partenaire-16"],
  contribution: ["contribution@demo.maillage.fr", "demo-contribution-16"],
  observation: ["observation@demo.maillage.fr", "demo-observation-16"],
} as const;

/**
 * A browser context signed in as this account. Sign-ins are rate-limited per account (8 per 15 min),
 * so each account signs in once per run: the session is kept in the run's data folder for every file.
 */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  dataDir: string,
  [email, password]: readonly [string, string],
  options: { javaScriptEnabled?: boolean; acceptDownloads?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const file = path.join(dataDir, "e2e-sessions", `${email}.json`);
  if (!fs.existsSync(file)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/connexion?next=${encodeURIComponent("/espace")}`);
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${baseUrl}/espace`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(await context.storageState()));
    await context.close();
  }
  return browser.newContext({ ...options, storageState: file });
}
