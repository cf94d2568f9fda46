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

const unique = Date.now().toString(36);
const list = `${baseUrl}/espace/charente/constats`;
const group = `Accès aux droits e2e ${unique}`;
const first = `La médiathèque de Jarnac accompagne les démarches CAF (${unique}).`;
const firstEdited = `La médiathèque de Jarnac accompagne les démarches CAF et retraite (${unique}).`;
const second = `Un atelier CAF se tient à la médiathèque de Jarnac (${unique}).`;
const merged = `Médiathèque de Jarnac : démarches CAF et retraite, en atelier ou seul (${unique}).`;

const card = (page: Page, text: string) => page.locator("article", { hasText: text });

async function addStrength(page: Page, text: string): Promise<void> {
  await page.locator("label", { hasText: /^Atout/ }).first().click();
  await page.getByRole("textbox", { name: /^Le constat/ }).fill(text);
  await page.getByRole("button", { name: "Ajouter le constat" }).click();
  await page.waitForURL(/ajoute=1/);
  await card(page, text).waitFor();
}

describe("the coordination organises the findings of the diagnostic", () => {
  it("groups a finding, edits it, merges another into it, deletes it", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, list);

    await page.getByLabel("Titre du nouveau groupe").fill(group);
    await page.getByRole("button", { name: "Créer le groupe" }).click();
    await page.getByText("Le groupe est créé : vous pouvez y placer des constats.").waitFor();
    await expectAccessible(page);

    await visit(page, list);
    await addStrength(page, first);
    await addStrength(page, second);
    await expectAccessible(page);
    expect(await card(page, first).getByText(`Groupe : ${group}`).count()).toBe(0);

    // Into the group, from the card.
    await card(page, first).getByLabel("Groupe").selectOption({ label: group });
    await card(page, first).getByRole("button", { name: "Changer de groupe" }).click();
    await card(page, first).getByText("Le constat a changé de groupe.").waitFor();
    await expectAccessible(page);
    await visit(page, list);
    expect(await card(page, first).getByText(`Groupe : ${group}`).count()).toBe(1);
    expect(await card(page, second).getByText(`Groupe : ${group}`).count()).toBe(0);

    // Edited from its page.
    await card(page, first).getByRole("link", { name: /Modifier, fusionner ou supprimer/ }).click();
    await page.waitForURL(/\/constats\/[0-9a-f-]{36}$/);
    const findingUrl = page.url();
    await visit(page, findingUrl);
    await page.getByRole("textbox", { name: /^Le constat/ }).fill(firstEdited);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.waitForURL(/\/constats\?modifie=1$/);
    await page.getByText("Le constat est modifié.").waitFor();
    await expectAccessible(page);
    expect(await card(page, firstEdited).count()).toBe(1);
    expect(await card(page, first).count()).toBe(0);
    expect(await card(page, firstEdited).getByText(`Groupe : ${group}`).count()).toBe(1);

    // The second finding merged into the first, with a new text.
    await visit(page, findingUrl);
    await page.getByLabel("Constat à fusionner dans celui-ci").selectOption({ label: `${second} (0 soutien)` });
    await page.getByLabel("Texte du constat fusionné (facultatif)").fill(merged);
    await page.getByRole("button", { name: "Fusionner" }).click();
    await page.waitForURL(/\/constats\?fusionne=1$/);
    await page.getByText("Les deux constats sont fusionnés.").waitFor();
    await expectAccessible(page);
    expect(await card(page, merged).count()).toBe(1);
    expect(await card(page, second).count()).toBe(0);
    expect(await card(page, firstEdited).count()).toBe(0);

    // Deleted.
    await visit(page, findingUrl);
    await page.getByRole("button", { name: "Supprimer définitivement" }).click();
    await page.waitForURL(/\/constats\?supprime=1$/);
    await page.getByText("Le constat est supprimé.").waitFor();
    await expectAccessible(page);
    expect(await card(page, merged).count()).toBe(0);
    await visit(page, findingUrl, 404);
    await context.close();
  });

  it("lets the partners add findings, then takes it back", async () => {
    const coordination = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await coordination.newPage();
    const partner = await signedIn(browser, baseUrl, dataDir, demo.partner);
    const partnerPage = await partner.newPage();
    const addForm = () => partnerPage.getByRole("button", { name: "Ajouter le constat" });
    // The same setting opens the shortcut of the questionnaire results ("En faire un constat" beside a free text).
    await visit(partnerPage, `${baseUrl}/espace/charente/questionnaires`);
    const survey = await partnerPage.getByRole("link", { name: "Vous et le numérique (démonstration)" }).first().getAttribute("href");
    const shortcuts = async () => {
      await visit(partnerPage, `${baseUrl}${survey}/resultats`);
      return partnerPage.getByRole("link", { name: /^En faire un constat/ }).count();
    };

    await visit(page, list);
    expect(await page.getByRole("radio", { name: "Non, seulement la coordination" }).isChecked()).toBe(true);
    await visit(partnerPage, list);
    expect(await addForm().count()).toBe(0);
    expect(await shortcuts()).toBe(0);

    await page.locator("label", { hasText: "Oui, la coordination et les partenaires" }).click();
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Les personnes partenaires peuvent maintenant ajouter des constats.").waitFor();
    await expectAccessible(page);
    await visit(partnerPage, list);
    expect(await addForm().count()).toBe(1);
    expect(await shortcuts()).toBeGreaterThan(0);

    await page.locator("label", { hasText: "Non, seulement la coordination" }).click();
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Seule la coordination ajoute des constats.").waitFor();
    await expectAccessible(page);
    await visit(partnerPage, list);
    expect(await addForm().count()).toBe(0);
    expect(await shortcuts()).toBe(0);
    await coordination.close();
    await partner.close();
  });
});
