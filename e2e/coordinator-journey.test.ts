import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { choose, demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

// A coordinator's journey (issue 10, "Coordinators"): an import whose report reads counts first, filters
// its lines (with and without JavaScript) and says what happened in words with a link to the places; a
// free-text answer turned into a finding; breadcrumbs and the header's current page along the way.

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const territoryName = "Charente (démonstration)";

/** The breadcrumb as read: its items' texts, and the one marked as the current page. */
async function breadcrumb(page: Page): Promise<{ items: string[]; current: string | null }> {
  const nav = page.locator("nav.fr-breadcrumb");
  expect(await nav.count()).toBe(1); // one breadcrumb per page, never the menu's and the page's
  const items = (await nav.locator("li").allTextContents()).map((t) => t.trim());
  return { items, current: await nav.locator('[aria-current="page"]').textContent() };
}

/** The header menu's link marked as the current page (the menu sits in a closed window on a phone: read, not seen). */
const headerCurrent = (page: Page) => page.locator('#fr-header-main-navigation [aria-current="page"]').allTextContents();

// Placed in Ruffec, not in Angoulême's centre: the inhabitants' journey (help-inhabitant) expects the real
// places nearest to Angoulême among its ten results, whichever e2e file runs first.
function placesFile(tag: string): string {
  const header = '"id","pivot","nom","commune","code_postal","code_insee","adresse","latitude","longitude","date_maj","services","horaires","source"';
  return [
    header,
    `"${tag}-1","00000000000000","Espace numérique ${tag}","Ruffec","16700","16292","3 rue de la Paix","46.0295","0.1985","2026-11-01","Aide aux démarches administratives","Mo-Fr 09:00-12:00","e2e-${tag}"`,
    `"${tag}-2","00000000000000","","Angoulême","16000","16015","4 rue de la Paix","45.648","0.156","2026-11-01","Aide aux démarches administratives","","e2e-${tag}"`,
    `"${tag}-3","00000000000000","Point numérique parisien ${tag}","Paris","75001","75056","1 rue de Rivoli","48.86","2.34","2026-11-01","Aide aux démarches administratives","","e2e-${tag}"`,
    `"${tag}-4","00000000000000","Atelier numérique ${tag}","Cognac","16100","16102","5 place François 1er","45.695","-0.329","2026-11-01","Aide aux démarches administratives","","e2e-${tag}"`,
  ].join("\n");
}

async function checkFile(page: Page, filename: string, csv: string): Promise<void> {
  await page.getByLabel("Fichier de lieux").setInputFiles({ name: filename, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await page.getByRole("heading", { name: `Vérification de « ${filename} »` }).waitFor();
}

/** The rows of the report's table now shown (the filters show one section at a time). */
const shownIds = (page: Page, prefix: string) => page.locator(`.maillage-report-filtered section:visible tbody tr td:nth-child(2)`).filter({ hasText: prefix }).allTextContents();

describe.each([phone, desktop])("a coordinator's journey, at $width px", (viewport) => {
  const tag = `coord-${viewport.width}-${Date.now().toString(36)}`;
  const filename = `lieux-${tag}.csv`;

  it("checks a file: the counts first, the import button above the lines, the lines filtered; imports it and is told what happened, with a link to the places", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/lieux`);
    expect(await headerCurrent(page)).toEqual(["Mon espace"]);
    expect(await breadcrumb(page)).toEqual({ items: ["Mes territoires", territoryName, "Importer des lieux"], current: "Importer des lieux" });

    await checkFile(page, filename, placesFile(tag));
    await expectAccessible(page);
    const summary = await page.getByTestId("import-summary").locator("li").allTextContents();
    expect(summary).toContain("4 lignes lues dans le fichier");
    expect(summary).toContain("2 lieux à importer");
    expect(summary).toContain("1 ligne refusée");
    expect(summary).toContain("1 lieu hors du périmètre, ignoré");

    // The button is above the line-by-line report, in reach without scrolling past it.
    const button = page.getByRole("button", { name: "Importer 2 lieux" });
    const details = page.getByRole("heading", { name: "Détail de la vérification, ligne par ligne" });
    expect((await button.boundingBox())?.y ?? Infinity).toBeLessThan((await details.boundingBox())?.y ?? 0);

    // All lines at first; then only the refused one, then only the one outside the perimeter.
    expect(await shownIds(page, tag)).toEqual([`${tag}-1`, `${tag}-2`, `${tag}-3`, `${tag}-4`]);
    const filters = page.getByRole("navigation", { name: "Filtrer : détail de la vérification, ligne par ligne" });
    await filters.getByRole("link", { name: "Refusées (1)" }).click();
    await expect.poll(() => shownIds(page, tag)).toEqual([`${tag}-2`]);
    expect(await filters.getByRole("link", { name: "Refusées (1)" }).getAttribute("aria-current")).toBe("true");
    expect(await page.locator("#verification-refusees").innerText()).toContain("nom");
    await expectAccessible(page);
    await filters.getByRole("link", { name: "Hors du périmètre (1)" }).click();
    await expect.poll(() => shownIds(page, tag)).toEqual([`${tag}-3`]);
    expect(await page.locator("#verification-hors-perimetre").innerText()).toContain("Hors du périmètre du territoire");
    // « Toutes » also lists the file-level line (one warning for the placeholder pivot of every row).
    await filters.getByRole("link", { name: "Toutes (5)" }).click();
    await expect.poll(() => shownIds(page, tag)).toHaveLength(4);

    await button.click();
    await page.getByText("Import terminé").waitFor();
    await expectAccessible(page);
    expect(await page.getByTestId("import-outcome").textContent()).toBe("2 lieux ajoutés à votre territoire.");
    expect(await page.getByText("Ce sont tous de nouveaux lieux du registre.").count()).toBe(1);
    expect(await page.getByText("Non importés : 1 ligne refusée, 1 lieu hors du périmètre (voir le détail ligne par ligne).").count()).toBe(1);

    // The link leads to exactly these places, in the territory's list.
    await page.getByRole("link", { name: `Voir les lieux importés (source « e2e-${tag} »)` }).click();
    await page.waitForURL(/\/territoires\/charente\/lieux\?source=/);
    await visit(page, page.url());
    expect((await page.getByRole("status").first().textContent())?.replace(/\s+/g, " ").trim()).toBe(`2 lieux trouvés de la source « e2e-${tag} ».`);
    expect(await page.getByRole("link", { name: `Espace numérique ${tag}` }).count()).toBe(1);
    expect(await page.getByRole("link", { name: `Atelier numérique ${tag}` }).count()).toBe(1);
    expect(await headerCurrent(page)).toEqual(["Territoires"]);
    expect(await breadcrumb(page)).toEqual({ items: ["Accueil", "Territoires", territoryName, "Lieux"], current: "Lieux" });

    // The place's public page and its edit page in the workspace: each breadcrumb names the place.
    await page.getByRole("link", { name: `Atelier numérique ${tag}` }).click();
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    expect(await breadcrumb(page)).toEqual({ items: ["Accueil", "Territoires", territoryName, "Lieux", `Atelier numérique ${tag}`], current: `Atelier numérique ${tag}` });
    const placeId = new URL(page.url()).pathname.split("/").at(-1);
    await visit(page, `${baseUrl}/espace/charente/lieux/${placeId}/modifier`);
    expect(await breadcrumb(page)).toEqual({ items: ["Mes territoires", territoryName, "Lieux", `Atelier numérique ${tag}`], current: `Atelier numérique ${tag}` });

    // The same file again: the places are the territory's already, and the report says so in the same words.
    await visit(page, `${baseUrl}/espace/charente/lieux`);
    await checkFile(page, filename, placesFile(tag));
    await page.getByRole("button", { name: "Importer 2 lieux" }).click();
    await page.getByText("Import terminé").waitFor();
    expect(await page.getByTestId("import-outcome").textContent()).toBe("2 lieux ajoutés à votre territoire.");
    expect(await page.getByText("Tous étaient déjà connus du registre : 0 mis à jour, 2 inchangés.").count()).toBe(1);
    await context.close();
  });

  it("filters the report's lines without JavaScript", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/lieux`);
    await checkFile(page, `sans-js-${filename}`, placesFile(`${tag}-nojs`));
    await expectAccessible(page);
    expect(await shownIds(page, `${tag}-nojs`)).toHaveLength(4);
    await page.getByRole("link", { name: "Refusées (1)" }).click();
    expect(await shownIds(page, `${tag}-nojs`)).toEqual([`${tag}-nojs-2`]);
    await page.getByRole("link", { name: "Hors du périmètre (1)" }).click();
    expect(await shownIds(page, `${tag}-nojs`)).toEqual([`${tag}-nojs-3`]);
    await context.close();
  });

  it("turns a free-text answer into a finding: the form comes first, prefilled, saying from where; the finding's text comes first in its card", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/questionnaires`);
    const survey = await page.getByRole("link", { name: "Vous et le numérique (démonstration)" }).first().getAttribute("href");
    await visit(page, `${baseUrl}${survey}/resultats`);
    expect(await breadcrumb(page)).toEqual({ items: ["Mes territoires", territoryName, "Questionnaires", "Vous et le numérique (démonstration)", "Résultats"], current: "Résultats" });
    const shortcut = page.getByRole("link", { name: /^En faire un constat/ }).first();
    const answer = (await shortcut.locator("xpath=ancestor::li[1]").locator("blockquote").textContent())?.trim() ?? "";
    expect(answer.length).toBeGreaterThan(0);
    await shortcut.click();
    await page.waitForURL(/\/espace\/charente\/constats\?origine=answer.*#ajouter$/);
    await expectAccessible(page);

    const notice = page.getByTestId("constat-prerempli");
    expect(await notice.locator(".fr-alert__title").textContent()).toMatch(/^Constat prérempli à partir d'une réponse : Questionnaire « Vous et le numérique \(démonstration\) », Q\d+$/);
    expect(await notice.textContent()).toContain("Le texte de la réponse et sa provenance sont repris dans le formulaire ci-dessous.");
    const text = page.locator('textarea[name="text"]');
    expect((await text.inputValue()).trim()).toBe(answer);
    // The form is on top of the page, above the findings already recorded.
    const form = page.getByRole("heading", { name: "Ajouter un constat" });
    expect((await form.boundingBox())?.y ?? Infinity).toBeLessThan((await page.getByRole("heading", { name: /^Atouts/ }).boundingBox())?.y ?? 0);

    const mine = `[${tag}] ${answer}`;
    await text.fill(mine);
    await choose(page, "Questionnement");
    await page.getByRole("button", { name: "Ajouter le constat" }).click();
    await page.waitForURL(/\/constats\?ajoute=1$/);
    await expectAccessible(page);
    expect(await breadcrumb(page)).toEqual({ items: ["Mes territoires", territoryName, "Constats"], current: "Constats" });
    const card = page.locator("article", { hasText: `[${tag}]` });
    const textBox = await card.locator("[data-finding-text]").boundingBox();
    const metaBox = await card.locator("[data-finding-meta]").boundingBox();
    expect(textBox?.y ?? Infinity).toBeLessThan(metaBox?.y ?? 0);
    expect(await card.locator("[data-finding-meta]").textContent()).toContain("Réponse à un questionnaire");

    await card.getByRole("link", { name: /Modifier, fusionner ou supprimer/ }).click();
    await page.waitForURL(/\/constats\/[^/?#]+$/);
    await expectAccessible(page);
    const crumbs = await breadcrumb(page);
    expect(crumbs.items.slice(0, 3)).toEqual(["Mes territoires", territoryName, "Constats"]);
    expect(crumbs.current?.startsWith(`[${tag}]`)).toBe(true);
    await context.close();
  });
});
