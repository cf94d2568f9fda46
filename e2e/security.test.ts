import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demo, expectAccessible, launch, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content-Security-Policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

describe("security headers in a real browser", () => {
  it("the home page, the map of places and the workspace run under the CSP without a single violation; the DSFR's JavaScript runs", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    const violations = await watchViolations(page);

    const home = await page.goto(`${baseUrl}/`);
    const csp = home?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(home?.headers()["strict-transport-security"]).toBeUndefined(); // plain http here
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");

    // The map of places (its data comes from /lieux/carte, its worker from /maplibre/worker.mjs).
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    await page.locator("canvas.maplibregl-canvas").waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");

    // The workspace is rendered per request: its policy carries a nonce, and Next.js puts it on every script.
    const workspace = await page.goto(`${baseUrl}/espace/charente`);
    expect(workspace?.status()).toBe(200);
    const policy = workspace?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Every script of the served HTML carries it (chunks loaded later by those scripts are allowed by 'strict-dynamic').
    const tags = (await workspace?.text())?.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.filter((t) => !t.includes(`nonce="${nonce}"`))).toEqual([]);
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    await expectAccessible(page);
    // A public page stays without nonce (cacheable).
    expect(home?.headers()["content-security-policy"]).not.toContain("nonce");
    expect(violations).toEqual([]);
    // The watcher does see a violation: an image from another site is refused and reported.
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "https://images.example.invalid/pixel.png";
      img.alt = "";
      document.body.append(img);
    });
    await expect.poll(() => violations.join(" "), { timeout: 5000 }).toContain("img-src");
    await context.close();
  });
});

describe("account pages under the nonce policy", () => {
  // Prerendered pages cannot carry a per-request nonce: a page put under the nonce policy while static (or made
  // static while under it) would have its scripts blocked. Each account page must run its scripts.
  for (const path of ["/connexion", "/inscription", "/mot-de-passe-oublie", "/reinitialiser-mot-de-passe?token=jeton-inconnu"]) {
    it(`${path} runs its scripts and the DSFR's without violation, signed out`, async () => {
      const page = await browser.newPage();
      const violations = await watchViolations(page);
      await visit(page, `${baseUrl}${path}`);
      await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});

describe("what a client may not claim", () => {
  it("a rotating X-Forwarded-For does not make new addresses: one address guessing one account is stopped", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin: baseUrl, "content-type": "application/json", "x-forwarded-for": `10.66.${i}.1`, "x-real-ip": `10.67.${i}.1` },
        body: JSON.stringify({ email: "personne-inconnue@exemple.test", password: "un mot de passe au hasard" }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it("X-Forwarded-Host from a client does not make a foreign Origin acceptable", async () => {
    const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", "content-type": "application/json" },
      body: JSON.stringify({ email: "x@exemple.test", password: "y" }),
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Requête refusée");
  });
});
