import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { demo, expectAccessible, launch, signedIn, visit } from "./browser";

// Issue 8, section 2: files and query strings that used to give a 500 (or take the server down) get a
// precise French message on the page, and nothing is written.

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  withJs = await signedIn(browser, baseUrl, dataDir, demo.coordination);
  withoutJs = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
});

const MiB = 1024 * 1024;

/** Waits until React has attached its handlers to the file field (its change handler checks the size). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const input = document.querySelector('input[type="file"]');
    return input !== null && Object.keys(input).some((k) => k.startsWith("__reactProps"));
  });
}

async function placesCount(): Promise<number> {
  const res = await fetch(`${baseUrl}/territoires/charente/lieux/export/json`);
  return ((await res.json()) as unknown[]).length;
}

describe("files refused with a French message, nothing written", () => {
  it("a 25 MB file is refused as soon as it is chosen, before it is sent", async () => {
    const page = await withJs.newPage();
    await visit(page, `${baseUrl}/espace/charente/lieux`);
    await hydrated(page);
    await page.getByLabel("Fichier de lieux").setInputFiles({ name: "enorme.csv", mimeType: "text/csv", buffer: Buffer.alloc(25 * MiB, 0x61) });
    await page.getByText("Le fichier « enorme.csv » pèse 25 Mo : la limite est de 20 Mo.", { exact: false }).waitFor();
    // Taken out of the field: a click on the button cannot send it.
    expect(await page.getByLabel("Fichier de lieux").evaluate((el) => (el as HTMLInputElement).files?.length)).toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it("a 13.5 MB CSV reaches the reader whole (it used to be cut at 10 MB: a 500) and gets the row limit's message", async () => {
    const page = await withJs.newPage();
    await visit(page, `${baseUrl}/espace/charente/lieux/colonnes`);
    await hydrated(page);
    const line = `Lieu;1 rue de la République;16000;Angoulême;${"x".repeat(180)}\n`;
    const csv = Buffer.from(`nom;adresse;cp;ville;note\n${line.repeat(Math.ceil((13.5 * MiB) / line.length))}`);
    expect(csv.length).toBeGreaterThan(13.5 * MiB);
    await page.getByLabel("Fichier du producteur").setInputFiles({ name: "grand.csv", mimeType: "text/csv", buffer: csv });
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await page.getByText("Le fichier compte plus de 50\u202f000 lignes : découpez-le en plusieurs fichiers.").first().waitFor({ timeout: 60_000 });
    expect(page.url()).not.toContain("fichier=");
    await expectAccessible(page);
    await page.close();
  });

  it("JSON nested 200,000 deep: the check names the problem instead of « Maximum call stack size exceeded »", async () => {
    const before = await placesCount();
    const page = await withJs.newPage();
    await visit(page, `${baseUrl}/espace/charente/lieux`);
    const n = 200_000;
    await page.getByLabel("Fichier de lieux").setInputFiles({ name: "profond.json", mimeType: "application/json", buffer: Buffer.from(`${"[".repeat(n)}${"]".repeat(n)}`) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    // The report shows it in « Toutes » and keeps the filtered sections (« Refusées »…) hidden until chosen.
    await page.getByText("imbrique des listes ou des objets sur plus de 32 niveaux", { exact: false }).filter({ visible: true }).first().waitFor();
    await expectAccessible(page);
    await page.close();
    expect(await placesCount()).toBe(before);
  });

  it("without JavaScript, a 21 MB file reaches the server, which answers with the same sentence", async () => {
    const page = await withoutJs.newPage();
    await page.goto(`${baseUrl}/espace/charente/lieux/colonnes`);
    await page.getByLabel("Fichier du producteur").setInputFiles({ name: "trop-gros.csv", mimeType: "text/csv", buffer: Buffer.alloc(21 * MiB, 0x62) });
    await page.getByRole("button", { name: "Lire le fichier" }).click();
    await page.getByText("Le fichier « trop-gros.csv » pèse 21 Mo : la limite est de 20 Mo.", { exact: false }).first().waitFor();
    await page.close();
  });

  it("without JavaScript, a 30 MB file gets a French page (413) instead of a bare 500, with a way back", async () => {
    const page = await withoutJs.newPage();
    await page.goto(`${baseUrl}/espace/charente/lieux/colonnes`);
    await page.getByLabel("Fichier du producteur").setInputFiles({ name: "bien-trop-gros.csv", mimeType: "text/csv", buffer: Buffer.alloc(30 * MiB, 0x62) });
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Lire le fichier" }).click()]);
    expect(answer.status()).toBe(413);
    await page.getByRole("heading", { name: "Fichier trop volumineux" }).waitFor();
    await expectAccessible(page, { url: "/espace/charente/lieux/colonnes" });
    await page.getByRole("link", { name: "Revenir à la page précédente" }).click();
    await page.getByLabel("Fichier du producteur").waitFor();
    expect(new URL(page.url()).pathname).toBe("/espace/charente/lieux/colonnes");
    await page.close();
  });
});

describe("query strings never give a 500", () => {
  it("a NUL byte in q, services or theme is ignored: the pages answer 200 with their content", async () => {
    const page = await withJs.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux?q=%00&services=%00&services=Aide%00`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await page.getByText("Une erreur est survenue").count()).toBe(0);
    await visit(page, `${baseUrl}/espace/charente/constats?theme=%00&type=%00&tri=%00`);
    await visit(page, `${baseUrl}/espace/charente/acteurs?q=%00`);
    const map = await fetch(`${baseUrl}/territoires/charente/lieux/carte?q=%00&services=%00`);
    expect(map.status).toBe(200);
    await page.close();
  });

  it("version=99999999999999999999 is no version: the French 404 page, not a database error", async () => {
    const page = await withJs.newPage();
    await visit(page, `${baseUrl}/espace/charente/diagnostic/etat-des-lieux?version=99999999999999999999`, 404);
    await page.getByRole("heading", { name: "Page non trouvée" }).waitFor();
    await page.close();
  });
});

describe("plain forms show their error on the page", () => {
  it("cancelling an invitation that does not exist says so, instead of a 500", async () => {
    const page = await withJs.newPage();
    await visit(page, `${baseUrl}/espace/charente/membres`);
    await page.getByRole("button", { name: "Créer le lien d'invitation" }).click();
    await page.getByTestId("invitation-link").waitFor();
    await page.reload();
    const form = page.locator("form", { has: page.getByRole("button", { name: "Annuler l'invitation" }) }).first();
    // Another tab deleted it meanwhile, or the id was tampered with: an id that matches no invitation.
    await form.locator('input[name="invitation"]').evaluate((el) => ((el as HTMLInputElement).value = "00000000-0000-4000-8000-000000000000"));
    await form.getByRole("button", { name: "Annuler l'invitation" }).click();
    await page.waitForURL(/erreur=not_found/);
    await page.getByRole("alert").getByText("Cette page ou cet élément n'existe pas.").waitFor();
    await expectAccessible(page);
    await page.close();
  });
});
