import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demo, desktop, launch, phone, signedIn, visit } from "./browser";
import { serverWithPlan, type PlanServer } from "./plan-seed";

// Seeded by e2e/plan-seed.ts (rows written in the database before the server starts): version 90 published,
// 91 the working one, each with two actions. By hand: planned 40,000 + 20,000 + 6,000 = 66,000 €; secured
// 25,000 + 6,000 = 31,000 €; requested 10,000 €; missing 60,000 − 25,000 − 10,000 = 25,000 € (the workshops are covered).
let server: PlanServer;
let browser: Browser;
beforeAll(async () => {
  server = await serverWithPlan();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, " ");

describe.each([phone, desktop])("the action plan's views at $width px", (viewport) => {
  it("timeline: the grid by month with its steps, the arrow keys, the table equivalent, one year at a time", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/plan/calendrier`);
    await page.getByRole("heading", { name: "Calendrier du plan d'action" }).waitFor();
    expect(await text(page, "main")).toContain("Version 91 (de travail)");
    const grid = page.locator("#calendrier-grille table");
    expect(await grid.locator("thead th[scope=col]").count()).toBe(25); // « Action » + 24 months
    const row = grid.locator("tr", { has: page.getByRole("link", { name: "Permanences numériques itinérantes" }) });
    // February 2026 to June 2027: 17 months filled; the vehicle bought in March 2026 (done).
    expect(await row.locator("td", { hasText: "en cours" }).count()).toBe(17);
    expect(await row.locator("td", { hasText: "étape « Achat du véhicule » le 10 mars 2026, faite" }).count()).toBe(1);
    // Arrow keys move from month to month (JavaScript on).
    await grid.locator('[data-cell="0:0"]').focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell)).toBe("1:1");
    const table = page.locator("table", { has: page.locator("caption", { hasText: "Le calendrier en tableau" }) });
    expect(await text(page, "table:has(caption:text('Le calendrier en tableau')) tbody tr:first-child")).toContain("de février 2026 à juin 2027");
    expect(await table.innerText()).toContain("Premier bilan — 15 décembre 2026 (à faire)");
    await page.getByRole("link", { name: "2027", exact: true }).click();
    await page.waitForURL(/annee=2027/);
    expect(await page.locator("#calendrier-grille table thead th[scope=col]").count()).toBe(13);
    await visit(page, page.url());
    await context.close();
  });

  it("budget synthesis: totals, by axis, by funder, charts beside tables; the XLSX export opens with the same numbers", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.partner, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/plan/budget`);
    const totals = await text(page, "[data-testid=budget-totals]");
    expect(totals).toContain("Coût prévu : 66 000 €");
    expect(totals).toContain("Financements acquis (accordés ou versés) : 31 000 €");
    expect(totals).toContain("Reste à trouver : 25 000 €");
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(2);
    const axes = page.locator("table", { has: page.locator("caption", { hasText: "Synthèse par axe" }) });
    expect((await axes.locator("tr", { hasText: "Aller vers les habitants" }).innerText()).replace(/\s+/g, " ")).toContain("60 000 €");
    const funders = page.locator("table", { has: page.locator("caption", { hasText: "par financeur" }) });
    expect(await funders.innerText()).toContain("CAF de la Charente");
    const response = await context.request.get(`${server.baseUrl}/espace/charente/plan/export/xlsx`);
    expect(response.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer);
    const synthesis = book.getWorksheet("Synthèse par axe");
    const total = synthesis?.getRow(synthesis.rowCount).values as unknown[];
    expect(total.slice(1, 10)).toEqual(["Total du plan", 2, 66000, 38000, 31000, 10000, 0, 25000, 3000]);
    await context.close();
  });

  it("map: the communes targeted over the fragility index, the fragile communes no action reaches", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/plan/carte`);
    expect(await page.locator("figure svg").count()).toBe(1);
    const reached = page.locator("table", { has: page.locator("caption", { hasText: "Communes visées et actions" }) });
    expect((await reached.locator("tbody tr").innerText()).replace(/\s+/g, " ")).toContain("Angoulême");
    const unreached = page.locator("table", { has: page.locator("caption", { hasText: "Communes fragiles sans action" }) });
    expect(await unreached.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await unreached.innerText()).not.toContain("Angoulême");
    await context.close();
  });

  it("public page: the published version, read only, for a visitor", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/territoires/charente/plan`);
    expect(await text(page, "main")).toContain("Version 90 (publiée)");
    expect(await text(page, "main")).toContain("Permanences numériques itinérantes");
    expect(await page.locator("main form").count()).toBe(0);
    // Members' pages stay closed to a visitor.
    const closed = await context.request.get(`${server.baseUrl}/espace/charente/plan/export/json`, { maxRedirects: 0 });
    expect([302, 303, 307, 403]).toContain(closed.status());
    await context.close();
  });
});
