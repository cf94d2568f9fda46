import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
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

const catalogue = `${baseUrl}/espace/charente/financements`;
const unique = Date.now().toString(36);
/** A calendar day N days from now, as a date field takes it. */
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sourceBox = (page: Page, name: string) => page.locator("article", { has: page.getByRole("link", { name, exact: true }) });

describe.each([
  { size: phone, label: "360" },
  { size: desktop, label: "1280" },
])("the funding catalogue at $label px", ({ size }) => {
  it("filters without JavaScript, shows the demo's deadlines, and leads to the funding of an action", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.partner, { javaScriptEnabled: false, viewport: size });
    const page = await context.newPage();
    await visit(page, catalogue);
    // The demo's two deadlines of the next 30 days (and the third, within three months) in the table.
    const deadlines = page.locator("table", { has: page.locator("caption", { hasText: "Échéances des trois prochains mois" }) });
    expect(await deadlines.locator("tbody tr").count()).toBe(3);
    // A partner reads, does not add.
    expect(await page.getByRole("link", { name: "Ajouter une source locale" }).count()).toBe(0);

    await page.getByLabel("Type d'aide").selectOption({ label: "Chèques (médiation)" });
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.waitForURL(/type=cheque/);
    await page.getByRole("heading", { name: "1 source pour ces filtres" }).waitFor();
    expect(await sourceBox(page, "Chèques de médiation numérique (type pass numérique APTIC)").count()).toBe(1);
    await expectAccessible(page);

    await visit(page, `${catalogue}?echeance=30&perimetre=local`);
    await page.getByRole("heading", { name: "1 source pour ces filtres" }).waitFor();
    expect(await sourceBox(page, "Fonds départemental d'appui à l'inclusion numérique (démo)").count()).toBe(1);

    await visit(page, catalogue);
    // An action of the demo plan whose lead, themes and communes fit the demo's departmental fund.
    await page.getByRole("link", { name: "Financements possibles : Former les secrétaires de mairie à l'accompagnement", exact: true }).first().click();
    await page.waitForURL(/\/plan\/actions\/[0-9a-f-]{36}\/financements$/);
    await page.getByRole("heading", { name: /^Financements possibles : / }).waitFor();
    // The local departmental fund covers Charente, an association, the action's themes: it is proposed, with why.
    const local = page.locator("article", { hasText: "Fonds départemental d'appui à l'inclusion numérique (démo)" });
    expect(await local.getByText("Finance sur le département où l'action a lieu : Charente (16).").count()).toBe(1);
    expect(await page.getByText("Pourquoi").count()).toBeGreaterThan(3);
    await expectAccessible(page);
    await context.close();
  });
});

describe("the coordination keeps its local sources, deadlines and resources", () => {
  it("adds a local source with a deadline, adds and removes a deadline, edits, is told what is wrong, deletes", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: desktop });
    const page = await context.newPage();
    const name = `Fonds d'initiatives du Cognaçais ${unique}`;
    await visit(page, catalogue);
    await page.getByRole("link", { name: "Ajouter une source locale" }).click();
    await page.waitForURL(/\/financements\/nouvelle$/);
    await expectAccessible(page);
    await page.getByLabel("Nom de la source").fill(name);
    await page.getByLabel("Type d'aide").selectOption({ label: "Appel à projets" });
    await choose(page, "Compétences de base (courriel, mots de passe, bureautique)");
    await page.locator("label", { hasText: /^Association$/ }).click();
    await page.getByLabel("Montant maximum, en euros (facultatif)").fill("-5");
    await page.getByLabel("Date (facultatif)").fill(inDays(20));
    await page.getByRole("button", { name: "Ajouter la source" }).click();
    // A negative amount: said next to the field, nothing lost.
    await page.getByText("Montant maximum : le nombre ne peut pas être négatif.").first().waitFor();
    expect(await page.getByLabel("Nom de la source").inputValue()).toBe(name);
    await expectAccessible(page);
    await page.getByLabel("Montant maximum, en euros (facultatif)").fill("12 000");
    await page.getByRole("button", { name: "Ajouter la source" }).click();
    await page.waitForURL(/\/financements\/[0-9a-f-]{36}\?ajoutee=1$/);
    await page.getByText("La source est ajoutée.").waitFor();
    const sourceUrl = page.url().replace(/\?.*$/, "");
    expect(await page.getByText("Jusqu'à 12 000 €").count()).toBe(1);
    await expectAccessible(page);

    // A second deadline, then removed.
    await page.locator('input[name="date"]').fill(inDays(60));
    await page.getByLabel("Précision (facultatif)").fill("Session d'automne");
    await page.getByRole("button", { name: "Ajouter l'échéance" }).click();
    await page.getByText("L'échéance est ajoutée.").waitFor();
    await visit(page, sourceUrl);
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(2);
    await rows.filter({ hasText: "Session d'automne" }).getByRole("button").click();
    await page.waitForURL(/echeance-supprimee=1/);
    await page.getByText("L'échéance est supprimée.").waitFor();
    expect(await page.locator("table tbody tr").count()).toBe(1);

    // The remaining deadline edited in place: « Modifier » opens its form (a link, no JavaScript), an empty
    // date is said in French and the words typed stay, then the new date replaces the old one in the same row.
    await page.locator("table tbody tr").getByRole("link", { name: /^Modifier l'échéance du / }).click();
    await page.waitForURL(/\?modifier=[0-9a-f-]{36}#modifier-echeance$/);
    await expectAccessible(page);
    const editDeadline = page.locator("form", { has: page.getByRole("button", { name: "Enregistrer l'échéance" }) });
    await editDeadline.locator('input[name="date"]').fill("");
    await editDeadline.locator('input[name="label"]').fill("Session de printemps");
    await page.getByRole("button", { name: "Enregistrer l'échéance" }).click();
    await editDeadline.getByText("Écrivez la date de l'échéance (jj/mm/aaaa).").waitFor();
    expect(await editDeadline.locator('input[name="label"]').inputValue()).toBe("Session de printemps");
    await expectAccessible(page);
    await editDeadline.locator('input[name="date"]').fill(inDays(45));
    await editDeadline.getByLabel("Type d'échéance").selectOption({ label: "Pré-dépôt" });
    await page.getByRole("button", { name: "Enregistrer l'échéance" }).click();
    await page.waitForURL(/echeance-modifiee=1$/);
    await page.getByText("L'échéance est modifiée.").waitFor();
    expect(await page.locator("table tbody tr").count()).toBe(1);
    expect(await page.locator("table tbody tr").first().innerText()).toContain("Pré-dépôt : Session de printemps");
    // The same form at a phone's width.
    await page.setViewportSize(phone);
    await page.locator("table tbody tr").getByRole("link", { name: /^Modifier l'échéance du / }).click();
    await page.waitForURL(/\?modifier=/);
    await expectAccessible(page);
    await page.setViewportSize(desktop);
    await visit(page, sourceUrl);

    // Edited.
    await page.locator('input[name="name"]').fill(`${name} (modifié)`);
    await page.getByRole("button", { name: "Enregistrer la source" }).click();
    await page.waitForURL(/modifiee=1$/);
    await page.getByRole("heading", { level: 2, name: `${name} (modifié)` }).waitFor();

    // In the catalogue, local sources filter; then deleted.
    await visit(page, `${catalogue}?perimetre=local`);
    expect(await sourceBox(page, `${name} (modifié)`).count()).toBe(1);
    await visit(page, sourceUrl);
    await page.getByRole("button", { name: "Supprimer la source" }).click();
    await page.waitForURL(/\/financements\?supprimee=1$/);
    await page.getByText("La source est supprimée.").waitFor();
    expect(await sourceBox(page, `${name} (modifié)`).count()).toBe(0);
    await context.close();
  });

  it("adds a local resource and deletes it, at 360 px", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: phone });
    const page = await context.newPage();
    const name = `Repair café numérique de Jarnac ${unique}`;
    await visit(page, `${baseUrl}/espace/charente/ressources`);
    await page.locator('input[name="name"]').fill(name);
    await page.getByLabel("Contact (facultatif)").fill("Le samedi matin à la salle des fêtes");
    await page.getByRole("button", { name: "Ajouter la ressource" }).click();
    await page.waitForURL(/ressources\?ajoutee=1$/);
    await page.getByText("La ressource est ajoutée.").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Supprimer « ${name} »` }).click();
    await page.waitForURL(/ressources\?supprimee=1$/);
    expect(await page.getByRole("heading", { name }).count()).toBe(0);
    await context.close();
  });
});
