import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { demo, desktop, expectAccessible, phone, sharedBrowser, signedIn, visit } from "./browser";

/*
 * A conditional question on the same screen as the answer it depends on ("Pourquoi pas
 * d'ordinateur ?" only if "Avez-vous un ordinateur ?" = Non): set in the builder in words; with
 * JavaScript it appears and disappears at once; without, the next screen asks it only when it applies;
 * the results say to how many people it was asked. At 360 px and 1280 px, axe on every page.
 */
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const browser = sharedBrowser();

const title = `Questionnaire conditionnel e2e ${Date.now().toString(36)}`;
const why = /Pourquoi n'avez-vous pas d'ordinateur/;
/** The question's field as people and assistive technologies perceive it: absent while hidden. */
const whyBox = (page: Page) => page.getByRole("textbox", { name: why });
let publicPath = "";
let builder = "";

/** Ticks a DSFR radio or checkbox by the first words of its label. */
async function tick(page: Page, label: string) {
  await page.locator("main label", { hasText: new RegExp(`^${label}`) }).first().click();
}

/** Submits a form and waits for the page the server answers with (no JavaScript). */
async function submit(page: Page, name: string) {
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name }).click()]);
}

async function addQuestion(page: Page, part: 1 | 2, fill: (page: Page) => Promise<void>) {
  await page.getByRole("link", { name: `Ajouter une question à la partie ${part}` }).click();
  await page.waitForURL(/\/questions\/nouvelle\?partie=/);
  await fill(page);
  await page.getByRole("button", { name: "Ajouter la question" }).click();
  await page.waitForURL(new RegExp(`${builder}#question-`));
}

/** Starts a response on the public link; returns on screen 1. */
async function start(page: Page) {
  await visit(page, `${baseUrl}${publicPath}`);
  await page.getByRole("button", { name: "Commencer" }).click();
  await page.waitForURL(/etape=1$/);
  await expectAccessible(page);
}

describe("a conditional question", () => {
  it("a coordinator sets « Afficher si la question … vaut … » in the builder, sees it in the question list, and publishes", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/questionnaires`);
    await tick(page, "Questionnaire vide");
    await page.getByLabel("Titre (facultatif)").fill(title);
    await page.getByRole("button", { name: "Créer le questionnaire" }).click();
    await page.waitForURL(/\/espace\/charente\/questionnaires\/[0-9a-f-]{36}\?cree=1$/);
    builder = page.url().replace(/\?.*$/, "");
    const newPart = page.locator("section[aria-labelledby=nouvelle-partie]");
    for (const part of ["Équipement", "Vous"]) {
      await newPart.getByLabel("Titre de la partie").fill(part);
      await newPart.getByRole("button", { name: "Ajouter la partie" }).click();
      await page.waitForURL(new RegExp(`${builder}#partie-`));
    }
    await addQuestion(page, 1, async (p) => {
      await p.locator('main [name="label"]').fill("Avez-vous un ordinateur ?");
      await tick(p, "Choix unique");
      await p.getByLabel("Choix de réponse").fill("Oui\nNon");
    });
    await addQuestion(page, 1, async (p) => {
      await p.locator('main [name="label"]').fill("Pourquoi n'avez-vous pas d'ordinateur ?");
      await tick(p, "Texte court");
      await expectAccessible(p);
      await p.locator('main select[name="condition"]').selectOption({ label: "Afficher si la question Q1 « Avez-vous un ordinateur ? » vaut « Non »" });
    });
    await addQuestion(page, 2, async (p) => {
      await p.locator('main [name="label"]').fill("Quel âge avez-vous ?");
      await tick(p, "Choix unique");
      await p.getByLabel("Choix de réponse").fill("Moins de 60 ans\n60 ans ou plus");
    });
    await expectAccessible(page);
    expect(await page.getByText("Affichée seulement si la réponse à Q1 « Avez-vous un ordinateur ? » est « Non ».").count()).toBe(1);
    await page.getByRole("button", { name: "Publier le questionnaire" }).click();
    await page.waitForURL(new RegExp(`${builder}\\?publie=1(#.*)?$`));
    await visit(page, `${builder}/campagnes`);
    await page.getByLabel("Nom de la campagne").fill("Marché de Cognac");
    await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
    await page.waitForURL(/\/campagnes\/[0-9a-f-]{36}\?cree=1$/);
    const link = (await page.locator("main a[href*='/q/']").first().getAttribute("href")) ?? "";
    publicPath = new URL(link).pathname;
    expect(publicPath).toMatch(/^\/q\/[A-Za-z0-9]{10}$/);
    await context.close();
  });

  describe.each([
    { size: "360 px", viewport: phone },
    { size: "1280 px", viewport: desktop },
  ])("at $size", ({ viewport }) => {
    it("with JavaScript, appears as soon as the answer is « Non », disappears (emptied) with « Oui », and its follow-up screen is skipped", async () => {
      const context = await browser().newContext({ viewport });
      const page = await context.newPage();
      await start(page);
      expect(await page.getByText("Étape 1 sur 2").count()).toBe(1);
      // Hidden for everyone (screen readers included), not only out of sight.
      expect(await whyBox(page).count()).toBe(0);
      await tick(page, "Non");
      await whyBox(page).waitFor({ state: "visible" });
      expect(await page.getByRole("status").filter({ hasText: "Une question a été ajoutée : « Pourquoi n'avez-vous pas d'ordinateur ? »" }).count()).toBe(1);
      await expectAccessible(page);
      await whyBox(page).fill("Trop cher pour moi");
      await tick(page, "Oui");
      await expect.poll(() => whyBox(page).count()).toBe(0);
      expect(await page.getByRole("status").filter({ hasText: "La question « Pourquoi n'avez-vous pas d'ordinateur ? » a été retirée." }).count()).toBe(1);
      await tick(page, "Non");
      await whyBox(page).waitFor({ state: "visible" });
      // Its answer was cleared when it disappeared.
      expect(await whyBox(page).inputValue()).toBe("");
      await whyBox(page).fill("Trop cher");
      await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
      // Answered on the screen: straight to the next part (screen 3: the follow-up screen 2 is skipped).
      await page.waitForURL(/etape=3$/);
      await page.getByText("Étape 2 sur 2").waitFor();
      await expectAccessible(page);
      // Back to the first screen: the question is there again, with its saved answer.
      const third = page.url();
      await visit(page, third.replace(/etape=3$/, "etape=1"));
      await whyBox(page).waitFor({ state: "visible" });
      expect(await whyBox(page).inputValue()).toBe("Trop cher");
      await visit(page, third);
      await tick(page, "60 ans ou plus");
      await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
      await page.waitForURL(/\/merci$/);
      await visit(page, page.url());
      await context.close();
    });

    it("without JavaScript, the next screen asks it only when the answer was « Non »", async () => {
      const context = await browser().newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      await start(page);
      expect(await whyBox(page).count()).toBe(0);
      await tick(page, "Non");
      await submit(page, "Enregistrer et continuer");
      expect(page.url()).toMatch(/etape=2$/);
      await expectAccessible(page);
      expect(await page.getByRole("heading", { name: /Équipement \(suite\)/ }).count()).toBe(1);
      expect(await page.getByText("Étape 1 sur 2").count()).toBe(1);
      await whyBox(page).fill("Pas besoin");
      await submit(page, "Enregistrer et continuer");
      expect(page.url()).toMatch(/etape=3$/);
      await expectAccessible(page);
      await tick(page, "Moins de 60 ans");
      await submit(page, "Envoyer mes réponses");
      expect(page.url()).toMatch(/\/merci$/);
      await expectAccessible(page);

      // « Oui »: no follow-up screen, the next one is the part « Vous ».
      await start(page);
      await tick(page, "Oui");
      await submit(page, "Enregistrer et continuer");
      expect(page.url()).toMatch(/etape=2$/);
      await expectAccessible(page);
      expect(await page.getByRole("heading", { name: /Vous/ }).count()).toBe(1);
      expect(await whyBox(page).count()).toBe(0);
      await tick(page, "Moins de 60 ans");
      await submit(page, "Envoyer mes réponses");
      expect(page.url()).toMatch(/\/merci$/);
      await context.close();
    });
  });

  it("the results say to how many people it was asked", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${builder}/resultats`);
    // Six responses: four « Non » (two with JavaScript, two without), two « Oui ».
    expect(await page.getByText("Question posée à 4 personnes sur 6, selon leur réponse à la question Q1", { exact: false }).count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("Trop cher");
    await context.close();
  });
});
