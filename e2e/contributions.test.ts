import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { choose, expectAccessible, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Unique per run, so that the public search finds exactly this place.
const placeName = `Espace numérique de test ${Date.now().toString(36)}`;
let correctedName = "";

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function signInAsCoordinator(page: Page, next: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Adresse électronique").fill("coordination@demo.maillage.fr");
  await page.getByLabel("Mot de passe").fill("demo-coordination-16");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`${baseUrl}${next}`);
}

describe("contributions to the map of places (visitors propose, coordinators moderate)", () => {
  it("a visitor without JavaScript proposes a new place, is told what is wrong, then thanked", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    await page.getByRole("link", { name: "Proposer un lieu" }).click();
    await page.waitForURL(/\/territoires\/charente\/lieux\/proposer$/);
    await visit(page, page.url());

    // Without the required fields: field messages, nothing lost.
    await field(page, "nom").fill(placeName);
    await page.getByRole("button", { name: "Envoyer la proposition" }).click();
    await page.getByText("Indiquez l'adresse du lieu (numéro et voie).").waitFor();
    expect(await field(page, "nom").inputValue()).toBe(placeName);
    await expectAccessible(page);

    await field(page, "adresse").fill("3 rue de la Cloche Verte");
    await field(page, "code_postal").fill("16000");
    await field(page, "commune").fill("Angoulême");
    await field(page, "telephone").fill("05 45 00 00 00");
    await field(page, "horaires").fill("Mo-Fr 09:00-12:00");
    await choose(page, "Aide aux démarches administratives");
    await field(page, "contact_email").fill("visiteur-e2e@exemple.test");
    await page.getByRole("button", { name: "Envoyer la proposition" }).click();
    await page.waitForURL(/\/lieux\/proposer\?envoye=1$/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: "Merci, votre proposition est envoyée" }).count()).toBe(1);
    await context.close();
  });

  it("a visitor without JavaScript signals a change on an existing place, from its page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    await page.locator("main h2 a").first().click();
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    correctedName = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    await page.getByRole("link", { name: "Signaler une erreur ou un changement" }).click();
    await page.waitForURL(/\/corriger$/);
    await visit(page, page.url());
    expect(await field(page, "nom").inputValue()).toBe(correctedName);
    await field(page, "message").fill("Le lieu est fermé le vendredi depuis septembre.");
    await page.getByRole("button", { name: "Envoyer la correction" }).click();
    await page.waitForURL(/\/corriger\?envoye=1$/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: "Merci, votre proposition est envoyée" }).count()).toBe(1);
    await context.close();
  });

  it("the coordinator accepts the new place, which is then public, and refuses the correction with a reason", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsCoordinator(page, "/espace/charente/propositions");
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: `Nouveau lieu : ${placeName}` }).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "+33545000000" }).count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: `Accepter « ${placeName} »` }).click();
    await page.waitForURL(/decision=acceptee/);
    await expectAccessible(page);
    expect(await page.getByRole("heading", { name: `Nouveau lieu : ${placeName}` }).count()).toBe(0);

    const correction = page.locator("section", { has: page.getByRole("heading", { name: `Correction : ${correctedName}` }) }).first();
    await correction.locator("summary", { hasText: "Refuser cette proposition" }).click();
    await correction.locator('[name="reason"]').fill("Horaires vérifiés auprès du lieu : il est bien ouvert le vendredi.");
    await correction.getByRole("button", { name: `Refuser « ${correctedName} »` }).click();
    await page.waitForURL(/decision=refusee/);
    await expectAccessible(page);

    await visit(page, `${baseUrl}/territoires/charente/lieux?q=${encodeURIComponent(placeName)}`);
    expect(await page.getByRole("link", { name: placeName }).count()).toBe(1);
    await context.close();
  });

  it("the moderation queue is closed to visitors and to partners", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/espace/charente/propositions`);
    await page.waitForURL(/\/connexion\?next=/);
    await page.getByLabel("Adresse électronique").fill("partenaire@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill("demo-partenaire-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente/propositions`);
    await visit(page, page.url(), 403);
    await page.close();
  });
});
