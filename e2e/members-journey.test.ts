import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { choose, expectAccessible, launch, signedIn, visit } from "./browser";
import { demoAdmin } from "./admin";
import { signUpAndConfirm } from "./accounts";

// Fresh accounts (signed up through the mailed link): the demo accounts other files rely on keep their roles.

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Issue 10: the journey runs on a 360 px phone and at 1280 px, with axe on every page it visits.
describe.each([
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
])("a coordinator manages the territory and its members, at $width px", (viewport) => {
  const unique = `${Date.now().toString(36)}-${viewport.width}`;
  const slug = `cognac-membres-${unique}`;
  const coordinatorEmail = `coordination-membres-${unique}@exemple.test`;
  const memberName = "Inès Observatrice";
  const memberEmail = `observation-membres-${unique}@exemple.test`;

  let coordinator: BrowserContext;
  let member: BrowserContext;

  it("renames the territory, changes a member's role, then removes the member", async () => {
    coordinator = await browser.newContext({ viewport });
    const page = await coordinator.newPage();
    await visit(page, `${baseUrl}/inscription?next=/espace/nouveau`);
    await signUpAndConfirm(page, dataDir, { name: "Lucie Coordinatrice", email: coordinatorEmail, password: "une phrase de passe bien longue" });
    await page.waitForURL(`${baseUrl}/espace/nouveau`);
    await choose(page, "Une intercommunalité (EPCI)");
    await page.getByLabel("Rechercher").fill("grand cogn");
    await page.getByRole("button", { name: "Chercher" }).click();
    await page.waitForURL(/q=grand\+cogn/);
    // Created before a perimeter is chosen: the error names the field, and the search stays.
    await page.getByLabel("Adresse de la page publique").fill(slug);
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.getByText("Aucun périmètre choisi : cherchez-le à l'étape 1, puis choisissez-le dans la liste des résultats.").waitFor();
    await expectAccessible(page);
    await choose(page, "CA du Grand Cognac");
    await page.getByLabel("Adresse de la page publique").fill(slug);
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.waitForURL(new RegExp(`/espace/${slug}`));

    // The territory's name and presentation.
    await visit(page, `${baseUrl}/espace/${slug}`);
    await page.getByLabel("Nom du territoire").fill(`Cognac ensemble ${unique}`);
    await page.getByRole("textbox", { name: "Présentation" }).fill("Le réseau des lieux de médiation du Cognaçais.");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Les modifications sont enregistrées.").waitFor();
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace/${slug}`);
    expect(await page.getByLabel("Nom du territoire").inputValue()).toBe(`Cognac ensemble ${unique}`);
    expect(await page.getByRole("textbox", { name: "Présentation" }).inputValue()).toBe("Le réseau des lieux de médiation du Cognaçais.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(`Cognac ensemble ${unique}`);

    // A person invited as an observer joins.
    await visit(page, `${baseUrl}/espace/${slug}/membres`);
    await page.getByLabel("Rôle de la personne invitée").selectOption("observer");
    await page.getByRole("button", { name: "Créer le lien d'invitation" }).click();
    const invitationLink = await page.getByTestId("invitation-link").inputValue();
    // The new link is offered at once with a button that copies it.
    await page.getByRole("button", { name: /Copier le lien/ }).first().waitFor();
    member = await browser.newContext({ viewport });
    const memberPage = await member.newPage();
    await visit(memberPage, invitationLink);
    await memberPage.getByRole("link", { name: "Créer mon compte" }).click();
    await memberPage.waitForURL(/\/inscription/);
    await signUpAndConfirm(memberPage, dataDir, { name: memberName, email: memberEmail, password: "encore un secret assez long" });
    await memberPage.waitForURL(invitationLink);
    await memberPage.getByRole("button", { name: "Rejoindre le territoire" }).click();
    await memberPage.waitForURL(new RegExp(`/espace/${slug}`));
    expect(await memberPage.getByTestId("role").textContent()).toBe("Observation");

    // The journal says what happened in words, not codes.
    await visit(page, `${baseUrl}/espace/${slug}/journal`);
    const entries = await page.locator("tbody tr").allTextContents();
    expect(entries.some((r) => r.includes("Invitation") && r.includes("Création"))).toBe(true);
    expect(entries.some((r) => /\b(observer|invitation_created|pending|verified)\b/.test(r))).toBe(false);

    // Publishing a version that can never change asks for confirmation first: without the box, nothing is published.
    await visit(page, `${baseUrl}/espace/${slug}/diagnostic/etat-des-lieux`);
    await page.getByRole("button", { name: "Publier cette version" }).click();
    await page.getByText("Cochez « Je comprends que cette version ne pourra plus être modifiée » pour publier.").waitFor();
    expect(page.url()).not.toMatch(/publie=/);
    await expectAccessible(page);

    // Observer → contribution.
    await visit(page, `${baseUrl}/espace/${slug}/membres`);
    // The members' table (the invitations' table below also names the person who accepted).
    const row = page.getByRole("table", { name: "Personnes membres du territoire et leur rôle" }).getByRole("row", { name: new RegExp(memberName) });
    expect(await row.getByRole("cell", { name: "Observation", exact: true }).count()).toBe(1);
    await row.getByText("Modifier", { exact: true }).click();
    await row.getByLabel(`Rôle de ${memberName}`).selectOption("contributor");
    await row.getByRole("button", { name: "Changer le rôle" }).click();
    await row.getByText("Le rôle est modifié.").waitFor();
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace/${slug}/membres`);
    expect(await row.getByRole("cell", { name: "Contribution", exact: true }).count()).toBe(1);
    await visit(memberPage, `${baseUrl}/espace/${slug}`);
    expect(await memberPage.getByTestId("role").textContent()).toBe("Contribution");

    // Removed: the person no longer enters the workspace.
    await row.getByText("Modifier", { exact: true }).click();
    await row.getByRole("button", { name: `Retirer ${memberName} du territoire` }).click();
    await page.getByText("La personne a été retirée du territoire.").waitFor();
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace/${slug}/membres`);
    expect(await page.getByRole("cell", { name: memberEmail }).count()).toBe(0);
    expect(await page.getByRole("cell", { name: coordinatorEmail }).count()).toBe(1);
    await visit(memberPage, `${baseUrl}/espace/${slug}`, 403);
    await member.close();
  });

  it("the coordinator sets the coverage thresholds of the portrait and deletes an imported indicator", async () => {
    const page = await coordinator.newPage();
    await visit(page, `${baseUrl}/espace/${slug}/diagnostic`);
    await page.getByLabel("Distance au-delà de laquelle l'aide est « loin » (km)", { exact: false }).fill("7,5");
    await page.getByLabel("Seuil de fragilité (IFN, de 0 à 10)", { exact: false }).fill("7");
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await page.getByText("Les réglages sont enregistrés : les chiffres ci-dessous en tiennent compte.").waitFor();
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace/${slug}/diagnostic`);
    expect(await page.getByLabel("Distance au-delà de laquelle l'aide est « loin » (km)", { exact: false }).inputValue()).toBe("7,5");
    expect(await page.getByLabel("Seuil de fragilité (IFN, de 0 à 10)", { exact: false }).inputValue()).toBe("7");

    const label = "Foyers sans internet e2e";
    await visit(page, `${baseUrl}/espace/${slug}/diagnostic/indicateurs`);
    await page.getByLabel("Fichier d'indicateurs").setInputFiles({ name: "internet.csv", mimeType: "text/csv", buffer: Buffer.from(`code_insee;nom;${label}\n16102;Cognac;12,5\n`) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page.getByRole("button", { name: /Importer 1 indicateur/ }).click();
    await expect.poll(() => page.getByText("Indicateurs importés").count()).toBeGreaterThan(0);
    await visit(page, `${baseUrl}/espace/${slug}/diagnostic/indicateurs`);
    const row = page.getByRole("row", { name: new RegExp(label) });
    expect(await row.getByRole("cell", { name: "1", exact: true }).count()).toBe(1);
    await row.getByRole("button", { name: `Supprimer « ${label} »` }).click();
    // The row, and the form's own message with it, leaves the table once the page is refreshed.
    await page.getByRole("row", { name: new RegExp(label) }).waitFor({ state: "detached" });
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace/${slug}/diagnostic/indicateurs`);
    expect(await page.getByRole("row", { name: new RegExp(label) }).count()).toBe(0);
    await page.close();
  });

  it("the platform administrator names the fresh coordinator administrator, then takes it back", async () => {
    const coordinatorPage = await coordinator.newPage();
    await visit(coordinatorPage, `${baseUrl}/admin`, 403);

    const admin = await signedIn(browser, baseUrl, dataDir, demoAdmin, { viewport });
    const page = await admin.newPage();
    const search = `${baseUrl}/admin?q=${encodeURIComponent(coordinatorEmail)}`;
    await visit(page, search);
    await page.getByRole("button", { name: "Nommer Lucie Coordinatrice administrateur" }).click();
    await page.getByText(`${coordinatorEmail} administre désormais la plateforme.`).waitFor();
    await expectAccessible(page);
    await visit(coordinatorPage, `${baseUrl}/admin`);

    await visit(page, search);
    await page.getByRole("button", { name: "Retirer l'administration à Lucie Coordinatrice" }).click();
    await page.getByText(`${coordinatorEmail} n'administre plus la plateforme.`).waitFor();
    await expectAccessible(page);
    await visit(coordinatorPage, `${baseUrl}/admin`, 403);
    await admin.close();
    await coordinator.close();
  });
});
