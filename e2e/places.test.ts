import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { choose, expectAccessible, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const countOf = async (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe("places of the demo territory (real Charente open data)", () => {
  it("lists the places, filters them without JavaScript, and shows a place", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    const all = await countOf(await page.getByRole("status").textContent());
    expect(all).toBeGreaterThan(150);

    await page.locator("summary", { hasText: "Services" }).click();
    await choose(page, "Aide aux démarches administratives");
    await page.getByRole("button", { name: "Afficher les lieux" }).click();
    await page.waitForURL(/services=/);
    await visit(page, page.url());
    const filtered = await countOf(await page.getByRole("status").textContent());
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);

    await page.locator("main h2 a").first().click();
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: "Horaires" }).count()).toBe(1);
    expect(await page.getByText("Aide aux démarches administratives").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("exports the territory's places as open data in the national standard", async () => {
    const csv = await (await fetch(`${baseUrl}/territoires/charente/lieux/export/csv`)).text();
    expect(csv.split("\n")[0]).toContain('"id","pivot","nom"');
    const geo = (await (await fetch(`${baseUrl}/territoires/charente/lieux/export/geojson`)).json()) as { type: string; features: unknown[] };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.length).toBeGreaterThan(150);
  });
});

describe("importing places into a territory", () => {
  it("checks the file line by line, then imports it in one go; re-importing changes nothing", async () => {
    const header = '"id","pivot","nom","commune","code_postal","code_insee","adresse","latitude","longitude","date_maj","services","horaires"';
    const rows = [
      '"e2e-lieu-1","00000000000000","Médiathèque de test","Angoulême","16000","16015","1 rue de la Paix","45.648","0.156","2026-11-01","Aide aux démarches administratives","Mo-Fr 09:00-12:00"',
      '"e2e-lieu-2","00000000000000","","Angoulême","16000","16015","2 rue de la Paix","45.648","0.156","2026-11-01","Aide aux démarches administratives",""',
    ];
    const csv = [header, ...rows].join("\n");
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/connexion?next=/espace/charente/lieux`);
    await page.getByLabel("Adresse électronique").fill("coordination@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill("demo-coordination-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente/lieux`);
    await visit(page, page.url());
    const upload = async () => {
      await page.getByLabel("Fichier de lieux").setInputFiles({ name: "lieux-test.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.getByRole("button", { name: "Vérifier le fichier" }).click();
      await page.getByRole("heading", { name: /Vérification de « lieux-test.csv »/ }).waitFor();
    };
    await upload();
    await expectAccessible(page);
    const summary = await page.getByTestId("import-summary").first().textContent();
    expect(summary).toContain("2 lignes lues dans le fichier");
    expect(summary).toContain("1 ligne refusée");
    expect(await page.getByRole("cell", { name: /nom/ }).count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Importer 1 lieu" }).click();
    await page.getByText("Import terminé").waitFor();
    expect(await page.getByText("1 lieu ajouté au registre").count()).toBe(1);
    expect(await page.getByTestId("import-outcome").textContent()).toBe("1 lieu ajouté à votre territoire.");
    await expectAccessible(page);

    await page.reload();
    await upload();
    await page.getByRole("button", { name: "Importer 1 lieu" }).click();
    await page.getByText("Import terminé").waitFor();
    expect(await page.getByText("1 lieu déjà connu inchangé").count()).toBe(1);
    expect(await page.getByTestId("import-outcome").textContent()).toBe("1 lieu ajouté à votre territoire.");

    await visit(page, `${baseUrl}/territoires/charente/lieux?q=${encodeURIComponent("Médiathèque de test")}`);
    expect(await page.getByRole("link", { name: "Médiathèque de test" }).count()).toBe(1);

    // Duplicates: the real data lists some structures twice; the coordinator merges one pair.
    await visit(page, `${baseUrl}/espace/charente/doublons`);
    const before = await page.locator("tbody tr").count();
    expect(before).toBeGreaterThan(0); // e.g. « DEPARTEMENT DE LA CHARENTE » is published twice
    await page.getByRole("button", { name: /^Fusionner dans la fiche A/ }).first().click();
    await page.getByRole("status").filter({ hasText: "Les deux fiches sont fusionnées" }).waitFor();
    await expectAccessible(page, { url: /\/espace\/charente\/doublons\?fusion=[0-9a-f-]{36}$/ });
    expect(new URL(page.url()).pathname).toBe("/espace/charente/doublons");
    await visit(page, `${baseUrl}/espace/charente/doublons`);
    expect(await page.locator("tbody tr").count()).toBeLessThan(before);
    await context.close();
  });
});

describe("the map of places", () => {
  it("draws the places on our own base layer and agrees with the list", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/territoires/charente/lieux?services=${encodeURIComponent("Aide aux démarches administratives")}`);
    await page.locator(".maplibregl-canvas").waitFor({ timeout: 20_000 });
    await expectAccessible(page);
    const listed = await countOf(await page.getByRole("status").first().textContent());
    const points = (await (await fetch(`${baseUrl}/territoires/charente/lieux/carte?services=${encodeURIComponent("Aide aux démarches administratives")}`)).json()) as { features: unknown[] };
    // Places without coordinates are in the list only.
    expect(points.features.length).toBeGreaterThan(0);
    expect(points.features.length).toBeLessThanOrEqual(listed);
    const base = (await (await fetch(`${baseUrl}/territoires/charente/fond`)).json()) as { features: { properties: { inside: boolean } }[] };
    expect(base.features.filter((f) => f.properties.inside)).toHaveLength(359);
    await page.close();
  });
});
