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

/** Ticks a DSFR radio or checkbox by the start of its label (a bare substring would also match a hint elsewhere, in any case). */
async function tick(page: Page, label: string) {
  await page.locator("label", { hasText: new RegExp(`^${label}`) }).first().click();
}

const unique = Date.now().toString(36);
const name = `Atelier suivi e2e ${unique}`;

describe("the territory's follow-up of a structure, its contacts and its representatives", () => {
  it("the coordinator records the follow-up, removes a contact and a representative it had added", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    // A structure of this test's own, so that nothing depends on what other files did.
    await visit(page, `${baseUrl}/espace/charente/acteurs/nouveau`);
    await page.getByLabel("Nom de la structure").fill(name);
    await tick(page, "Association");
    await tick(page, "Numérique");
    await page.getByLabel("Commune d'implantation").fill("16089");
    await page.getByRole("button", { name: "Enregistrer l'acteur" }).click();
    await page.waitForURL(/\/espace\/charente\/acteurs\/[0-9a-f-]{36}\?cree=1$/);
    const actorUrl = page.url().replace(/\?.*$/, "");
    await expectAccessible(page);
    expect(await page.getByRole("heading", { level: 2, name: new RegExp(`${name}.*À mobiliser`) }).count()).toBe(1);

    // Follow-up: status and internal notes, kept after a reload.
    await tick(page, "Engagé");
    await page.getByLabel("Notes internes").fill("Rencontrée le 3 décembre : ateliers le mardi.");
    await page.getByRole("button", { name: "Enregistrer le suivi" }).click();
    await page.getByText("Le suivi de la structure est enregistré.").waitFor();
    await expectAccessible(page);
    await visit(page, actorUrl);
    expect(await page.getByRole("heading", { level: 2, name: new RegExp(`${name}.*Engagé`) }).count()).toBe(1);
    expect(await page.getByLabel("Notes internes").inputValue()).toBe("Rencontrée le 3 décembre : ateliers le mardi.");

    // A contact added, then removed.
    await page.getByLabel("Nom du contact").fill("Paul Éphémère");
    await page.getByLabel("Courriel du contact (facultatif)").fill("paul.ephemere@prive.test");
    await page.getByRole("button", { name: "Ajouter le contact" }).click();
    await page.getByRole("cell", { name: "paul.ephemere@prive.test" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Retirer Paul Éphémère" }).click();
    await page.waitForURL(`${actorUrl}?contact=retire`);
    await page.getByText("Le contact est retiré.").waitFor();
    await expectAccessible(page);
    expect(await page.getByRole("cell", { name: "paul.ephemere@prive.test" }).count()).toBe(0);
    expect(await page.getByText("Aucun contact enregistré.").count()).toBe(1);

    // The demo partner named to represent the structure, then no longer.
    // Chosen among the territory's members (name and e-mail), not typed.
    await page.getByLabel("Désigner une personne du territoire").selectOption({ label: `Samir Benali (démo) (${demo.partner[0]}) — Partenaire` });
    await page.getByRole("button", { name: "Désigner cette personne" }).click();
    await page.getByText("peut désormais modifier cette structure", { exact: false }).waitFor();
    await visit(page, actorUrl);
    const speakers = page.locator("section", { has: page.getByRole("heading", { name: "Personnes qui représentent la structure" }) });
    expect(await speakers.locator("li", { hasText: `(${demo.partner[0]})` }).count()).toBe(1);
    await speakers.getByRole("button", { name: /^Retirer / }).click();
    await page.waitForURL(`${actorUrl}?lien=retire`);
    await page.getByText("La personne ne représente plus la structure.").waitFor();
    await expectAccessible(page);
    expect(await speakers.locator("li", { hasText: `(${demo.partner[0]})` }).count()).toBe(0);
    expect(await speakers.getByText("Personne n'est encore désigné.").count()).toBe(1);
    await context.close();
  });
});
