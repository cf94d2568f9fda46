import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demo, expectAccessible, launch, signedIn, visit } from "./browser";

/*
 * The pages of a questionnaire that no other journey visits: writing questions (with a mistake first),
 * editing and moving them, a paper questionnaire typed in by the coordinator, the list of responses
 * received (one set aside), and the page of free-text answers. Without JavaScript, as the forms must
 * work without it; every page and every error state is checked by axe.
 */
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const title = `Questionnaire construit e2e ${Date.now().toString(36)}`;

/** Ticks a DSFR radio or checkbox by the first words of its label. */
async function tick(page: Page, label: string, scope = page.locator("main")) {
  await scope.locator("label", { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).first().click();
}

/** Submits a form without JavaScript and waits for the page the server answers with. */
async function submit(page: Page, button: ReturnType<Page["getByRole"]>) {
  await Promise.all([page.waitForEvent("load"), button.click()]);
}

describe("building a questionnaire and reading its answers", () => {
  it("a coordinator writes questions (refused, then right), edits and moves them, types in a paper questionnaire, sets a response aside and reads the free texts", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();

    // An empty questionnaire, one part.
    await visit(page, `${baseUrl}/espace/charente/questionnaires`);
    await tick(page, "Questionnaire vide");
    await page.getByLabel("Titre (facultatif)").fill(title);
    await page.getByRole("button", { name: "Créer le questionnaire" }).click();
    await page.waitForURL(/\/espace\/charente\/questionnaires\/[0-9a-f-]{36}\?cree=1$/);
    await expectAccessible(page);
    const builder = page.url().replace(/\?.*$/, "");
    const newPart = page.locator("section[aria-labelledby=nouvelle-partie]");
    await newPart.getByLabel("Titre de la partie").fill("Vos habitudes");
    await newPart.getByRole("button", { name: "Ajouter la partie" }).click();
    await page.waitForURL(new RegExp(`${builder}#partie-`));
    await expectAccessible(page);
    expect(await page.getByRole("heading", { name: /Vos habitudes/ }).count()).toBeGreaterThan(0);

    // The questionnaire's title and presentation, edited.
    await page.getByText("Modifier le titre, la présentation et le public").click();
    await page.getByLabel("Titre", { exact: true }).fill(`${title} (v2)`);
    await submit(page, page.getByRole("button", { name: "Enregistrer", exact: true }));
    expect(await page.locator("main").innerText()).toContain(`${title} (v2)`);
    await expectAccessible(page);

    // A second part, moved up, then deleted; the first one renamed.
    await newPart.getByLabel("Titre de la partie").fill("Partie de passage");
    await submit(page, newPart.getByRole("button", { name: "Ajouter la partie" }));
    await submit(page, page.getByRole("button", { name: "Monter la partie 2" }));
    expect(await page.getByText("Modifier le titre de la partie 1").evaluate((e) => e.closest("section")?.textContent ?? "")).toContain("Partie de passage");
    await submit(page, page.getByRole("button", { name: "Supprimer la partie 1" }));
    expect(await page.locator("main").innerText()).not.toContain("Partie de passage");
    await page.getByText("Modifier le titre de la partie 1").click();
    const part = page.locator("details", { hasText: "Modifier le titre de la partie 1" });
    await part.getByLabel("Titre de la partie").fill("Vos habitudes numériques");
    await submit(page, part.getByRole("button", { name: "Enregistrer la partie" }));
    expect(await page.locator("main").innerText()).toContain("Vos habitudes numériques");

    // A question without its wording is refused, in French, and the choices typed stay.
    await page.getByRole("link", { name: /Ajouter une question/ }).first().click();
    await page.waitForURL(/\/questions\/nouvelle\?partie=/);
    await expectAccessible(page);
    await tick(page, "Choix unique");
    await page.getByLabel("Choix de réponse").fill("Tous les jours\nParfois\nJamais");
    await page.getByRole("button", { name: "Ajouter la question" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.locator(".fr-error-text, .fr-alert--error").count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Choix de réponse").inputValue()).toBe("Tous les jours\nParfois\nJamais");
    await expectAccessible(page);
    await page.locator('main [name="label"]').fill("À quelle fréquence utilisez-vous internet ?");
    await page.getByRole("button", { name: "Ajouter la question" }).click();
    await page.waitForURL(new RegExp(`${builder}#question-`));
    expect(await page.getByText("Q1. À quelle fréquence utilisez-vous internet ?").count()).toBe(1);

    // A second question, free text.
    await page.getByRole("link", { name: /Ajouter une question/ }).first().click();
    await page.waitForURL(/\/questions\/nouvelle\?partie=/);
    await page.locator('main [name="label"]').fill("Que faudrait-il près de chez vous ?");
    await tick(page, "Texte court");
    await page.getByRole("button", { name: "Ajouter la question" }).click();
    await page.waitForURL(new RegExp(`${builder}#question-`));
    expect(await page.getByText("Q2. Que faudrait-il près de chez vous ?").count()).toBe(1);

    // Edit the first question: a new wording and one more choice.
    await page.getByRole("link", { name: "Modifier la question Q1" }).click();
    await page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await page.locator('main [name="label"]').fill("À quelle fréquence allez-vous sur internet ?");
    await page.getByLabel("Ajouter des choix (facultatif)").fill("Je ne sais pas");
    await page.getByRole("button", { name: "Enregistrer la question" }).click();
    await page.waitForURL(new RegExp(`${builder}#question-`));
    await expectAccessible(page);
    expect(await page.getByText("Q1. À quelle fréquence allez-vous sur internet ?").count()).toBe(1);

    // Move the free-text question up: it becomes Q1.
    // (The answer redirects to the same page with another #question-… fragment.)
    await page.getByRole("button", { name: "Monter la question Q2" }).click();
    await expect.poll(() => page.getByText("Q1. Que faudrait-il près de chez vous ?").count(), { timeout: 30_000 }).toBe(1);
    await expectAccessible(page);
    expect(await page.getByText("Q2. À quelle fréquence allez-vous sur internet ?").count()).toBe(1);

    // A third question, deleted.
    await page.getByRole("link", { name: /Ajouter une question/ }).first().click();
    await page.waitForURL(/\/questions\/nouvelle\?partie=/);
    await page.locator('main [name="label"]').fill("Question écrite par erreur ?");
    await tick(page, "Texte court");
    await page.getByRole("button", { name: "Ajouter la question" }).click();
    await expect.poll(() => page.getByText("Q3. Question écrite par erreur ?").count(), { timeout: 30_000 }).toBe(1);
    await submit(page, page.getByRole("button", { name: "Supprimer la question Q3" }));
    expect(await page.getByText("Question écrite par erreur").count()).toBe(0);

    const textQuestion = /\/questions\/([0-9a-f-]{36})$/.exec((await page.getByRole("link", { name: "Modifier la question Q1" }).getAttribute("href")) ?? "")?.[1];
    expect(textQuestion).toMatch(/^[0-9a-f-]{36}$/);

    // Publish, open a campaign, type in a paper questionnaire.
    await page.getByRole("button", { name: "Publier le questionnaire" }).click();
    // (A redirection without a fragment keeps the page's own, as browsers do.)
    await page.waitForURL(new RegExp(`${builder}\\?publie=1(#.*)?$`));
    await expectAccessible(page);
    await visit(page, `${builder}/campagnes`);
    await page.getByLabel("Nom de la campagne").fill("Permanence papier");
    await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
    await page.waitForURL(/\/campagnes\/[0-9a-f-]{36}\?cree=1$/);
    const campaign = page.url().replace(/\?.*$/, "");
    await page.getByRole("button", { name: "Saisir un questionnaire papier" }).click();
    await page.waitForURL(/\/saisie\/[^/?]+\?etape=1$/);
    await expectAccessible(page);
    await page.getByLabel(/Que faudrait-il près de chez vous/).fill("Un atelier le samedi matin");
    await tick(page, "Parfois");
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.waitForURL(`${campaign}?saisie=1`);
    await expectAccessible(page);
    await page.getByLabel("Nom de la campagne").fill("Permanence papier du samedi");
    await submit(page, page.getByRole("button", { name: "Enregistrer la campagne" }));
    await expectAccessible(page);
    expect(await page.locator("main").innerText()).toContain("Permanence papier du samedi");
    await submit(page, page.getByRole("button", { name: "Terminer la campagne maintenant" }));
    expect(await page.getByRole("button", { name: "Terminer la campagne maintenant" }).count()).toBe(0);

    // The responses received: the paper one, set aside then put back.
    await visit(page, `${builder}/reponses`);
    const rows = page.locator("main tbody tr");
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole("button", { name: /^Écarter/ }).click();
    await page.waitForURL(/\/reponses/);
    await expectAccessible(page);
    expect(await page.locator("main tbody tr").first().getByRole("button", { name: /^Remettre/ }).count()).toBe(1);
    await visit(page, `${builder}/resultats`);
    expect(await page.getByText("0 réponse", { exact: false }).count()).toBeGreaterThan(0);
    await visit(page, `${builder}/reponses`);
    await page.locator("main tbody tr").first().getByRole("button", { name: /^Remettre/ }).click();
    await page.waitForURL(/\/reponses/);

    // The free texts, from the results.
    await visit(page, `${builder}/resultats`);
    expect(await page.getByText("1 réponse.").count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("Un atelier le samedi matin");
    // Every free text of a question, on its own page (linked from the results when there are many).
    await visit(page, `${builder}/resultats/textes/${textQuestion}`);
    expect(await page.locator("main").innerText()).toContain("Un atelier le samedi matin");

    // Closed: no more answers; a questionnaire without responses can be deleted.
    await visit(page, builder);
    await submit(page, page.getByRole("button", { name: "Clore le questionnaire" }));
    await expectAccessible(page);
    expect(await page.getByRole("button", { name: "Rouvrir le questionnaire" }).count()).toBe(1);
    // Its question pages say what the commands say (409, "clos"), not "access denied" (403).
    await visit(page, `${builder}/questions/nouvelle`);
    await expectAccessible(page);
    expect(await page.locator("main").innerText()).toContain("Ce questionnaire est clos : rouvrez-le pour le modifier, ou copiez-le pour en faire une nouvelle version.");
    expect(await page.getByRole("heading", { name: "Accès refusé" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Ajouter la question" }).count()).toBe(0);
    await visit(page, `${baseUrl}/espace/charente/questionnaires`);
    await tick(page, "Questionnaire vide");
    await page.getByLabel("Titre (facultatif)").fill(`${title} à supprimer`);
    await page.getByRole("button", { name: "Créer le questionnaire" }).click();
    await page.waitForURL(/\/espace\/charente\/questionnaires\/[0-9a-f-]{36}\?cree=1$/);
    await submit(page, page.getByRole("button", { name: "Supprimer le questionnaire" }));
    await page.waitForURL(/\/espace\/charente\/questionnaires\?supprime=1$/);
    await expectAccessible(page);
    expect(await page.locator("main").innerText()).not.toContain(`${title} à supprimer`);
    await context.close();
  }, 240_000);
});
