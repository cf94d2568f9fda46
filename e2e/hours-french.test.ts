import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { choose, demo, expectAccessible, launch, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

/** The text of a weekday's row in the table whose caption contains `caption` ("9 h – 12 h, 14 h – 17 h", "Fermé"). */
async function dayText(page: Page, caption: string, day: string): Promise<string> {
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) });
  const text = await table.locator("tr", { has: page.locator("th", { hasText: new RegExp(`^${day}$`) }) }).locator("td").innerText();
  return text.replace(/\s+/g, " ").trim(); // non-breaking spaces of French typography read as spaces
}

describe.each([
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
])("opening hours written in plain French, at $width px", (viewport) => {
  const placeName = `Atelier horaires ${viewport.width} ${Date.now().toString(36)}`;
  let placePath = "";

  it("a visitor without JavaScript proposes a place with French hours, checks the understood week, is told what is not understood, sends it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux/proposer`);
    const hint = await page.locator("label", { hasText: "Horaires d'ouverture" }).innerText();
    expect(hint).toContain("du lundi au vendredi 9h-12h et 14h-17h");
    expect(hint).not.toMatch(/Mo, Tu|anglais/);

    await field(page, "nom").fill(placeName);
    await field(page, "adresse").fill("5 rue des Horaires");
    await field(page, "code_postal").fill("16000");
    await field(page, "commune").fill("Angoulême");
    await choose(page, "Aide aux démarches administratives");

    // Nonsense: a French message naming the word, what was typed kept, nothing sent.
    await field(page, "horaires").fill("quand ça nous chante");
    await page.getByRole("button", { name: "Vérifier les horaires" }).click();
    await page.getByText("Le mot « quand » n'est pas compris", { exact: false }).first().waitFor();
    expect(await field(page, "horaires").inputValue()).toBe("quand ça nous chante");
    expect(await field(page, "nom").inputValue()).toBe(placeName);
    await expectAccessible(page);

    // The day-by-day grid, without JavaScript: checked, it becomes the text and the table.
    await page.locator("summary", { hasText: "Saisir plutôt jour par jour" }).click();
    const saturday = page.getByRole("group", { name: "Samedi" });
    await saturday.getByLabel("Ouverture le matin").fill("10:00");
    await saturday.getByLabel("Fermeture le matin").fill("12:00");
    await page.getByRole("button", { name: "Vérifier les horaires" }).click();
    await page.getByText("Horaires compris : vérifiez le tableau").waitFor();
    expect(await field(page, "horaires").inputValue()).toBe("Sa 10:00-12:00");
    expect(await dayText(page, "Horaires compris", "Samedi")).toBe("10 h – 12 h");
    expect(await dayText(page, "Horaires compris", "Lundi")).toBe("Fermé");
    await expectAccessible(page);

    // Understood: the week as a table, before anything is sent.
    await field(page, "horaires").fill("du lundi au vendredi 9h-12h et 14h-17h, fermé le mercredi");
    await page.getByRole("button", { name: "Vérifier les horaires" }).click();
    await page.getByText("Horaires compris : vérifiez le tableau").waitFor();
    expect(await dayText(page, "Horaires compris", "Lundi")).toBe("9 h – 12 h, 14 h – 17 h");
    expect(await dayText(page, "Horaires compris", "Mercredi")).toBe("Fermé");
    expect(await dayText(page, "Horaires compris", "Dimanche")).toBe("Fermé");
    expect(await page.getByText("Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00").count()).toBe(1); // the OSM value, for experts
    expect(await field(page, "horaires").inputValue()).toBe("du lundi au vendredi 9h-12h et 14h-17h, fermé le mercredi");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Envoyer la proposition" }).click();
    await page.waitForURL(/\/lieux\/proposer\?envoye=1$/);
    await expectAccessible(page);
    await context.close();
  });

  it("once accepted, the place's public page shows those hours day by day", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/propositions`);
    await page.getByRole("button", { name: `Accepter « ${placeName} »` }).click();
    await page.waitForURL(/decision=acceptee/);
    await expectAccessible(page);

    await visit(page, `${baseUrl}/territoires/charente/lieux?q=${encodeURIComponent(placeName)}`);
    placePath = (await page.getByRole("link", { name: placeName }).first().getAttribute("href")) ?? "";
    expect(placePath).toMatch(/^\/territoires\/charente\/lieux\/[0-9a-f-]{36}$/);
    await visit(page, `${baseUrl}${placePath}`);
    expect(await dayText(page, "Horaires de la semaine", "Mardi")).toBe("9 h – 12 h, 14 h – 17 h");
    expect(await dayText(page, "Horaires de la semaine", "Mercredi")).toMatch(/^Fermé/);
    await context.close();
  });

  it("on the place's edit form, the week updates as one types French, and the saved hours are published", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}${placePath}`);
    await page.getByRole("link", { name: "Modifier cette fiche" }).click();
    await page.waitForURL(/\/modifier$/);
    await visit(page, page.url());
    expect(await dayText(page, "Horaires compris", "Jeudi")).toBe("9 h – 12 h, 14 h – 17 h");

    const hours = page.getByLabel("Horaires d'ouverture");
    await hours.fill("");
    await hours.pressSequentially("le samedi de 10 h à 12 h; lun-ven 9h00-12h30");
    await page.getByText("Horaires compris : ouvert 6 jours sur 7.").waitFor();
    expect(await dayText(page, "Horaires compris", "Samedi")).toBe("10 h – 12 h");
    expect(await dayText(page, "Horaires compris", "Mercredi")).toBe("9 h – 12 h 30");
    expect(await dayText(page, "Horaires compris", "Dimanche")).toBe("Fermé");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.waitForURL(/enregistre=1/);
    await expectAccessible(page);
    await visit(page, `${baseUrl}${placePath}`);
    expect(await dayText(page, "Horaires de la semaine", "Samedi")).toMatch(/^10 h – 12 h/);
    expect(await dayText(page, "Horaires de la semaine", "Mercredi")).toMatch(/^9 h – 12 h 30/);
    await context.close();
  });
});
