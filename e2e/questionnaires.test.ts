import fs from "node:fs";
import ExcelJS from "exceljs";
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

const title = `Enquête e2e ${Date.now().toString(36)}`;

/** Ticks a DSFR radio or checkbox by its label's exact first line (the input itself is drawn by the label). */
async function tick(page: Page, label: string | RegExp) {
  await page.locator("label", { hasText: typeof label === "string" ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) : label }).first().click();
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

describe("participatory questionnaires", () => {
  it("a coordinator builds one from the inhabitants' template, publishes it, opens a campaign; a person answers it without JavaScript on a 320 px screen; the result is charted, tabulated and exported", async () => {
    // 1. Build from the template and publish (JavaScript on).
    const coordination = await signedIn(browser, baseUrl, dataDir, demo.coordination, { acceptDownloads: true });
    const page = await coordination.newPage();
    await visit(page, `${baseUrl}/espace/charente/questionnaires`);
    await tick(page, "Modèle « Vous et le numérique »");
    await page.getByLabel("Titre (facultatif)").fill(title);
    await page.getByRole("button", { name: "Créer le questionnaire" }).click();
    await page.waitForURL(/\/espace\/charente\/questionnaires\/[0-9a-f-]{36}\?cree=1$/);
    await expectAccessible(page);
    const builder = page.url().replace(/\?.*$/, "");
    expect(await page.getByText("Q22. Dans quelle commune habitez-vous ?").count()).toBe(1);
    await page.getByRole("button", { name: "Publier le questionnaire" }).click();
    await page.waitForURL(`${builder}?publie=1`);
    await page.getByText("Le questionnaire est publié").waitFor();

    await visit(page, `${builder}/apercu?etape=6`);
    expect(await page.getByText("Étape 6 sur 6").count()).toBe(1);

    await visit(page, `${builder}/campagnes`);
    await page.getByLabel("Nom de la campagne").fill("Campagne e2e");
    await page.getByRole("button", { name: "Ouvrir la campagne" }).click();
    await page.waitForURL(/\/campagnes\/[0-9a-f-]{36}\?cree=1$/);
    await expectAccessible(page);
    expect(await page.locator("svg[role=img][aria-label^='QR code du lien']").count()).toBe(1);
    const link = (await page.locator("main a[href*='/q/']").first().getAttribute("href")) ?? "";
    expect(link).toMatch(/\/q\/[A-Za-z0-9]{10}$/);
    const publicPath = new URL(link).pathname;
    await page.getByRole("link", { name: "Affiche à imprimer" }).click();
    await page.waitForURL(/\/affiche$/);
    await expectAccessible(page);

    // 2. Answer on a narrow screen, without JavaScript.
    const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const p = await phone.newPage();
    await visit(p, `${baseUrl}${publicPath}`);
    await noHorizontalScroll(p);
    expect(await p.getByText("Vos réponses sont anonymes").count()).toBe(1);
    await p.getByRole("button", { name: "Commencer" }).click();
    await p.waitForURL(/etape=1$/);
    await visit(p, p.url());
    expect(await p.getByText("Étape 1 sur 6").count()).toBe(1);
    expect(await p.locator("progress[max='6'][value='1']").count()).toBe(1);
    await noHorizontalScroll(p);
    // Nothing ticked: the required questions say so, in French.
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.getByText("Cochez au moins une réponse : cette question est obligatoire.").waitFor();
    await tick(p, "Un ordinateur (portable ou fixe)");
    await tick(p, "Oui, par une box ou la fibre");
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    // « Oui, par une box » calls for the question about the connection: without JavaScript it comes on a follow-up screen.
    await p.waitForURL(/etape=2$/);
    expect(await p.getByRole("heading", { name: /Vos appareils et votre connexion \(suite\)/ }).count()).toBe(1);
    expect(await p.getByText("Étape 1 sur 6").count()).toBe(1);
    expect(await p.getByText("Votre connexion internet à la maison fonctionne-t-elle bien ?").count()).toBe(1);
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.waitForURL(/etape=3$/);
    await tick(p, "Tous les jours");
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.waitForURL(/etape=4$/);
    await tick(p, /^4$/);
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.waitForURL(/etape=5$/);
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.waitForURL(/etape=6$/);
    // Too long an answer is refused with a message, and what was typed stays.
    await p.getByLabel(/Avez-vous une idée/).fill("a".repeat(5001));
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.getByText("5 000 au plus", { exact: false }).waitFor();
    await p.getByLabel(/Avez-vous une idée/).fill("Des permanences dans les villages.");
    await p.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await p.waitForURL(/etape=7$/);
    // The answers of an earlier screen are kept (the connection may drop between screens).
    await visit(p, p.url().replace(/etape=7$/, "etape=1"));
    expect(await p.locator("input[type=checkbox][value='un-ordinateur-portable-ou-fixe']").isChecked()).toBe(true);
    await visit(p, p.url().replace(/etape=1$/, "etape=7"));
    await noHorizontalScroll(p);
    await tick(p, "45 à 59 ans");
    await p.getByLabel(/Dans quelle commune habitez-vous/).fill("16000");
    await p.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await p.waitForURL(/\/merci$/);
    await visit(p, p.url());
    expect(await p.getByRole("heading", { name: "Merci pour vos réponses" }).count()).toBe(1);
    await phone.close();

    // 3. Results: chart and table.
    await visit(page, `${builder}/resultats`);
    expect(await page.getByText("1 réponse.").count()).toBe(1);
    expect(await page.locator("svg[role=img][aria-label^='Q19. Quel âge avez-vous ?']").count()).toBe(1);
    const ageTable = page.locator("table", { has: page.locator("caption", { hasText: "Q19. Quel âge avez-vous ?" }) });
    const row = ageTable.locator("tr", { has: page.locator("th", { hasText: "45 à 59 ans" }) });
    expect(await row.locator("td").allInnerTexts()).toEqual(["1", "100 %"]);
    const communeTable = page.locator("table", { has: page.locator("caption", { hasText: "Q22. Dans quelle commune habitez-vous ?" }) });
    expect(await communeTable.locator("th", { hasText: "Angoulême" }).count()).toBe(1);

    // 4. Export XLSX and read it back.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX (Excel)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^reponses-charente-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Réponses");
    expect(sheet?.rowCount).toBe(2);
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const values = (sheet?.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => values[header.indexOf(name)];
    expect(cell("Q19. Quel âge avez-vous ?")).toBe("45 à 59 ans");
    expect(cell("Q1. Un ordinateur (portable ou fixe)")).toBe(1);
    expect(cell("Q1. Une tablette")).toBe(0);
    expect(cell("Q8. Vous sentez-vous à l'aise avec le numérique ?")).toBe(4);
    expect(cell("Q22. Code INSEE")).toBe("16015");
    await coordination.close();
    // A long journey (about 25 pages, each checked by axe): more than the suite's default minute.
  }, 240_000);
});
