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

/** A browser context signed in once per run for each account (shared with the other files, see browser.ts). */
const contextAs = (email: string, password: string, options: { javaScriptEnabled?: boolean } = {}) => signedIn(browser, baseUrl, dataDir, [email, password], options);

const coordination = demo.coordination;
const observation = demo.observation;

const dimensions = [
  /^1\. Accueil et accompagnement des publics/,
  /^2\. Compétences et formation de l'équipe/,
  /^3\. Équipement et accès/,
  /^4\. Partenariats et orientation/,
  /^5\. Accessibilité et publics spécifiques/,
  /^6\. Évaluation et suivi d'activité/,
];

/** Chooses a level in a dimension's radio group, the way a person does: by clicking its label. */
async function chooseLevel(page: Page, dimension: RegExp, level: number) {
  await page
    .getByRole("group", { name: dimension })
    .locator("label")
    .filter({ hasText: new RegExp(`^Niveau ${level} :`) })
    .click();
}

async function chooseLevels(page: Page, levels: number[]) {
  for (const [i, name] of dimensions.entries()) await chooseLevel(page, name, levels[i] ?? 1);
}

/** The text of the row of the results table ("Niveaux par dimension") for a dimension. */
async function resultRow(page: Page, dimension: string): Promise<string> {
  const table = page.getByRole("table", { name: /Niveaux par dimension/ });
  return (await table.getByRole("row", { name: new RegExp(`^${dimension}`) }).textContent()) ?? "";
}

/** Actor names in the territory's heat map (those who self-assessed). */
async function assessedNames(page: Page): Promise<Set<string>> {
  await visit(page, `${baseUrl}/espace/charente/maturite`);
  const table = page.getByRole("table", { name: /Niveau de chaque acteur par dimension/ });
  return new Set((await table.locator("tbody th a").allTextContents()).map((t) => t.trim()));
}

describe("maturity grid of the demo territory", () => {
  it("the coordinator opens the territory heat map: counts, weakest dimensions, one link per actor, the grid explained", async () => {
    const context = await contextAs(...coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente`);
    await page.getByRole("link", { name: "Maturité des acteurs" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente/maturite`);
    await expectAccessible(page);
    expect(await page.getByText(/\d+ acteurs sur \d+ se sont autoévalués/).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Dimensions à renforcer en priorité" }).count()).toBe(1);
    const names = await assessedNames(page);
    expect(names.size).toBeGreaterThan(20);
    expect(await page.getByRole("row", { name: /^Médiane du territoire/ }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "La grille de bonnes pratiques" }).count()).toBe(1);
    // Each actor's name leads to its detail.
    await page.getByRole("table", { name: /Niveau de chaque acteur par dimension/ }).locator("tbody th a").first().click();
    await page.waitForURL(/\/espace\/charente\/acteurs\/[0-9a-f-]{36}\/maturite$/);
    await expectAccessible(page);
    expect(await page.getByRole("table", { name: /Niveaux par dimension/ }).count()).toBe(1);
    expect(await page.locator("svg[role='img']").count()).toBe(1);
    await context.close();
  });

  it("without JavaScript, the coordinator self-assesses an actor never assessed: missing levels are named, then the radar table shows the answers", async () => {
    const context = await contextAs(...coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    const assessed = await assessedNames(page);
    await visit(page, `${baseUrl}/espace/charente/acteurs`);
    const links = page.getByRole("table", { name: "Acteurs du territoire" }).locator("tbody th a");
    const names = (await links.allTextContents()).map((t) => t.trim());
    const name = names.find((n) => !assessed.has(n));
    expect(name, "un acteur de la première page sans autoévaluation").toBeDefined();
    await page.getByRole("link", { name: name ?? "", exact: true }).first().click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}$/);
    await page.getByRole("link", { name: "Maturité numérique : autoévaluation et résultats" }).click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}\/maturite$/);
    const url = page.url();
    await visit(page, url);
    expect(await page.getByText("Cette structure ne s'est pas encore autoévaluée.", { exact: false }).count()).toBe(1);

    await page.getByLabel("Commentaire sur « Accueil »").fill("Permanence le jeudi, sur rendez-vous (e2e).");
    // Only the first dimension answered: the form names the five others.
    await chooseLevel(page, dimensions[0] ?? /^1\./, 2);
    await page.getByRole("button", { name: "Enregistrer l'autoévaluation" }).click();
    await page.getByText("Choisissez un niveau pour « Compétences et formation de l'équipe ».").waitFor();
    await expectAccessible(page);
    expect(await page.getByText("Choisissez un niveau pour", { exact: false }).count()).toBe(5);
    // Nothing typed is lost.
    expect(await page.getByLabel("Commentaire sur « Accueil »").inputValue()).toBe("Permanence le jeudi, sur rendez-vous (e2e).");

    await chooseLevels(page, [2, 3, 4, 1, 2, 3]);
    await page.getByRole("button", { name: "Enregistrer l'autoévaluation" }).click();
    await page.waitForURL(/\/maturite\?enregistre=1$/);
    await expectAccessible(page);
    expect(await page.getByText("L'autoévaluation est enregistrée.", { exact: false }).count()).toBe(1);
    expect(await resultRow(page, "Accueil et accompagnement des publics")).toContain("2 — Permanence organisée");
    expect(await resultRow(page, "Équipement et accès")).toContain("4 — Accès au-delà des murs");
    expect(await resultRow(page, "Partenariats et orientation")).toContain("1 — Structure isolée");
    expect(await page.getByText("Permanence le jeudi, sur rendez-vous (e2e).").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("with JavaScript, a new submission updates the radar table and the history keeps the previous one", async () => {
    const context = await contextAs(...coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/maturite`);
    await page.getByRole("table", { name: /Niveau de chaque acteur par dimension/ }).locator("tbody th a").first().click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}\/maturite$/);
    const url = page.url();
    await visit(page, url);
    const historyRows = async () => page.getByRole("table", { name: /autoévaluations?, de la plus récente/ }).locator("tbody tr").count();
    const before = await historyRows();

    await chooseLevels(page, [4, 4, 4, 4, 4, 4]);
    await page.getByLabel("Commentaire sur « Évaluation »").fill("Bilan partagé avec le comité de pilotage (e2e).");
    await page.getByRole("button", { name: "Enregistrer l'autoévaluation" }).click();
    await page.waitForURL(/\/maturite\?enregistre=1$/);
    await expectAccessible(page);
    for (const d of ["Accueil et accompagnement des publics", "Compétences et formation de l'équipe", "Évaluation et suivi d'activité"]) expect(await resultRow(page, d)).toContain("4 — ");
    expect(await historyRows()).toBe(before + 1);
    expect(await page.getByRole("row", { name: /\(actuelle\)/ }).count()).toBe(1);
    await context.close();
  });

  it("an observer reads the heat map and an actor's results, without the form", async () => {
    const context = await contextAs(...observation);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/maturite`);
    await page.getByRole("table", { name: /Niveau de chaque acteur par dimension/ }).locator("tbody th a").first().click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}\/maturite$/);
    await expectAccessible(page);
    expect(await page.getByRole("table", { name: /Niveaux par dimension/ }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Enregistrer l'autoévaluation" }).count()).toBe(0);
    await context.close();

    const anonymous = await fetch(`${baseUrl}/espace/charente/maturite`, { redirect: "manual" });
    expect([303, 307]).toContain(anonymous.status);
    expect(anonymous.headers.get("location")).toContain("/connexion?next=");
  });
});
