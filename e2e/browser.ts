import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // Flags for this closed network: no background calls that would be refused.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

type AxeResult = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page; fails the test with a readable list of violations. */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation (a form that redirects), Next.js sets the new title a moment later.
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5000 }).catch(() => undefined);
  await page.addScriptTag({ content: axeSource });
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!hasAxe) {
    // JavaScript is disabled in this page (a no-JS journey): check the same server-rendered page in a twin with JavaScript.
    const browser = page.context().browser();
    if (!browser) throw new Error("navigateur introuvable pour l'analyse axe");
    const twin = await browser.newPage();
    try {
      await twin.goto(page.url());
      await expectAccessible(twin);
    } finally {
      await twin.close();
    }
    return;
  }
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  )) as AxeResult;
  const summary = result.violations.map((v) => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect(summary, `axe-core sur ${page.url()}`).toEqual([]);
}

/** Every page the suite visits goes through here: navigation, then the accessibility check. */
export async function visit(page: Page, url: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), `statut HTTP de ${url}`).toBe(expectedStatus);
  await expectAccessible(page);
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
