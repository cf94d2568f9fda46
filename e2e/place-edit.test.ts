import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, launch, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("editing a place directly", () => {
  it("a coordinator opens a place from the public list, fixes its hours and services without JavaScript, sees them published; a bad phone is refused and nothing typed is lost", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const placeHref = hrefs.find((h) => /\/lieux\/[0-9a-f-]{36}$/.test(h));
    expect(placeHref).toMatch(/\/territoires\/charente\/lieux\/[0-9a-f-]{36}$/);
    await visit(page, `${baseUrl}${placeHref}`);
    const publicText = () => fetch(`${baseUrl}${placeHref}`).then((r) => r.text());
    await page.getByRole("link", { name: "Modifier cette fiche" }).click();
    await page.waitForURL(/\/modifier$/);
    await visit(page, page.url());

    // A mistake: the typed hours must still be there with the error.
    await page.getByLabel("Horaires d'ouverture").fill("Tu-Sa 10:00-12:30,14:00-18:00; PH off");
    await page.getByRole("textbox", { name: /^Téléphone/ }).fill("12");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.getByText("Certaines informations sont incorrectes").count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Horaires d'ouverture").inputValue()).toBe("Tu-Sa 10:00-12:30,14:00-18:00; PH off");

    await page.getByRole("textbox", { name: /^Téléphone/ }).fill("05 45 95 00 00");
    // A service the place does not offer yet (the first box left unticked), ticked now: it must appear on the public card.
    const service = await page.locator("input[name='services']:not(:checked)").first().getAttribute("value");
    expect(service).toBeTruthy();
    expect(await publicText()).not.toContain(service);
    await page.locator(`label[for="${await page.locator(`input[name='services'][value="${service}"]`).getAttribute("id")}"]`).click();
    expect(await page.locator(`input[name='services'][value="${service}"]`).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.waitForURL(/enregistre=1/);
    await visit(page, page.url());
    expect(await page.getByText("Les modifications sont enregistrées").count()).toBe(1);

    await visit(page, `${baseUrl}${placeHref}`);
    const main = page.locator("main");
    expect(await main.innerText()).toContain(service);
    // The weekly table writes hours the French way ("10 h – 12 h 30", non-breaking spaces).
    expect(await main.innerText()).toMatch(/10\s*h\s*–\s*12\s*h\s*30/);
    // Typed "+33545950000": shown as people read it.
    expect(await main.innerText()).toContain("05 45 95 00 00");
    await context.close();
  });

  it("the place can be downloaded alone, in the national standard", async () => {
    const list = await fetch(`${baseUrl}/territoires/charente/lieux`).then((r) => r.text());
    const id = /\/territoires\/charente\/lieux\/([0-9a-f-]{36})"/.exec(list)?.[1];
    expect(id).toBeDefined();
    const csv = await fetch(`${baseUrl}/territoires/charente/lieux/${id}/export/csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^"?id"?,"?pivot"?,"?nom"?/);
    // Every demo place of Charente has coordinates: the GeoJSON holds exactly this place, as a point in Charente.
    const geo = (await fetch(`${baseUrl}/territoires/charente/lieux/${id}/export/geojson`).then((r) => r.json())) as {
      features: { geometry: { type: string; coordinates: [number, number] }; properties: { nom: string } }[];
    };
    expect(geo.features).toHaveLength(1);
    const [feature] = geo.features;
    expect(feature?.geometry.type).toBe("Point");
    const [lon, lat] = feature?.geometry.coordinates ?? [NaN, NaN];
    expect(lon > -1 && lon < 1 && lat > 45 && lat < 46.3).toBe(true);
    expect(lines[1]).toContain(feature?.properties.nom);
  });
});

describe("the public directory of actors", () => {
  it("lists the actors without their internal status, filters by world without JavaScript, and opens a card without private contacts", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/acteurs`);
    expect(await page.getByLabel("Statut").count()).toBe(0);
    await page.getByLabel("Monde").selectOption("numerique");
    await page.getByRole("button", { name: "Afficher les acteurs" }).click();
    await page.waitForURL(/monde=numerique/);
    await visit(page, page.url());
    const status = await page.getByRole("status").innerText();
    const found = Number(/([\d\s\u202f]+) acteur/.exec(status)?.[1]?.replace(/\D/g, ""));
    expect(found).toBeGreaterThan(0);
    const rows = page.locator("tbody tr");
    for (let i = 0; i < Math.min(await rows.count(), 5); i++) expect(await rows.nth(i).locator("td").nth(1).innerText()).toContain("Numérique");
    await rows.first().locator("a").click();
    await page.waitForURL(/\/territoires\/charente\/acteurs\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/Engagé|À mobiliser|Contacts privés/i);
    await context.close();
  });
});
