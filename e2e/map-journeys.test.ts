import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The demo's "Bus France Services - [En face de la Mairie]" (Bus France Services en Charente, id 4):
 * recorded in Valence (16392), with coordinates in Provence (43.451334, 5.411872) — a real mistake of
 * the open data, and a real phone (+33630392518) and update date (1969-12-31, as published).
 */
async function valenceBusId(): Promise<string> {
  const map = (await fetch(`${baseUrl}/territoires/charente/lieux/carte`).then((r) => r.json())) as { features: { geometry: { coordinates: [number, number] }; properties: { id: string; n: string } }[] };
  const bus = map.features.find((f) => f.geometry.coordinates[0] === 5.411872 && f.geometry.coordinates[1] === 43.451334);
  expect(bus?.properties.n).toBe("Bus France Services - [En face de la Mairie]");
  return bus?.properties.id ?? "";
}

/** The text of the portrait map's label (live region), spaces made plain. */
const mapLabel = async (page: Page) => ((await page.locator("#carte-commune").innerText()) ?? "").replace(/\s+/g, " ").trim();

describe.each([
  { size: "360 px", viewport: phone },
  { size: "1280 px", viewport: desktop },
])("maps, at $size", ({ viewport }) => {
  it("the public places map speaks French, shows counts on its clusters and a legend, and keeps the list beside it", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    // The map draws its clusters as buttons with their count once the places are loaded.
    const cluster = page.locator("button.maillage-cluster").first();
    await cluster.waitFor();
    const count = Number((await cluster.innerText()).replace(/\s/g, ""));
    expect(count).toBeGreaterThan(1);
    expect(await cluster.getAttribute("aria-label")).toBe(`${count} lieux regroupés ici : zoomer pour les voir`);
    // maplibre's controls, named in French.
    expect(await page.getByRole("button", { name: "Zoomer", exact: true }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Dézoomer", exact: true }).count()).toBe(1);
    expect(await page.locator(".maplibregl-canvas").getAttribute("aria-label")).toBe("Carte");
    expect(await page.locator("main").innerText()).not.toMatch(/Zoom in|Zoom out|Toggle attribution/);
    // The legend says what each mark means.
    const legend = page.getByRole("list", { name: "Légende de la carte" });
    expect((await legend.locator("li").allInnerTexts()).map((t) => t.trim())).toEqual([
      "Un lieu de médiation numérique (cliquer pour son nom et sa fiche)",
      "Plusieurs lieux proches, avec leur nombre (cliquer pour zoomer)",
      "Communes du territoire : Charente (démonstration)",
      "Communes voisines, hors du territoire",
    ]);
    // The list of the same places stays beside the map.
    expect(await page.locator("main h2 a[href*='/territoires/charente/lieux/']").count()).toBeGreaterThan(5);
    await expectAccessible(page);
    // A cluster pressed with the keyboard zooms in: it splits, its button goes.
    // (Held as this very element: the locator would find the next cluster once this one is gone.)
    const pressed = await cluster.elementHandle();
    await cluster.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((button) => !button?.isConnected, pressed);
    await context.close();
  });

  it("the portrait map names a commune on hover and on keyboard focus, and lists the communes beside it", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/diagnostic`);
    const map = page.getByRole("group", { name: /^Carte des communes de Charente \(démonstration\) colorées selon : Indice de fragilité numérique \(IFN\)/ });
    await map.waitFor();
    expect(await mapLabel(page)).toMatch(/^Survolez une commune/);

    // Keyboard: Tab from the indicator's button reaches the map (one tab stop); the arrows go through the communes alphabetically.
    await page.getByRole("button", { name: "Afficher", exact: true }).focus();
    await page.keyboard.press("Tab");
    expect(await map.evaluate((m) => m === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowRight");
    expect(await mapLabel(page)).toMatch(/^Abzac — Indice de fragilité numérique \(IFN\) : \d+(,\d+)? sur 10 \(classe (de )?\d/);
    await page.keyboard.press("ArrowRight");
    expect(await mapLabel(page)).toMatch(/^Agris — /);
    await page.keyboard.press("c");
    expect(await mapLabel(page)).toMatch(/^Cellefrouin — /);
    expect(await page.locator("#carte-commune").getAttribute("aria-live")).toBe("polite");
    await expectAccessible(page);

    // Pointer: hovering a commune names it.
    await page.locator("path[data-code='16015']").hover({ force: true });
    expect(await mapLabel(page)).toMatch(/^Angoulême — Indice de fragilité numérique \(IFN\) : /);

    // Beside the map: every commune with its value and class, alphabetically.
    const beside = page.locator("table", { has: page.locator("caption", { hasText: "Communes de la carte, par ordre alphabétique" }) });
    expect(await beside.locator("thead th").allInnerTexts()).toEqual(["Commune", "Indice de fragilité numérique (IFN)", "Classe"]);
    expect(await beside.locator("tbody tr").count()).toBeGreaterThan(350);
    expect((await beside.locator("tbody tr").first().locator("th").innerText()).trim()).toBe("Abzac");
    const angouleme = beside.locator("tr", { has: page.locator("th", { hasText: /^Angoulême$/ }) });
    expect((await angouleme.locator("td").first().innerText()).replace(/\s+/g, " ")).toMatch(/^\d+(,\d+)? sur 10$/);
    await context.close();
  });

  it("a place whose coordinates fall outside its commune is flagged to its editors, not to the public; phones and dates read as people read them", async () => {
    const id = await valenceBusId();
    const anonymous = await browser.newContext({ viewport });
    const publicPage = await anonymous.newPage();
    await visit(publicPage, `${baseUrl}/territoires/charente/lieux/${id}`);
    const publicText = (await publicPage.locator("main").innerText()).replace(/\s+/g, " ");
    expect(publicText).toContain("Téléphone : 06 30 39 25 18");
    expect(await publicPage.getByRole("link", { name: "06 30 39 25 18" }).getAttribute("href")).toBe("tel:+33630392518");
    expect(publicText).toContain("mise à jour le 31 décembre 1969");
    expect(publicText).not.toContain("Qualité des données");
    await anonymous.close();

    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux/${id}`);
    const warning = /Les coordonnées du lieu \(latitude 43,45133, longitude 5,41187\) tombent hors de leur commune, Valence, à \d+ km de ses limites\. Vérifiez la position, ou la commune de l'adresse\./;
    expect((await page.locator("section", { has: page.getByRole("heading", { name: "Qualité des données" }) }).innerText()).replace(/\s+/g, " ")).toMatch(warning);
    await visit(page, `${baseUrl}/espace/charente/lieux/${id}/modifier`);
    expect((await page.locator(".fr-alert--warning").first().innerText()).replace(/\s+/g, " ")).toMatch(warning);
    // A warning, not a lock: the form is there to save.
    expect(await page.getByRole("button", { name: "Enregistrer les modifications" }).isEnabled()).toBe(true);
    await context.close();
  });
});
