import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { demo, desktop, launch, phone, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab from the start of the main content until `target` has focus; how many presses it took (0: never reached). */
async function tabUntil(page: Page, target: Locator, limit = 150): Promise<number> {
  await page.locator("#contenu").focus();
  const handle = await target.elementHandle();
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => document.activeElement === el, handle)) return i;
  }
  return 0;
}

describe("on a 360 px phone without JavaScript", () => {
  it("the header's links (Se connecter, the main navigation) are in view on every public page, and the breadcrumb is unfolded", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    for (const path of ["/", "/territoires/charente", "/territoires/charente/lieux", "/aide", "/connexion"]) {
      await visit(page, `${baseUrl}${path}`);
      const header = page.locator("header");
      expect(await header.getByRole("link", { name: "Se connecter" }).first().isVisible(), `« Se connecter » visible sur ${path}`).toBe(true);
      expect(await header.getByRole("link", { name: "Créer un compte" }).first().isVisible(), path).toBe(true);
      for (const name of ["Trouver de l'aide près de chez moi", "Territoires", "Mon espace"]) {
        expect(await page.locator("#fr-header-main-navigation").getByRole("link", { name, exact: true }).isVisible(), `« ${name} » visible sur ${path}`).toBe(true);
      }
      // The "Menu" button needs JavaScript: hidden rather than a button that does nothing.
      expect(await header.getByRole("button", { name: "Menu" }).isVisible(), path).toBe(false);
    }

    // The territory page's breadcrumb: its links readable, not folded behind "Voir le fil d'Ariane".
    await visit(page, `${baseUrl}/territoires/charente`);
    const breadcrumb = page.locator("nav.fr-breadcrumb");
    expect(await breadcrumb.getByRole("link").first().isVisible()).toBe(true);
    expect(await breadcrumb.getByRole("button", { name: "Voir le fil d'Ariane" }).isVisible()).toBe(false);

    // The header's link does lead to the sign-in page.
    await page.locator("header").getByRole("link", { name: "Se connecter" }).first().click();
    await page.waitForURL(`${baseUrl}/connexion`);
    await context.close();
  });

  it("a signed-in coordinator reads the workspace breadcrumb", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente`);
    const breadcrumb = page.locator("nav.fr-breadcrumb");
    expect(await breadcrumb.getByRole("link", { name: "Mes territoires" }).isVisible()).toBe(true);
    await context.close();
  });
});

describe.each([phone, desktop])("the Menu skip link with JavaScript, at $width px", (viewport) => {
  it("activating it moves focus into the main navigation (opening the menu on a phone)", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/`);
    await page.waitForFunction(() => document.querySelector("[data-fr-js-modal]") !== null); // DSFR started
    await page.keyboard.press("Tab");
    const skip = page.locator('.fr-skiplinks a[href="#fr-header-main-navigation"]');
    while (!(await skip.evaluate((el) => document.activeElement === el))) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest("#fr-header-main-navigation") !== null && document.activeElement?.textContent))
      .toBe("Accueil");
    expect(await page.locator("#fr-header-main-navigation").getByRole("link", { name: "Accueil" }).isVisible()).toBe(true);
    // On a phone the menu window is open: the next Tab stays in the navigation.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Trouver de l'aide près de chez moi");
    await context.close();
  });
});

describe("the workspace on a 360 px phone", () => {
  it("every page passes axe, and a wide table's scroll region takes focus with Tab and scrolls with the arrow keys", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: phone });
    const page = await context.newPage();
    for (const path of ["", "/diagnostic", "/diagnostic/etat-des-lieux", "/membres", "/journal", "/maturite"]) {
      await visit(page, `${baseUrl}/espace/charente${path}`);
    }

    // A place's edit page, reached from the public list.
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const placeId = hrefs.map((h) => /\/lieux\/([0-9a-f-]{36})$/.exec(h)?.[1]).find(Boolean);
    expect(placeId).toMatch(/^[0-9a-f-]{36}$/);
    await visit(page, `${baseUrl}/espace/charente/lieux/${placeId}/modifier`);

    // The members table is wider than the phone: Tab reaches it, the arrow keys scroll it.
    await visit(page, `${baseUrl}/espace/charente/membres`);
    const table = page.locator("table", { has: page.locator("caption", { hasText: "Personnes membres du territoire et leur rôle" }) });
    expect(await table.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    expect(await tabUntil(page, table)).toBeGreaterThan(0);
    expect(await table.evaluate((t) => t.scrollLeft)).toBe(0);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => table.evaluate((t) => t.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});
