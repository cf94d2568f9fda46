import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
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

/**
 * One browser for a test file: launched before its tests, closed after them. Call it at the top of the
 * file; the function it returns gives the browser inside a test (and says so if called outside one).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("sharedBrowser(): the browser is only there inside the tests of the file that called it.");
    return browser;
  };
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
type AxeScan = { url: string; violations: AxeViolation[]; scripting: boolean };

const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** Does this document run scripts? An inserted inline script runs synchronously when it does (with the page's nonce, so that a Content-Security-Policy does not make it look disabled). */
function scriptingEnabled(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const w = window as unknown as { __maillageProbe?: boolean };
    const probe = document.createElement("script");
    const nonced = document.querySelector<HTMLScriptElement>("script[nonce]");
    if (nonced?.nonce) probe.nonce = nonced.nonce;
    probe.textContent = "window.__maillageProbe = true";
    document.head.append(probe);
    probe.remove();
    const enabled = w.__maillageProbe === true;
    delete w.__maillageProbe;
    return enabled;
  });
}

/** axe-core injected through the DevTools protocol (whatever the page's Content-Security-Policy) and run on the whole document. */
async function runAxe(page: Page, url: string): Promise<{ url: string; violations: AxeViolation[] }> {
  await page.evaluate(axeSource);
  const run = page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ url: string; violations: AxeViolation[] }> } };
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return { url: result.url, violations: result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) })) };
  }, axeTags);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe-core n'a pas terminé son analyse de ${url} en 30 s`)), 30_000);
  });
  try {
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The page's live document as the browser shows it: what was typed, ticked or chosen copied into the
 * attributes of a copy, `<noscript>` content kept as the elements it is without JavaScript, scripts
 * left out (they never ran in the page).
 */
function liveDocument(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    const fields = "input, textarea, select";
    const originals = [...document.documentElement.querySelectorAll<HTMLElement>(fields)];
    const copies = [...copy.querySelectorAll<HTMLElement>(fields)];
    originals.forEach((original, i) => {
      const twin = copies[i];
      if (!twin) return;
      if (original instanceof HTMLInputElement) {
        if (original.type === "checkbox" || original.type === "radio") twin.toggleAttribute("checked", original.checked);
        else if (original.type !== "file") twin.setAttribute("value", original.value);
      } else if (original instanceof HTMLTextAreaElement) twin.textContent = original.value;
      else if (original instanceof HTMLSelectElement) {
        const options = [...twin.querySelectorAll("option")];
        [...original.options].forEach((o, j) => options[j]?.toggleAttribute("selected", o.selected));
      }
    });
    copy.querySelectorAll("script").forEach((s) => s.remove());
    copy.querySelectorAll("noscript").forEach((n) => n.replaceWith(...n.childNodes));
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : "";
    return doctype + copy.outerHTML;
  });
}

/**
 * Runs axe-core on the page under test, as it is now: same DOM, session, viewport and form state.
 *
 * With JavaScript on, axe runs in the page itself. With JavaScript off, it cannot: Chromium then runs
 * no task in the page (no timer, no event, no observer; only promises), and axe waits on them. So the
 * page's live document (liveDocument) is loaded, at the same URL, in a twin with JavaScript that holds
 * the same cookies and storage and the same viewport; the server is not asked for that URL again (the
 * old helper did, and scanned the sign-in page for every signed-in page, and never an error state
 * after a submission). Styles and images still come from the server, with the same session.
 */
async function scan(page: Page): Promise<AxeScan> {
  const url = page.url();
  if (await scriptingEnabled(page)) return { ...(await runAxe(page, url)), scripting: true };
  const html = await liveDocument(page);
  const browser = page.context().browser();
  if (!browser) throw new Error("navigateur introuvable pour l'analyse axe");
  const twinContext = await browser.newContext({ storageState: await page.context().storageState(), viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const withoutHash = (u: string) => u.replace(/#.*$/, "");
    await twinContext.route(
      (u) => withoutHash(u.href) === withoutHash(url),
      (route) => (route.request().isNavigationRequest() ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }) : route.continue()),
    );
    const twin = await twinContext.newPage();
    await twin.goto(url, { waitUntil: "load" });
    return { ...(await runAxe(twin, url)), scripting: false };
  } finally {
    await twinContext.close();
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
  expect(summary, `axe-core sur ${underTest}${result.scripting ? "" : " (sans JavaScript)"} : ${summary.join(" ; ")}`).toEqual([]);
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

/** The two widths every journey is checked at: a small phone (360 px, DSFR's mobile layout) and a desktop screen. */
export const phone = { width: 360, height: 780 } as const;
export const desktop = { width: 1280, height: 900 } as const;

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
