import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { choose, demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";
import { serverWithSubmittedCharter, SLUG, type SignaturesServer } from "./signatures-seed";

// Seeded by e2e/signatures-seed.ts: version 1 of a charter submitted for signature, three partners — the
// demo partner signs for the centre social, the demo coordination for the mairie, the département signs on paper.
let server: SignaturesServer;
let browser: Browser;
let signedPdf: Buffer | undefined;
beforeAll(async () => {
  server = await serverWithSubmittedCharter();
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const base = () => `${server.baseUrl}/espace/${SLUG}/charte`;
const mainText = async (page: Page) => (await page.locator("main").innerText()).replace(/\s+/g, " ");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe("signing a submitted charter", () => {
  it("at 360 px, without JavaScript, the partner's signatory reads the version; a changed hash is refused and shows the current version; then they sign", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.partner, { viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${base()}/versions/1/signer`);
    expect(await mainText(page)).toContain("Engagement n° 1");
    expect(await mainText(page)).toContain("Je soussigné·e Paule Partenaire, Directrice, agissant au nom de Centre social des Essais");
    // Only their own partner: no form for the mairie.
    expect(await page.getByRole("button", { name: /Signer au nom de/ }).count()).toBe(1);

    // The hash they were shown differs from the stored one (the version changed meanwhile): refused, current version shown.
    await page.locator('input[name="contentSha256"]').evaluate((input: HTMLInputElement) => (input.value = "0".repeat(64)));
    await choose(page, "J'ai lu cette version en entier et je la signe");
    await page.getByRole("button", { name: "Signer au nom de Centre social des Essais" }).click();
    await page.waitForURL(/\/versions\/1\/signer\?changee=1/);
    await expectAccessible(page);
    expect(await mainText(page)).toContain("La charte a changé depuis que vous l'avez ouverte");

    // Without the tick: a French message, nothing signed.
    await page.getByRole("button", { name: "Signer au nom de Centre social des Essais" }).click();
    await page.getByText("Cochez la case pour confirmer", { exact: false }).first().waitFor();
    await expectAccessible(page);

    await choose(page, "J'ai lu cette version en entier et je la signe");
    await page.getByRole("button", { name: "Signer au nom de Centre social des Essais" }).click();
    await page.waitForURL(/\/versions\/1\/signatures\?signee=1/);
    await expectAccessible(page);
    const text = await mainText(page);
    expect(text).toContain("Votre signature est inscrite au journal des signatures.");
    expect(text).toContain("1 structure(s) sur 3 ont signé.");
    await visit(page, `${base()}/journal`);
    expect(await mainText(page)).toContain("La chaîne du journal est vérifiée");
    await context.close();
  });

  it("at 1280 px, the coordinator records the département's handwritten signature with its scan, then signs for the mairie: the version is signed and its PDF printed once", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport: desktop });
    const page = await context.newPage();
    await visit(page, `${base()}/versions/1/signatures`);
    await page.getByLabel("Structure qui a signé sur papier").selectOption({ label: "Département d'Essai" });
    await page.getByLabel("Page signée numérisée", { exact: false }).setInputFiles({ name: "page-signee.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "Inscrire la signature manuscrite" }).click();
    await page.getByText("La signature manuscrite de Département d'Essai est inscrite au journal (entrée n° 2).").waitFor();
    await expectAccessible(page);

    // Its scanned page, from the list: the coordination sees it; the centre social's people do not (another structure).
    await visit(page, `${base()}/versions/1/signatures`);
    await page.getByRole("link", { name: "voir la page numérisée de Département d'Essai" }).click();
    await page.waitForURL(/\/versions\/1\/signatures\/manuscrites\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    const scanPage = page.url();
    const scanText = await mainText(page);
    expect(scanText).toContain("Signataire Dominique Département, Président");
    expect(scanText).toContain("« page-signee.png », image PNG, 1 Ko");
    expect(scanText).toContain("Le fichier conservé est bien celui inscrit au journal : son empreinte est celle de l'entrée n° 2.");
    const scan = await page.request.get(`${scanPage}/fichier`);
    expect(scan.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await scan.body()).equals(PNG)).toBe(true);
    const otherPartner = await signedIn(browser, server.baseUrl, server.dataDir, demo.partner, { viewport: desktop });
    const refused = await otherPartner.newPage();
    await visit(refused, scanPage, 403);
    expect((await otherPartner.request.get(`${scanPage}/fichier`)).status()).toBe(403);
    await otherPartner.close();

    await visit(page, `${base()}/versions/1/signer`);
    await choose(page, "J'ai lu cette version en entier et je la signe");
    await page.getByRole("button", { name: "Signer au nom de Mairie d'Essai" }).click();
    await page.waitForURL(/\/versions\/1\/signatures\?signee=1/);
    expect(await mainText(page)).toContain("Toutes les structures ont signé : la version est signée.");

    // The PDF job prints it once; the page offers it when it is stored.
    let href: string | null = null;
    for (let i = 0; i < 60 && !href; i++) {
      await page.goto(`${base()}/versions/1/signatures`);
      href = await page.getByRole("link", { name: /Télécharger le PDF signé/ }).getAttribute("href", { timeout: 500 }).catch(() => null);
      if (!href) await page.waitForTimeout(1000);
    }
    expect(href).toBe(`/espace/${SLUG}/charte/versions/1/signatures/pdf`);
    await expectAccessible(page);
    const response = await page.request.get(`${server.baseUrl}${href}`);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    signedPdf = await response.body();
    expect(signedPdf.subarray(0, 5).toString()).toBe("%PDF-");

    // Asking again prints nothing more: it is printed once.
    await page.getByRole("button", { name: "Relancer l'impression du PDF signé" }).click();
    await page.waitForURL(/pdf=existe/);
    expect(await mainText(page)).toContain("Le PDF signé est déjà produit : il ne l'est qu'une fois.");

    await visit(page, `${base()}/journal`);
    const journal = await mainText(page);
    expect(journal).toContain("La chaîne du journal est vérifiée");
    expect(journal).toContain("4 entrée(s)");
    expect(journal).toContain("Signature manuscrite");
    expect(journal).toContain("PDF signé");
    await context.close();
  });

  it.each([
    { viewport: phone, javaScriptEnabled: false },
    { viewport: desktop, javaScriptEnabled: true },
  ])("anyone checks a PDF on /verifier-une-signature at $viewport.width px (JavaScript: $javaScriptEnabled)", async ({ viewport, javaScriptEnabled }) => {
    expect(signedPdf).toBeDefined();
    const context = await browser.newContext({ viewport, javaScriptEnabled });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/verifier-une-signature`);
    await page.getByLabel("Fichier PDF de la charte signée", { exact: false }).setInputFiles({ name: "charte.pdf", mimeType: "application/pdf", buffer: signedPdf ?? Buffer.alloc(0) });
    await page.getByRole("button", { name: "Vérifier ce PDF" }).click();
    await page.getByRole("heading", { name: "Ce fichier est une version signée enregistrée au journal" }).waitFor();
    const text = await mainText(page);
    expect(text).toContain("est la version 1 de « Charte de l'inclusion numérique (essai) », territoire Charte signée (essai)");
    expect(text).toContain("Centre social des Essais : signée par Paule Partenaire, Directrice, en ligne le");
    expect(text).toContain("Département d'Essai : signée par Dominique Département, Président, à la main le");
    expect(text).toContain("Mairie d'Essai : signée par Claude Coordination, Maire, en ligne le");
    await expectAccessible(page);

    const altered = Buffer.concat([signedPdf ?? Buffer.alloc(0), Buffer.from("\n% modifié\n")]);
    await page.getByLabel("Fichier PDF de la charte signée", { exact: false }).setInputFiles({ name: "charte-modifiee.pdf", mimeType: "application/pdf", buffer: altered });
    await page.getByRole("button", { name: "Vérifier ce PDF" }).click();
    await page.getByRole("heading", { name: "Ce fichier n'est pas une version signée enregistrée" }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
