import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, launch, signedIn, visit } from "./browser";

// Public pages are cached for everyone (docs/decisions/010-caching-public-pages.md): these tests check what a
// person sees (a cached page, then the edit; the signed-in header), never how fast.
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** How Next.js served the page: "HIT" when it came from its cache, "MISS" or "STALE" when it rendered it. */
async function cacheStatus(path: string): Promise<{ status: number; cache: string | null; html: string }> {
  const res = await fetch(`${baseUrl}${path}`);
  return { status: res.status, cache: res.headers.get("x-nextjs-cache"), html: await res.text() };
}

describe("a cached public page", () => {
  it("is served from the cache, and shows the coordinator's edit at the next visit", async () => {
    // Rendered at the first visit, then served from the cache.
    await expect.poll(async () => (await cacheStatus("/territoires/charente")).cache, { timeout: 10_000, interval: 500 }).toBe("HIT");
    const before = await cacheStatus("/territoires/charente");
    expect(before.status).toBe(200);

    // The coordinator adds a sentence to the presentation, without JavaScript.
    const text = `Présentation mise à jour pour le test du cache ${Date.now()}.`;
    expect(before.html).not.toContain(text);
    const coordinator = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await coordinator.newPage();
    const setPresentation = async (value: string) => {
      await visit(page, `${baseUrl}/espace/charente`);
      const field = page.getByRole("textbox", { name: "Présentation" });
      const previous = await field.inputValue();
      await field.fill(value);
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await page.waitForLoadState("load");
      return previous;
    };
    const original = await setPresentation("");
    await setPresentation(`${original} ${text}`.trim());

    // A visitor (signed out, no JavaScript) sees it at once, and the new page is cached in turn.
    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const publicPage = await visitor.newPage();
    await visit(publicPage, `${baseUrl}/territoires/charente`);
    expect(await publicPage.locator("main").innerText()).toContain(text);
    // (A write also expires its pages once more a second later, in case a page was rendered before its commit:
    // the page may be rendered once again before it is served from the cache.)
    await expect.poll(async () => (await cacheStatus("/territoires/charente")).cache, { timeout: 10_000, interval: 500 }).toBe("HIT");
    expect((await cacheStatus("/territoires/charente")).html).toContain(text);

    // Put the presentation back: the public page follows again.
    await setPresentation(original);
    await coordinator.close();
    await visit(publicPage, `${baseUrl}/territoires/charente`);
    expect(await publicPage.locator("main").innerText()).not.toContain(text);
    await visitor.close();
  });

  it("a search among the communes is still answered (same address, rendered per request)", async () => {
    const res = await cacheStatus("/territoires/charente?q=angoul");
    expect(res.status).toBe(200);
    expect(res.html).toContain("Angoulême");
    expect(res.html).not.toContain(">Cognac<");
  });
});

describe("the default views of the places list and of /aide (cached, 60 s)", () => {
  it("the list of places without filters is cached, says when its open/closed states were computed, and shows an edit at the next visit", async () => {
    await expect.poll(async () => (await cacheStatus("/territoires/charente/lieux")).cache, { timeout: 10_000, interval: 500 }).toBe("HIT");
    const cached = await cacheStatus("/territoires/charente/lieux");
    expect(cached.html).toMatch(/Ouvert ou fermé : état au (<!-- -->)?\d{1,2} \S+ \d{4}/);
    const ids = [...cached.html.matchAll(/\/territoires\/charente\/lieux\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    // The last place of the first page: other journeys work on the first one.
    const id = ids.at(-1);
    expect(id).toBeDefined();

    const coordinator = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await coordinator.newPage();
    const rename = async (value: string) => {
      await visit(page, `${baseUrl}/espace/charente/lieux/${id}/modifier`);
      const field = page.getByRole("textbox", { name: /^Nom du lieu/ });
      const previous = await field.inputValue();
      await field.fill(value);
      await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
      await page.waitForURL(/enregistre=1/);
      return previous;
    };
    // The list is in alphabetical order: a name starting with "AAA" stays on its first page.
    const name = `AAA Lieu renommé pour le test du cache ${Date.now()}`;
    expect(cached.html).not.toContain(name);
    const original = await rename(name);
    // A visitor sees the new name at once (the write expired the "places" tag), then from the cache again.
    expect((await cacheStatus("/territoires/charente/lieux")).html).toContain(name);
    await expect.poll(async () => (await cacheStatus("/territoires/charente/lieux")).cache, { timeout: 10_000, interval: 500 }).toBe("HIT");
    expect((await cacheStatus("/territoires/charente/lieux")).html).toContain(name);
    await rename(original);
    expect((await cacheStatus("/territoires/charente/lieux")).html).not.toContain(name);
    await coordinator.close();
  });

  it("a filtered list or another page is rendered per request at the same address, with its filter applied", async () => {
    const all = await cacheStatus("/territoires/charente/lieux");
    const open = await cacheStatus("/territoires/charente/lieux?ouvert=1");
    expect(open.status).toBe(200);
    expect(open.cache).toBeNull();
    expect(open.html).not.toContain("Ouvert ou fermé : état au");
    const second = await cacheStatus("/territoires/charente/lieux?page=2");
    expect(second.status).toBe(200);
    expect(second.cache).toBeNull();
    const firstIds = new Set([...all.html.matchAll(/\/territoires\/charente\/lieux\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
    const secondIds = [...second.html.matchAll(/\/territoires\/charente\/lieux\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.filter((i) => firstIds.has(i))).toEqual([]);
  });

  it("/aide?commune=<code> alone is cached and lists the nearest places; with a need it is rendered per request", async () => {
    await expect.poll(async () => (await cacheStatus("/aide?commune=16015")).cache, { timeout: 10_000, interval: 500 }).toBe("HIT");
    const cached = await cacheStatus("/aide?commune=16015");
    expect(cached.html).toContain("Angoulême");
    expect(cached.html).toMatch(/Recherche du (<!-- -->)?\d{1,2} \S+ \d{4}/);
    const withNeed = await cacheStatus("/aide?commune=16015&ouvert=1");
    expect(withNeed.status).toBe(200);
    expect(withNeed.cache).toBeNull();
    // The per-request page reads the whole query: the box stays ticked.
    expect(withNeed.html).toMatch(/<input[^>]*name="ouvert"[^>]*checked=""|<input[^>]*checked=""[^>]*name="ouvert"/);
    expect(cached.html).not.toMatch(/<input[^>]*name="ouvert"[^>]*checked=""|<input[^>]*checked=""[^>]*name="ouvert"/);
  });
});

describe("the header on cached pages", () => {
  it("shows a signed-in person their territories, sign-out and the workspace button, on the same cached page", async () => {
    await expect.poll(async () => (await cacheStatus("/territoires/charente")).cache, { timeout: 10_000, interval: 500 }).toBe("HIT");
    const cached = await cacheStatus("/territoires/charente");
    // The cached HTML is the visitor's: nobody's name in it.
    expect(cached.html).not.toContain("Camille Martin");

    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente`);
    const header = page.locator("header");
    await expect.poll(() => header.getByRole("link", { name: /^Mes territoires \(Camille Martin/ }).first().isVisible()).toBe(true);
    expect(await header.getByRole("button", { name: "Se déconnecter" }).first().isVisible()).toBe(true);
    expect(await header.getByRole("link", { name: "Se connecter" }).count()).toBe(0);
    await expect.poll(() => page.getByRole("link", { name: "Ouvrir l'espace de travail" }).count()).toBe(1);
    await context.close();
  });

  it("a visitor without JavaScript has the sign-in link in the HTML, and it leads to the sign-in form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/`);
    expect(await page.getByRole("link", { name: "Ouvrir l'espace de travail" }).count()).toBe(0);
    await page.locator("header").getByRole("link", { name: "Se connecter" }).first().click();
    await page.waitForURL(`${baseUrl}/connexion`);
    await visit(page, page.url());
    expect(await page.getByRole("button", { name: "Se connecter" }).count()).toBe(1);
    // "Mon espace" leads to the workspace (here, through the sign-in page).
    expect(await page.locator("header").getByRole("link", { name: "Mon espace" }).count()).toBeGreaterThan(0);
    await context.close();
  });
});
