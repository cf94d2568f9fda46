import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { choose, demo, expectAccessible, launch, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the territorial diagnostic", () => {
  it("a coordinator reads the portrait without JavaScript: key figures, a map with its legend, priority communes, a sortable table", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/diagnostic`);
    // The workspace menu marks the page's tab without JavaScript too: the server renders it.
    expect(await page.getByRole("navigation", { name: "Espace de travail du territoire" }).locator('[aria-current="page"]').allInnerTexts()).toEqual(["Portrait du territoire"]);
    const main = page.locator("main");
    expect(await main.innerText()).toMatch(/communes en zone blanche/);
    // The map shows the IFN first; another indicator is chosen from the list.
    await page.getByLabel("Indicateur affiché").selectOption("nearest_place_km");
    await page.getByRole("button", { name: "Afficher", exact: true }).click();
    await page.waitForURL(/indicateur=nearest_place_km/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: /Carte : Distance au lieu le plus proche/ }).count()).toBe(1);
    const image = page.locator("img[src*='carte.svg']");
    const svg = await context.request.get(`${baseUrl}${await image.getAttribute("src")}`);
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toMatch(/image\/svg\+xml/);
    expect(await page.locator("li", { hasText: /commune/ }).count()).toBeGreaterThan(1);
    // Sort by population, largest first: Angoulême is the most populated commune of Charente.
    await page.getByRole("link", { name: /^Population/ }).click();
    await page.waitForURL(/tri=population/);
    await visit(page, page.url());
    const communes = page.locator("section", { has: page.locator("#communes-titre") });
    expect(await communes.locator("tbody tr").first().locator("th").innerText()).toMatch(/^Angoulême/);
    expect(await page.locator("th[aria-sort='descending']").count()).toBe(1);
    await context.close();
  });

  it("the table downloads as XLSX and reads back with the documented columns", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.observation);
    const response = await context.request.get(`${baseUrl}/espace/charente/diagnostic/export/xlsx`);
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["code_insee", "nom", "population", "longitude", "latitude"]);
    expect(header).toContain("white_zone");
    // Charente: 360-odd communes, one row each.
    expect(sheet?.rowCount).toBeGreaterThan(300);
    await context.close();
  });

  it("a coordinator imports an own indicator: bad lines are reported, the good ones show on the map's list", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/diagnostic/indicateurs`);
    await page.getByLabel("Fichier d'indicateurs").setInputFiles({
      name: "chomage.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("code_insee;nom;Taux de chômage e2e (%)\n16015;Angoulême;14,2\n16102;Cognac;11,8\n99999;Nulle part;3\n16001;Abzac;beaucoup\n"),
    });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await expect.poll(() => page.getByTestId("indicators-summary").count()).toBe(1);
    expect(await page.getByTestId("indicators-summary").innerText()).toMatch(/4 lignes lues : 2 acceptées, 2 refusées/);
    expect(await page.locator("table", { hasText: "Rapport ligne à ligne" }).innerText()).toMatch(/99999[\s\S]*beaucoup/);
    await page.getByRole("button", { name: /Importer 1 indicateur/ }).click();
    await expect.poll(() => page.getByText("Indicateurs importés").count()).toBeGreaterThan(0);
    await visit(page, `${baseUrl}/espace/charente/diagnostic`);
    expect(await page.locator("option", { hasText: "Taux de chômage e2e" }).count()).toBe(1);
    await context.close();
  });

  it("findings: a partner supports a question; the État des lieux lists it and prints to PDF", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.partner);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/constats?type=question`);
    const card = page.locator("article", { hasText: "espace numérique de travail des collèges" });
    // The demo seeds this question with one support (src/demo/findings.ts); the partner adds the second.
    expect(await card.locator("strong", { hasText: "soutien" }).innerText()).toBe("1 soutien");
    await card.getByRole("button", { name: "Soutenir ce constat" }).click();
    await expect.poll(async () => page.locator("article", { hasText: "espace numérique de travail des collèges" }).locator("strong", { hasText: "soutien" }).innerText()).toBe("2 soutiens");
    expect(await card.getByRole("button", { name: "Retirer mon soutien" }).count()).toBe(1);
    await visit(page, `${baseUrl}/espace/charente/diagnostic/etat-des-lieux`);
    expect(await page.getByRole("heading", { name: "5. Atouts et questionnements" }).count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("espace numérique de travail des collèges");
    // The PDF is printed by the job queue: the request leads to a page that waits for it, then to the file.
    const asked = await context.request.get(`${baseUrl}/espace/charente/diagnostic/etat-des-lieux/pdf`, { maxRedirects: 0 });
    expect(asked.status()).toBe(303);
    const waiting = new URL(asked.headers()["location"] ?? "", baseUrl).toString();
    expect(waiting).toMatch(/\/espace\/charente\/diagnostic\/etat-des-lieux\/pdf\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await (await context.request.get(waiting)).text()).includes("Votre PDF est prêt"), { timeout: 90_000, interval: 500 }).toBe(true);
    // The waiting page, once the PDF is ready, as the person sees it (its download starts by itself).
    const ready = await context.newPage();
    await visit(ready, waiting);
    expect(await ready.getByTestId("pdf-ready").textContent()).toContain("Votre PDF est prêt");
    // The waiting page while the request waits its turn: four prints asked one after the other, at most
    // two printed at a time (PDF_CONCURRENCY=2 by default): the fourth waits; read without JavaScript
    // (with it, the page reloads itself every 2 s).
    let fourth = "";
    for (let i = 0; i < 4; i++) {
      const again = await context.request.get(`${baseUrl}/espace/charente/diagnostic/etat-des-lieux/pdf`, { maxRedirects: 0 });
      fourth = new URL(again.headers()["location"] ?? "", baseUrl).toString();
    }
    const noScript = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false });
    const queued = await noScript.newPage();
    await visit(queued, fourth);
    expect(await queued.getByTestId("pdf-queue").textContent()).toMatch(/Votre demande attend son tour : position \d+ dans la file d'impression/);
    await noScript.close();
    const pdf = await context.request.get(`${waiting}/fichier`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(20_000);
    // A tagged PDF (RGAA: documents accessible), opening on its title page.
    const file = path.join(os.tmpdir(), `etat-des-lieux-${process.pid}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      const firstPage = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      expect(firstPage).toContain("État des lieux de l'inclusion numérique");
      expect(firstPage).toContain("Charente");
      expect(firstPage).toMatch(/Version de travail, chiffres du \d{1,2} \p{L}+ \d{4} \(non publiée\)\./u);
      expect(firstPage).toContain("Éditeur : la coordination du territoire");
      // The title page is a page of its own: the first section starts on page 2.
      expect(firstPage).not.toContain("1. Le territoire et sa fragilité numérique");
      const secondPage = execFileSync("pdftotext", ["-f", "2", "-l", "2", "-layout", file, "-"], { encoding: "utf8" });
      expect(secondPage).toContain("1. Le territoire et sa fragilité numérique");
    } finally {
      fs.rmSync(file, { force: true });
    }
    // The menu is drawn once by the workspace layout, which a client navigation does not render again:
    // the marked tab still follows the page.
    const menu = page.getByRole("navigation", { name: "Espace de travail du territoire" });
    expect(await menu.locator('[aria-current="page"]').allInnerTexts()).toEqual(["Portrait du territoire"]);
    await menu.getByRole("link", { name: "Constats" }).click();
    await page.waitForURL(/\/espace\/charente\/constats$/);
    await expect.poll(() => menu.locator('[aria-current="page"]').allInnerTexts()).toEqual(["Constats"]);
    await context.close();
  });

  it("a coordinator records a finding without JavaScript; a commune outside the territory is refused by name", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/constats`);
    await page.locator("label", { hasText: /^Questionnement/ }).first().click();
    await page.getByRole("textbox", { name: /^Le constat/ }).fill("Les bus ne desservent pas le lieu de médiation le samedi.");
    await page.getByLabel("Communes concernées (facultatif)").fill("Cognac, La Rochelle");
    await page.getByRole("button", { name: "Ajouter le constat" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByText("« La Rochelle » n'est pas une commune du territoire.").count()).toBe(1);
    expect(await page.getByRole("textbox", { name: /^Le constat/ }).inputValue()).toBe("Les bus ne desservent pas le lieu de médiation le samedi.");
    await page.getByLabel("Communes concernées (facultatif)").fill("Cognac");
    await page.getByRole("button", { name: "Ajouter le constat" }).click();
    await page.waitForURL(/ajoute=1/);
    await visit(page, page.url());
    const card = page.locator("article", { hasText: "Les bus ne desservent pas" });
    expect(await card.innerText()).toMatch(/Communes : Cognac/);
    // Its edit page (merge, delete) is reached from the card.
    await card.getByRole("link", { name: /Modifier, fusionner ou supprimer/ }).click();
    await page.waitForURL(/\/constats\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    expect(await page.getByRole("textbox", { name: /^Le constat/ }).inputValue()).toBe("Les bus ne desservent pas le lieu de médiation le samedi.");
    expect(await page.getByRole("heading", { name: "Fusionner avec un autre constat" }).count()).toBe(1);
    await context.close();
  });

  it("a coordinator publishes the État des lieux as version 1, which stays readable with its number", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/diagnostic/etat-des-lieux`);
    // A published version can never change: without the box ticked, nothing is published and the box says why.
    await page.getByRole("button", { name: "Publier cette version" }).click();
    await page.getByText("Cochez « Je comprends que cette version ne pourra plus être modifiée » pour publier.").waitFor();
    expect(page.url()).not.toMatch(/publie=/);
    await expectAccessible(page);
    await choose(page, "Je comprends que cette version ne pourra plus être modifiée");
    expect(await page.getByRole("checkbox", { name: /Je comprends que cette version ne pourra plus être modifiée/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Publier cette version" }).click();
    await page.waitForURL(/version=1&publie=1$/);
    await visit(page, page.url());
    expect(await page.locator("main").innerText()).toMatch(/Version 1, publiée le/);
  });
});
