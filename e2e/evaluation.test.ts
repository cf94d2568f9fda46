import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { demo, desktop, expectAccessible, phone, sharedBrowser, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const browser = sharedBrowser();
const evaluation = `${baseUrl}/espace/charente/evaluation`;

/** Waits for a form's redirect (the address carries `query`), then checks the page. */
async function landed(page: Page, query: string) {
  await page.waitForURL((u) => u.search.includes(query));
  await expectAccessible(page);
}

/** The <details> whose summary reads `summary`, opened. */
async function folded(page: Page, summary: string): Promise<Locator> {
  const details = page.locator("details", { has: page.locator("summary", { hasText: summary }) }).first();
  await details.locator("summary").first().click();
  return details;
}

const field = (scope: Page | Locator, name: string) => scope.locator(`[name="${name}"]`);

describe.each([phone, desktop])("indicators and evaluation, at $width px", (viewport) => {
  const unique = `${viewport.width} ${Date.now().toString(36)}`;
  const name = `Satisfaction e2e ${unique}`;
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);

  it("the coordination defines an indicator, a target, measurements (bad ones refused with a message), edits, publishes the report, downloads it", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.coordination, { viewport, acceptDownloads: true });
    const page = await context.newPage();
    await visit(page, evaluation);
    // The demo's indicators, with their statuses, charts beside tables, and the plan's health.
    expect(await page.getByRole("heading", { name: "Personnes reçues dans les permanences numériques" }).count()).toBeGreaterThan(0);
    expect(await page.locator("caption", { hasText: "Actions du plan par statut" }).count()).toBe(1);
    expect(await page.locator("svg[role='img']").count()).toBeGreaterThan(3);
    expect(await page.locator("#en-retard + ul li").count()).toBeGreaterThan(0);

    await page.getByRole("link", { name: "Nouvel indicateur" }).click();
    await page.waitForURL(/\/evaluation\/indicateurs\/nouveau$/);
    await expectAccessible(page);
    await field(page, "name").fill(name);
    await field(page, "objectiveId").selectOption({ index: 1 });
    await field(page, "unit").selectOption("pourcentage");
    await field(page, "baselineValue").fill("40");
    await field(page, "baselineOn").fill(`${year}-01-01`);
    await page.getByRole("button", { name: "Créer l'indicateur" }).click();
    await landed(page, "ajoute=indicateur");
    const sheet = page.url().split("?")[0] ?? "";

    const target = await folded(page, "Fixer une cible");
    await field(target, "periodEnd").fill(`${year + 1}-12-31`);
    await field(target, "value").fill("80");
    await target.getByRole("button", { name: "Enregistrer la cible" }).click();
    await landed(page, "ajoute=cible");

    // A share above 100 and a date before the period: refused with French messages, what was typed kept.
    const measure = page.locator("section[aria-labelledby='nouvelle-mesure']");
    await field(measure, "measuredOn").fill(today);
    await field(measure, "value").fill("140");
    await measure.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await measure.getByText("Un pourcentage est compris entre 0 et 100.").waitFor();
    expect(await field(measure, "value").inputValue()).toBe("140");
    await expectAccessible(page);
    await field(measure, "measuredOn").fill(`${year - 1}-06-30`);
    await field(measure, "value").fill("55");
    await measure.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await measure.getByText(`La date doit être dans la période de l'indicateur, du 01/01/${year} au 31/12/${year + 2}.`).waitFor();
    await field(measure, "measuredOn").fill(today);
    await field(measure, "value").fill("55,5");
    await field(measure, "comment").fill("Enquête e2e");
    await measure.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await landed(page, "ajoute=mesure");
    const rows = page.locator("caption", { hasText: `Mesures de « ${name} »` }).locator("xpath=..").locator("tbody tr");
    expect(await rows.count()).toBe(1);
    expect((await rows.first().innerText()).replace(/\s+/g, " ")).toContain("Enquête e2e");

    // A second measurement, then removed (from the sheet's plain address, so that the next redirect is seen).
    await visit(page, sheet);
    await field(measure, "measuredOn").fill(today);
    await field(measure, "value").fill("60");
    await measure.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await landed(page, "ajoute=mesure");
    expect(await rows.count()).toBe(2);
    await rows.nth(1).getByRole("button", { name: /^Supprimer/ }).click();
    await landed(page, "supprime=mesure");
    expect(await rows.count()).toBe(1);

    const edit = await folded(page, "Modifier la définition");
    await field(edit, "definition").fill("Part des personnes satisfaites de l'accompagnement.");
    await edit.getByRole("button", { name: "Enregistrer l'indicateur" }).click();
    await landed(page, "modifie=indicateur");
    expect(await page.getByText("Part des personnes satisfaites de l'accompagnement.").count()).toBeGreaterThan(0);

    // The target, removed then set again.
    await page.locator("#cibles li").first().getByRole("button", { name: /^Retirer/ }).click();
    await landed(page, "supprime=cible");
    expect(await page.getByText("Aucune cible").count()).toBe(1);

    // The report: published as a version that says what changed, then downloaded as ODT.
    await visit(page, `${evaluation}/rapport`);
    expect(await page.getByText("Version de travail, chiffres du", { exact: false }).count()).toBe(1);
    await page.locator("label[for='publier-comprends']").click();
    await page.getByRole("button", { name: "Publier la version" }).click();
    await landed(page, "publie=1");
    const version = Number(new URL(page.url()).searchParams.get("version"));
    expect(version).toBeGreaterThan(0);
    expect(await page.getByText(`La version ${version} du rapport est publiée`, { exact: false }).count()).toBe(1);
    const odt = await context.request.get(`${evaluation}/rapport/odt?version=${version}`);
    expect(odt.status()).toBe(200);
    const file = path.join(os.tmpdir(), `evaluation-e2e-${process.pid}-${viewport.width}.odt`);
    fs.writeFileSync(file, await odt.body());
    try {
      const text = execFileSync("unzip", ["-p", file, "content.xml"], { encoding: "utf8" }).replace(/<[^>]+>/g, " ");
      expect(text).toContain(name);
      expect(text).toContain("Ce qui a changé");
    } finally {
      fs.rmSync(file, { force: true });
    }

    // Finally the indicator is deleted.
    await visit(page, sheet);
    await page.getByRole("button", { name: /^Supprimer l'indicateur/ }).click();
    await landed(page, "supprime=indicateur");
    expect(await page.getByRole("heading", { name }).count()).toBe(0);
    await context.close();
  });

  it("on an action's sheet, the coordination picks an indicator among the evaluation's and the diagnostic's", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/plan`);
    const href = await page.locator("a[href*='/plan/actions/']:not([href$='nouvelle'])").first().getAttribute("href");
    await visit(page, `${baseUrl}${href}`);
    const picker = await folded(page, "Ajouter un indicateur");
    const choice = field(picker, "choice");
    const label = (await choice.locator("option", { hasText: /^Diagnostic : / }).first().innerText()).trim();
    await choice.selectOption({ label });
    await picker.getByRole("button", { name: "Ajouter l'indicateur" }).click();
    await page.getByText(`L'indicateur « ${label.replace(/^Diagnostic : /, "")} » est ajouté à l'action.`).waitFor();
    await expectAccessible(page);
    expect(await picker.getByRole("link", { name: "Créer un indicateur pour cette action" }).count()).toBe(1);
    await context.close();
  });
});

describe("the evaluation report in PDF (1280 px)", () => {
  it("is printed through the shared queue and reads back with its sections", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.partner, { viewport: desktop });
    const asked = await context.request.get(`${evaluation}/rapport/pdf`, { maxRedirects: 0 });
    expect(asked.status()).toBe(303);
    const waiting = new URL(asked.headers()["location"] ?? "", baseUrl).toString();
    await expect.poll(async () => (await (await context.request.get(waiting)).text()).includes("Votre PDF est prêt"), { timeout: 90_000, interval: 500 }).toBe(true);
    const page = await context.newPage();
    await visit(page, waiting);
    const pdf = await context.request.get(`${waiting}/fichier`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(os.tmpdir(), `evaluation-${process.pid}.pdf`);
    fs.writeFileSync(file, await pdf.body());
    try {
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      expect(text).toContain("Rapport d'évaluation — Charente");
      for (const section of ["Synthèse", "Ce qui a changé", "Par objectif", "Par action", "Engagements des partenaires"]) expect(text).toContain(section);
      expect(text).toContain("Personnes reçues dans les permanences numériques");
    } finally {
      fs.rmSync(file, { force: true });
    }
    await context.close();
  });
});
