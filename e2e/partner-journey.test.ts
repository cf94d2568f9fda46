import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { signUpAndConfirm } from "./accounts";
import { choose, demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The demo partner's structure (src/demo/actors.ts): the FLEP of Soyaux, with its places.
const FLEP = "FOYER LAIQUE EDUCATION PERMANENTE";

const dimensions = [
  /^1\. Accueil et accompagnement des publics/,
  /^2\. Compétences et formation de l'équipe/,
  /^3\. Équipement et accès/,
  /^4\. Partenariats et orientation/,
  /^5\. Accessibilité et publics spécifiques/,
  /^6\. Évaluation et suivi d'activité/,
];

const speakersSection = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "Personnes qui représentent la structure" }) });

describe.each([phone, desktop])("a partner always has a next step, at $width px", (viewport) => {
  const unique = `${viewport.width}-${Date.now().toString(36)}`;
  const person = { name: `Inès Partenaire ${unique}`, email: `partenaire-${unique}@exemple.test`, password: "une phrase de passe de partenaire" };
  let invitationLink = "";
  let flepUrl = "";

  it("the coordinator invites a partner", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/membres`);
    await page.getByLabel("Rôle de la personne invitée").selectOption("partner");
    await page.getByLabel("Note (facultatif)").fill(`Invitation ${unique}`);
    await page.getByRole("button", { name: "Créer le lien d'invitation" }).click();
    invitationLink = await page.getByTestId("invitation-link").inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${baseUrl}/invitation/[A-Za-z0-9_-]{20,}$`));
    await expectAccessible(page);
    await context.close();
  });

  it("the partner joins; the welcome page asks which structure it speaks for, from the registry; the request waits for the coordination", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await visit(page, invitationLink);
    await page.getByRole("link", { name: "Créer mon compte" }).click();
    await page.waitForURL(/\/inscription/);
    await expectAccessible(page);
    await signUpAndConfirm(page, dataDir, person);
    await page.waitForURL(invitationLink);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Rejoindre le territoire" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente?bienvenue=1`);
    await expectAccessible(page);
    expect(await page.getByText("Bienvenue dans « Charente (démonstration) ».").count()).toBe(1);
    // The next step: no structure yet, so the question, answered from the registry.
    expect(await page.getByRole("heading", { name: "Votre structure" }).count()).toBe(1);
    await page.getByLabel("Quelle structure représentez-vous ?").fill("foyer laique");
    await page.getByRole("button", { name: "Chercher dans le registre" }).click();
    await page.waitForURL(/structure=foyer\+laique/);
    await expectAccessible(page);
    expect(await page.getByRole("status").filter({ hasText: /correspond(ent)? à « foyer laique »/ }).count()).toBe(1);
    await choose(page, `${FLEP} (Soyaux)`);
    await page.getByRole("button", { name: "Demander à représenter cette structure" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente?demande=1`);
    await expectAccessible(page);
    expect(await page.getByText("Votre demande est envoyée à la coordination du territoire.", { exact: false }).count()).toBe(1);
    expect(await page.getByTestId("requested-structures").innerText()).toContain(`Demande envoyée pour ${FLEP} (Soyaux)`);
    // Asking is not owning: the structure's fiche has no edit form for this partner yet.
    await visit(page, `${baseUrl}/espace/charente/acteurs?q=${encodeURIComponent("foyer laique")}`);
    await page.getByRole("link", { name: FLEP, exact: true }).click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}$/);
    flepUrl = page.url();
    await visit(page, flepUrl);
    expect(await page.getByRole("heading", { name: "Modifier la structure" }).count()).toBe(0);
    await context.close();
  });

  it("the coordinator sees the request on the workspace home and confirms it on the structure's page", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente`);
    const requests = page.locator("section", { has: page.getByRole("heading", { name: /demandes? de partenaires? à confirmer/ }) });
    expect(await requests.getByText(`${person.name} dit représenter ${FLEP}`).count()).toBe(1);
    await requests.locator("li", { hasText: person.name }).getByRole("link", { name: FLEP }).click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}#porte-parole-titre$/);
    await visit(page, flepUrl);
    await page.getByRole("button", { name: `Confirmer la demande de ${person.name}` }).click();
    await page.waitForURL(`${flepUrl}?demande=confirmee`);
    await expectAccessible(page);
    expect(await page.getByText("La demande est confirmée : la personne représente désormais la structure.").count()).toBe(1);
    expect(await speakersSection(page).locator("li", { hasText: `${person.name} (${person.email})` }).count()).toBe(1);
    await context.close();
  });

  it("the partner opens its structure from the welcome page, cannot change the coordination's status, edits a place and self-assesses", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/connexion?next=${encodeURIComponent("/espace/charente")}`);
    await page.getByLabel("Adresse électronique").fill(person.email);
    await page.getByLabel("Mot de passe").fill(person.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente`);
    await expectAccessible(page);
    await page.getByRole("link", { name: `Ouvrir la fiche de ${FLEP} (Soyaux)` }).click();
    await page.waitForURL(flepUrl);
    await expectAccessible(page);

    // The follow-up ("engagé / à mobiliser") is read, not written, by the partner.
    const followUp = page.locator("section", { has: page.getByRole("heading", { name: "Suivi par le territoire" }) });
    expect(await followUp.getByRole("button", { name: "Enregistrer le suivi" }).count()).toBe(0);
    expect(await followUp.getByRole("radio").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Modifier la structure" }).count()).toBe(1);
    // Its communes are written back by name and postcode, never as a bare INSEE code.
    expect(await page.getByLabel("Commune d'implantation").inputValue()).toBe("Soyaux 16800");

    // A place of the structure: a commune with a typo gets a suggestion, then the place is saved.
    const places = page.locator("section", { has: page.getByRole("heading", { name: "Lieux de la structure" }) });
    await places.getByRole("link", { name: /^Modifier / }).first().click();
    await page.waitForURL(/\/espace\/charente\/lieux\/[0-9a-f-]{36}\/modifier$/);
    const editUrl = page.url();
    await visit(page, editUrl);
    // (A postcode of several communes: 16200 serves Jarnac, Fleurac, Houlette…; nothing is saved on error.)
    await page.locator('[name="code_postal"]').fill("16200");
    await page.locator('[name="commune"]').fill("Jarnak");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("Aucune commune « Jarnak » n'a le code postal 16200. Vouliez-vous dire : Jarnac ?").first().waitFor();
    await expectAccessible(page);
    await page.locator('[name="code_postal"]').fill("16800");
    await page.locator('[name="commune"]').fill("Soyaux");
    await page.getByRole("textbox", { name: /^Téléphone/ }).fill("05 45 95 12 34");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.waitForURL(/enregistre=1/);
    await expectAccessible(page);
    expect(await page.getByText("Les modifications sont enregistrées").count()).toBe(1);

    // The structure's self-assessment.
    await visit(page, flepUrl);
    await page.getByRole("link", { name: "Maturité numérique : autoévaluation et résultats" }).click();
    await page.waitForURL(/\/maturite$/);
    await expectAccessible(page);
    for (const [i, dimension] of dimensions.entries()) {
      await page
        .getByRole("group", { name: dimension })
        .locator("label")
        .filter({ hasText: new RegExp(`^Niveau ${(i % 4) + 1} :`) })
        .click();
    }
    await page.getByRole("button", { name: "Enregistrer l'autoévaluation" }).click();
    await page.waitForURL(/\/maturite\?enregistre=1$/);
    await expectAccessible(page);
    expect(await page.getByText("L'autoévaluation est enregistrée.", { exact: false }).count()).toBe(1);
    await context.close();
  });

  it("the coordinator adds a structure with communes written as people write them, and names its speaker among the members", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    const name = `Centre social des communes ${unique}`;
    await visit(page, `${baseUrl}/espace/charente/acteurs/nouveau`);
    await page.getByLabel("Nom de la structure").fill(name);
    await choose(page, "Association");
    await page.getByLabel("Commune d'implantation").fill("Barbesieux");
    await page.getByLabel("Communes desservies (facultatif)").fill("Soyaux, 16200");
    await page.getByRole("button", { name: "Enregistrer l'acteur" }).click();
    await page.getByText("« Barbesieux » : aucune commune de ce nom. Vouliez-vous dire : Barbezieux-Saint-Hilaire (16300)", { exact: false }).first().waitFor();
    await expectAccessible(page);
    // Nothing typed is lost.
    expect(await page.getByLabel("Communes desservies (facultatif)").inputValue()).toBe("Soyaux, 16200");
    await page.getByLabel("Commune d'implantation").fill("angouleme");
    await page.getByRole("button", { name: "Enregistrer l'acteur" }).click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}\?cree=1$/);
    await expectAccessible(page);
    const actorUrl = page.url().replace(/\?cree=1$/, "");
    const details = await page.locator("dl").innerText();
    expect(details).toContain("Angoulême");
    for (const commune of ["Soyaux", "Jarnac", "Fleurac", "Houlette"]) expect(details).toContain(commune);

    // The speaker, chosen among the territory's members: the new partner, by name and e-mail.
    const who = page.getByLabel("Désigner une personne du territoire");
    expect(await who.locator("option", { hasText: "observation@demo.maillage.fr" }).count()).toBe(0);
    await who.selectOption({ label: `${person.name} (${person.email}) — Partenaire` });
    await page.getByRole("button", { name: "Désigner cette personne" }).click();
    await page.getByText(`${person.name} peut désormais modifier cette structure.`).waitFor();
    await expectAccessible(page);
    await visit(page, actorUrl);
    expect(await speakersSection(page).locator("li", { hasText: `${person.name} (${person.email})` }).count()).toBe(1);
    await context.close();
  });
});
