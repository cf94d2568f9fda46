import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

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
const title = `Permanences numériques e2e ${unique}`;
const plan = `${baseUrl}/espace/charente/plan`;
let sheetUrl = "";

/** The <details> whose summary reads `summary`, opened (its form works without JavaScript too). */
async function folded(page: Page, summary: string): Promise<Locator> {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) }).first();
  await details.locator("summary").first().click();
  return details;
}

describe("the coordination writes the action plan (1280 px)", () => {
  it("creates an action (end before start refused, nothing lost), adds a budget line and a co-funding, steps, status; duplicates and reorders", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: desktop });
    const page = await context.newPage();
    await visit(page, plan);
    await page.getByRole("link", { name: "Nouvelle action" }).click();
    await page.waitForURL(/\/plan\/actions\/nouvelle$/);
    await expectAccessible(page);

    await page.getByLabel(/^Titre de l'action/).fill(title);
    await page.getByLabel(/^Mois de début/).fill("06/2027");
    await page.getByLabel(/^Mois de fin/).fill("03/2027");
    await page.getByRole("button", { name: "Créer l'action" }).click();
    await page.getByText("La fin ne peut pas précéder le début : vérifiez les deux mois.").waitFor();
    expect(await page.getByLabel(/^Titre de l'action/).inputValue()).toBe(title);
    await expectAccessible(page);
    await page.getByLabel(/^Mois de fin/).fill("12/2028");
    await page.getByLabel("Statut").selectOption({ label: "Planifiée" });
    await page.getByRole("button", { name: "Créer l'action" }).click();
    await page.waitForURL(/\/plan\/actions\/[0-9a-f-]{36}\?cree=1$/);
    sheetUrl = page.url().replace(/\?.*$/, "");
    await page.getByRole("heading", { name: title }).waitFor();
    expect(await page.getByText("06/2027 → 12/2028").count()).toBe(1);
    await expectAccessible(page);

    // A budget line: a negative amount is refused in French, then 30 000 € is kept.
    let form = await folded(page, "Ajouter une ligne de budget");
    await form.getByLabel("Année").fill("2027");
    await form.getByLabel("Poste de dépense").fill("Conseiller numérique");
    await form.getByLabel("Montant prévu (€)").fill("-5");
    await form.getByRole("button", { name: "Ajouter la ligne" }).click();
    await form.getByText("Le montant prévu ne peut pas être négatif.").waitFor();
    expect(await form.getByLabel("Poste de dépense").inputValue()).toBe("Conseiller numérique");
    await form.getByLabel("Montant prévu (€)").fill("30 000");
    await form.getByRole("button", { name: "Ajouter la ligne" }).click();
    await form.getByText("La ligne de budget est ajoutée.").waitFor({ state: "attached" });

    // A co-funding above the cost: accepted, and the sheet warns.
    form = await folded(page, "Ajouter un co-financement");
    await form.getByLabel("Ou nom du financeur").fill("Fondation locale");
    await form.getByLabel("Année").fill("2027");
    await form.getByLabel("Statut").selectOption({ label: "Accordé" });
    await form.getByLabel("Montant (€)").fill("40 000");
    await form.getByRole("button", { name: "Ajouter le financement" }).click();
    await form.getByText("Le financement est ajouté.").waitFor({ state: "attached" });
    await visit(page, sheetUrl);
    const budget = page.locator("table", { has: page.locator("caption", { hasText: "Budget de l'action par année" }) });
    expect((await budget.innerText()).replace(/\s+/g, " ")).toContain("Conseiller numérique 30 000 €");
    await page.getByTestId("surfinancement").waitFor();
    expect((await page.getByTestId("surfinancement").innerText()).replace(/\s+/g, " ")).toContain("40 000 € pour 30 000 € de coût");

    // A step, then done (a plain form), and the status.
    form = await folded(page, "Ajouter une étape");
    await form.getByLabel("Étape").fill("Signer la convention avec la mairie");
    await form.getByLabel(/^Échéance/).fill("2027-05-15");
    await form.getByRole("button", { name: "Ajouter l'étape" }).click();
    await form.getByText("L'étape est ajoutée.").waitFor({ state: "attached" });
    await visit(page, sheetUrl);
    await page.getByRole("button", { name: "Marquer comme faite : Signer la convention avec la mairie" }).click();
    await page.waitForURL(/ligne=faite/);
    await page.getByText("L'étape est marquée comme faite.").waitFor();
    await expectAccessible(page);
    const status = page.locator("form", { has: page.getByRole("button", { name: "Changer le statut" }) });
    await status.getByLabel("Statut").selectOption({ label: "En cours" });
    await status.getByRole("button", { name: "Changer le statut" }).click();
    await page.getByText("Le statut est enregistré.").waitFor();

    // Duplicate, then the copy goes up above the original (« Sans axe » on this branch's demo).
    await visit(page, sheetUrl);
    await page.getByRole("button", { name: "Dupliquer" }).click();
    await page.waitForURL(/\?copie=1$/);
    await page.getByRole("heading", { name: `${title} (copie)` }).waitFor();
    await expectAccessible(page);
    await visit(page, plan);
    const cards = page.locator("li[id^='action-']", { hasText: title });
    expect(await cards.first().getByRole("link").innerText()).toBe(title);
    await page.getByRole("button", { name: `Monter « ${title} (copie) »` }).click();
    await page.waitForURL(/\?deplace=1/);
    expect(await page.locator("li[id^='action-']", { hasText: title }).first().getByRole("link").innerText()).toBe(`${title} (copie)`);
    await expectAccessible(page);
    await context.close();
  });

  it("two people edit the same action: the second save gets the 409 with the other's change shown, keeps what was typed, and saves on purpose", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: desktop });
    const first = await context.newPage();
    const second = await context.newPage();
    await visit(first, `${sheetUrl}/modifier`);
    await visit(second, `${sheetUrl}/modifier`);
    await first.getByLabel(/^Titre de l'action/).fill(`${title} — mairies`);
    await first.getByRole("button", { name: "Enregistrer" }).click();
    await first.waitForURL(/\?modifie=1$/);

    await second.getByLabel(/^Description/).fill("Une demi-journée par semaine, sans rendez-vous.");
    await second.getByRole("button", { name: "Enregistrer" }).click();
    await second.getByText("a enregistré cette action le", { exact: false }).waitFor();
    await second.getByText(`: ${title} — mairies`, { exact: false }).waitFor();
    await second.getByTestId("conflit").waitFor();
    expect(await second.getByLabel(/^Description/).inputValue()).toBe("Une demi-journée par semaine, sans rendez-vous.");
    await expectAccessible(second);
    // Read, then saved again on purpose: this person's version is kept.
    await second.getByRole("button", { name: "Enregistrer" }).click();
    await second.waitForURL(/\?modifie=1$/);
    await second.getByText("Une demi-journée par semaine, sans rendez-vous.").waitFor();
    await context.close();
  });

  it("values in-kind means, opens a new version, changes an action in it, compares the two versions, publishes the frozen one", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: desktop });
    const page = await context.newPage();
    await visit(page, `${plan}/versions`);
    await page.getByLabel("Valeur d'une journée (€)").fill("250");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("La valorisation des apports en nature est enregistrée.").waitFor();

    await page.getByLabel("Titre (facultatif)").fill(`Plan révisé ${unique}`);
    await page.getByRole("button", { name: "Ouvrir une nouvelle version" }).click();
    await page.waitForURL(/\?nouvelle=\d+$/);
    const number = Number(new URL(page.url()).searchParams.get("nouvelle"));
    await expectAccessible(page);

    // In the new version, the copy of the action changes status.
    await visit(page, plan);
    await page.getByRole("link", { name: `${title}`, exact: true }).click();
    await page.waitForURL(/\/plan\/actions\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toBe(sheetUrl);
    const status = page.locator("form", { has: page.getByRole("button", { name: "Changer le statut" }) });
    await status.getByLabel("Statut").selectOption({ label: "Terminée" });
    await status.getByRole("button", { name: "Changer le statut" }).click();
    await page.getByText("Le statut est enregistré.").waitFor();

    await visit(page, `${plan}/versions?de=${number - 1}&a=${number}`);
    const diff = page.getByTestId("comparaison");
    const changed = diff.locator("table", { has: page.locator("caption", { hasText: title }) }).first();
    expect((await changed.locator("tr", { hasText: "Statut" }).innerText()).replace(/\s+/g, " ").trim()).toBe("Statut En cours Terminée");

    await page.getByRole("button", { name: `Publier la version ${number - 1}` }).click();
    await page.waitForURL(/\?publiee=/);
    await page.getByText("La version est publiée sur la page publique du territoire.").waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

describe("the plan's pages at 360 px", () => {
  it("reads the plan, the sheet, the edit form and the versions on a phone; « Descendre » works without JavaScript", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, plan);
    const copy = `${title} (copie)`;
    await page.getByRole("button", { name: `Descendre « ${copy} »` }).click();
    await page.waitForURL(/\?deplace=1/);
    await expectAccessible(page);
    const titles = await page.locator("li[id^='action-'] h4").allInnerTexts();
    expect(titles.indexOf(copy)).toBeGreaterThan(titles.indexOf(title));
    await page.getByRole("link", { name: title, exact: true }).click();
    await expectAccessible(page);
    await visit(page, `${page.url().replace(/\?.*$/, "")}/modifier`);
    await visit(page, `${plan}/versions`);
    await visit(page, `${plan}/actions/nouvelle`);
    await context.close();
  });
});
