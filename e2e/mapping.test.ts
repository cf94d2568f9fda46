import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { verifyTerritory } from "./admin";
import { expectAccessible, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const unique = Date.now().toString(36);
const slug = `creuse-colonnes-${unique}`;
const source = `Réseau creusois (e2e ${unique})`;
// A raw export in its producer's own format: 91 objects, 12 columns (see SOURCES.md beside it).
const creuseFile = fs.readFileSync("../shared/data/standard-mediation-numerique/raw-sources-mednum-cli/la-creuse.json");

async function upload(page: Page, savedMapping?: string) {
  await visit(page, `${baseUrl}/espace/${slug}/lieux/colonnes`);
  await page.getByLabel("Fichier du producteur").setInputFiles({ name: "la-creuse.json", mimeType: "application/json", buffer: creuseFile });
  if (savedMapping) await page.getByLabel("Correspondance à utiliser").selectOption({ label: savedMapping });
  await page.getByRole("button", { name: "Lire le fichier" }).click();
  await page.waitForURL(/fichier=/);
  await expectAccessible(page);
}

describe("importing a file in its producer's own format", () => {
  it("without JavaScript, the demo coordinator maps La Creuse's export, previews, checks, imports, saves the mapping; re-importing changes nothing", async () => {
    // Sign in once with JavaScript (sign-ins are rate-limited per account), then work without it.
    const signIn = await browser.newContext();
    const signInPage = await signIn.newPage();
    await signInPage.goto(`${baseUrl}/connexion?next=/espace`);
    await signInPage.getByLabel("Adresse électronique").fill("coordination@demo.maillage.fr");
    await signInPage.getByLabel("Mot de passe").fill("demo-coordination-16");
    await signInPage.getByRole("button", { name: "Se connecter" }).click();
    await signInPage.waitForURL(`${baseUrl}/espace`);
    const session = await signIn.storageState();
    await signIn.close();
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: session });
    const page = await context.newPage();

    // A territory whose perimeter holds the file's places: the département of la Creuse.
    await visit(page, `${baseUrl}/espace/nouveau?kind=departement&q=creuse`);
    await page.locator("label", { hasText: /^Creuse/ }).first().click();
    await page.getByLabel("Adresse de la page publique").fill(slug);
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.waitForURL(new RegExp(`/espace/${slug}`));
    // A territory a person opens waits for verification before any import (decision 006).
    await verifyTerritory(browser, baseUrl, inject("dataDir"), "Creuse");

    // A file that cannot be read: a French message, nothing kept.
    await visit(page, `${baseUrl}/espace/${slug}/lieux/colonnes`);
    await page.getByLabel("Fichier du producteur").setInputFiles({ name: "casse.json", mimeType: "application/json", buffer: Buffer.from('[{"nom": "A",') });
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await page.getByText("Le fichier JSON est mal formé", { exact: false }).first().waitFor();
    await expectAccessible(page);

    // Step 1: the raw file, read as a table.
    await upload(page);
    expect(await page.getByTestId("mapping-file").textContent()).toContain("91 lignes de lieux, 12 colonnes");

    // Step 2: the suggestions are pre-selected (the file's own names), each with its reason.
    expect(await page.locator("#champ-nom").inputValue()).toBe("nom");
    expect(await page.locator("#champ-adresse").inputValue()).toBe("adresse");
    expect(await page.locator("#champ-code_postal").inputValue()).toBe("code_postal");
    expect(await page.locator("#champ-telephone").inputValue()).toBe("téléphone");
    expect(await page.locator("#champ-latitude").inputValue()).toBe("latitude");
    // Under the latitude: what the coordinates are read as (detected from the values), and a select to say otherwise.
    expect(await page.getByTestId("projection-note").textContent()).toBe("Coordonnées lues en degrés (WGS84), sans conversion.");
    expect(await page.getByLabel(/^Projection des coordonnées/).inputValue()).toBe("");
    expect(await page.locator("#champ-presentation_detail").inputValue()).toBe("description");
    expect(await page.locator("#champ-nom-aide").textContent()).toContain("même nom que le champ du standard");
    await page.locator("#champ-source-fixe").fill(source);

    await page.getByRole("button", { name: "Prévisualiser" }).click();
    await page.getByRole("heading", { name: "Aperçu" }).waitFor();
    await expectAccessible(page);
    // The 2nd object of the file, its name without the trailing space.
    expect(await page.getByRole("cell", { name: "Dun Le Palestel - La Palette", exact: true }).count()).toBe(1);
    // The fixed value is kept in the form after the preview.
    expect(await page.locator("#champ-source-fixe").inputValue()).toBe(source);

    // Step 3: the dry run, line by line, with the producer's positions (35th and 61st objects have no address).
    await page.getByRole("button", { name: "Vérifier sans importer" }).click();
    await page.getByRole("heading", { name: /3\. Vérification de « la-creuse\.json »/ }).waitFor();
    await expectAccessible(page);
    const checked = await page.getByTestId("mapping-summary").textContent();
    expect(checked).toContain("91 lignes lues dans le fichier");
    expect(checked).toContain("2 lignes refusées");
    // 26th « Châtain » is Arfeuille-Châtain (the only commune of the Creuse whose name ends so). The 90th, « 0 Pontarion », is Pontarion.
    expect(checked).toContain("89 lieux à importer");
    expect(checked).toContain("0 lieu hors du périmètre, ignoré");
    const missingAddress = page.locator("#verification-toutes tbody tr").filter({ hasText: "Le champ obligatoire « adresse »" });
    expect(await missingAddress.locator("td:first-child").allTextContents()).toEqual(["35", "61"]);
    // The same filters as the standard import: lines outside the perimeter have their own section (none here now).
    await page.locator("#verification-hors-perimetre").getByText("Aucune ligne hors du périmètre.").waitFor({ state: "attached" });

    await page.getByRole("button", { name: "Importer 89 lieux" }).click();
    await page.getByText("Import terminé").waitFor();
    await expectAccessible(page);
    expect(await page.getByText("89 lieux ajoutés au registre").count()).toBe(1);
    // The result in words, as after a standard import.
    expect(await page.getByTestId("import-outcome").textContent()).toBe("89 lieux ajoutés à votre territoire.");

    // Save the mapping under a name (with its fixed source) for the next file.
    await page.getByLabel(/^Nom de la correspondance/).fill("Réseau creusois");
    await page.getByRole("button", { name: "Enregistrer la correspondance" }).click();
    await page.getByText("La correspondance « Réseau creusois » est enregistrée").waitFor();
    // The confirmation names the mapping and sits by the button that saved it, where the eye already is.
    expect(await page.getByTestId("mapping-saved").textContent()).toContain("La correspondance « Réseau creusois » est enregistrée");
    expect(await page.getByTestId("mapping-saved").isVisible()).toBe(true);
    await expectAccessible(page);

    // The next file from the same producer: the saved mapping, then the same import changes nothing.
    await upload(page, "Réseau creusois");
    expect(await page.getByText("Correspondance « Réseau creusois » appliquée.").count()).toBe(1);
    expect(await page.locator("#champ-source-fixe").inputValue()).toBe(source);
    await page.getByRole("button", { name: "Vérifier sans importer" }).click();
    await page.getByRole("button", { name: "Importer 89 lieux" }).click();
    await page.getByText("Import terminé").waitFor();
    expect(await page.getByText("89 lieux déjà connus inchangés").count()).toBe(1);

    await visit(page, `${baseUrl}/territoires/${slug}/lieux?q=${encodeURIComponent("La Palette")}`);
    expect(await page.getByRole("link", { name: "Dun Le Palestel - La Palette" }).count()).toBe(1);

    // The saved mapping can be deleted from the page, without JavaScript.
    await visit(page, `${baseUrl}/espace/${slug}/lieux/colonnes`);
    await page.getByRole("button", { name: "Supprimer la correspondance « Réseau creusois »" }).click();
    await page.getByText("La correspondance « Réseau creusois » est supprimée.").waitFor();
    expect(await page.getByText("Aucune correspondance enregistrée pour ce territoire.").count()).toBe(1);
    await context.close();
  });

  it("the page is for signed-in coordinators only", async () => {
    const anonymous = await fetch(`${baseUrl}/espace/charente/lieux/colonnes`, { redirect: "manual" });
    expect([303, 307]).toContain(anonymous.status);
    expect(anonymous.headers.get("location")).toContain("/connexion?next=");
  });
});
