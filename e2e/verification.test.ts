import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { demoAdmin } from "./admin";
import { expectAccessible, launch, signedIn, visit } from "./browser";
import { signUpAndConfirm } from "./accounts";

/**
 * Issue 8 §1 in the browser: a fresh account opens a territory over the département 16 (the demo's
 * Charente); the territory waits for verification, a banner says what waits, the shared places stay
 * out of reach; the demo administrator verifies it from the queue of /admin; the banner goes.
 */

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
const slug = `charente-bis-${unique}`;
const name = `Charente bis ${unique}`;
const email = `nouveau-${unique}@exemple.test`;

describe("a territory opened by a fresh account waits for an administrator", () => {
  it("banner and no right over Charente's places until the administrator verifies it from the queue", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    // A place of the demo's Charente, from its public list.
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const placeId = hrefs.map((h) => /\/lieux\/([0-9a-f-]{36})$/.exec(h)?.[1]).find(Boolean);
    expect(placeId).toMatch(/^[0-9a-f-]{36}$/);

    // A fresh account opens a territory over the département 16.
    await visit(page, `${baseUrl}/inscription?next=/espace/nouveau`);
    await signUpAndConfirm(page, inject("dataDir"), { name: "Nouvelle Personne", email, password: "une phrase de passe solide" });
    await visit(page, `${baseUrl}/espace/nouveau?kind=departement&q=charente`);
    await page.locator("label", { hasText: /^Charente(?!-)/ }).first().click();
    await page.getByLabel("Nom du territoire").fill(name);
    await page.getByLabel("Adresse de la page publique").fill(slug);
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.waitForURL(new RegExp(`/espace/${slug}(\\?|$)`));
    await expectAccessible(page);

    // The banner says what waits for verification; the registry's pages and controls are not there.
    const banner = page.getByTestId("verification-banner");
    expect(await banner.textContent()).toContain("Territoire en attente de vérification");
    expect(await banner.textContent()).toContain("modifier les lieux et les structures du périmètre");
    expect(await page.getByRole("link", { name: "Importer des lieux" }).count()).toBe(0);
    await visit(page, `${baseUrl}/espace/${slug}/lieux`, 403);
    await visit(page, `${baseUrl}/espace/${slug}/lieux/${placeId}/modifier`, 403);
    await visit(page, `${baseUrl}/territoires/${slug}/lieux/${placeId}`);
    expect(await page.getByRole("link", { name: "Modifier cette fiche" }).count()).toBe(0);
    // Its own content goes on: the questionnaires page opens.
    await visit(page, `${baseUrl}/espace/${slug}/questionnaires`);
    expect(await page.getByTestId("verification-banner").count()).toBe(1);

    // The administrator's queue: who asked, when, the perimeter; verified in one decision.
    const admin = await signedIn(browser, baseUrl, dataDir, demoAdmin);
    const adminPage = await admin.newPage();
    await visit(adminPage, `${baseUrl}/admin`);
    const card = adminPage.getByTestId("admin-queue").locator(":scope > li", { hasText: name });
    expect(await card.textContent()).toContain(`Nouvelle Personne <${email}>`);
    expect(await card.textContent()).toMatch(/Département 16 : \d[\d\s  ]* communes/);
    await adminPage.getByRole("button", { name: `Enregistrer la décision pour ${name}` }).click();
    await adminPage.waitForURL(/\/admin\?decision=verify/);
    await adminPage.getByText(`Le territoire « ${name} » est vérifié`, { exact: false }).waitFor();
    await expectAccessible(adminPage);
    expect(await adminPage.getByTestId("admin-queue").locator(":scope > li", { hasText: name }).count()).toBe(0);
    await admin.close();

    // Verified: the banner is gone, the registry's pages open.
    await visit(page, `${baseUrl}/espace/${slug}`);
    expect(await page.getByTestId("verification-banner").count()).toBe(0);
    await visit(page, `${baseUrl}/espace/${slug}/lieux`);
    await context.close();
  });
});
