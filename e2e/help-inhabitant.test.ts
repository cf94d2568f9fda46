import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, visit } from "./browser";

/*
 * An inhabitant looking for help (issue 10, "Inhabitants"): finding the commune as people write it,
 * results where one place takes one slot, and the printed sheet (name, address, phone, weekly hours,
 * how to get there). Without JavaScript, on a 360 px phone and a 1280 px screen, axe at 0 on every page
 * (visit() runs axe). Real Charente places of the demo instance.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel("Votre commune ou votre code postal").fill(text);
  await page.getByRole("button", { name: "Chercher de l'aide" }).click();
  await page.waitForURL(/\/aide\?/);
  await visit(page, page.url());
}

describe.each([
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
])("an inhabitant finds help, at $width px, without JavaScript", (viewport) => {
  it("finds the commune by postcode (every commune of it), by name and postcode, and through a typo", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/aide`);

    // 16200 serves 16 communes, small ones included.
    await search(page, "16200");
    expect(await page.getByRole("heading", { name: "Plusieurs communes correspondent à « 16200 »" }).count()).toBe(1);
    expect(await page.locator("#aide-choix ~ ul a").count()).toBe(16);
    expect(await page.getByRole("link", { name: /^Houlette \(16200/ }).count()).toBe(1);
    await page.getByRole("link", { name: /^Fleurac \(16200/ }).click();
    await page.waitForURL(/commune=16139/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { level: 2, name: /près de Fleurac/ }).count()).toBe(1);

    // 16100 is Cognac's postcode; Chirac (INSEE code 16100) is not offered.
    await visit(page, `${baseUrl}/aide?lieu=16100`);
    expect(await page.getByRole("link", { name: /^Cognac \(16100/ }).count()).toBe(1);
    expect(await page.getByRole("link", { name: /^Chirac/ }).count()).toBe(0);

    await search(page, "Angoulême 16000");
    expect(await page.getByRole("heading", { level: 2, name: /près d’Angoulême/ }).count()).toBe(1);

    for (const [typo, commune] of [["Cogniac", "Cognac"], ["Jarnak", "Jarnac"], ["Barbesieux", "Barbezieux-Saint-Hilaire"]] as const) {
      await search(page, typo);
      expect(await page.getByRole("heading", { name: `Aucune commune ne s'appelle « ${typo} »` }).count(), typo).toBe(1);
      expect(await page.getByRole("link", { name: new RegExp(`^${commune} \\(`) }).count(), typo).toBe(1);
    }
    await page.getByRole("link", { name: /^Barbezieux-Saint-Hilaire \(/ }).click();
    await page.waitForURL(/commune=16028/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { level: 2, name: /près de Barbezieux-Saint-Hilaire/ }).count()).toBe(1);

    // Outside the data held here: said plainly, with the national map.
    await search(page, "Strasbourg");
    expect(await page.getByRole("heading", { name: "Maillage ne contient pas encore les lieux de Strasbourg" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "cartographie.societenumerique.gouv.fr" }).getAttribute("href")).toBe("https://cartographie.societenumerique.gouv.fr");
    expect(await page.getByText("Aucun lieu trouvé").count()).toBe(0);
    await context.close();
  });

  it("lists each place once, with one wording for unknown hours", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/aide?commune=16015`);
    const names = (await page.locator("#aide-resultats ~ ol > li h3").allInnerTexts()).map(flat);
    expect(names).toHaveLength(10);
    // "DEPARTEMENT DE LA CHARENTE" is published twice at the same address: one slot.
    expect(names.filter((n) => n === "DEPARTEMENT DE LA CHARENTE")).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    const text = await page.locator("#aide-resultats ~ ol").innerText();
    expect(text).toContain("Horaires non renseignés");
    expect(text).not.toMatch(/Horaires illisibles|contactez le lieu avant de vous déplacer/);
    await context.close();
  });

  it("prints a sheet with, for each place, its name, address, phone, weekly hours and how to get there", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/aide?commune=16015`);
    await page.emulateMedia({ media: "print" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aide-print-"));
    const file = path.join(dir, "aide.pdf");
    await page.pdf({ path: file, format: "A4" });
    const text = flat(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
    fs.rmSync(dir, { recursive: true, force: true });
    // The MJC Mosaïque, 320 m from Angoulême's centre: its phone and its Monday hours, in full.
    expect(text).toContain("MAISON DES JEUNES ET DE LA CULTURE MOSAIQUE");
    expect(text).toContain("17 RUE ANTOINE DE SAINT EXUPERY");
    expect(text).toContain("Téléphone : 05 45 91 76 11");
    expect(text).toMatch(/Lundi : 9 h – 12 h, 14 h – 18 h/);
    expect(text).toMatch(/Vendredi : 9 h – 12 h, 14 h – 18 h/);
    expect(text.match(/Pour y aller :/g)).toHaveLength(10);
    // The search form stays on screen.
    expect(text).not.toContain("Chercher de l'aide");
    await context.close();
  });
});
