import { confirmationLink as sharedConfirmationLink } from "./accounts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { choose, expectAccessible, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const unique = Date.now().toString(36);

const confirmationLink = (email: string) => sharedConfirmationLink(inject("dataDir"), email);

/** Signs up, sees the one answer sign-up gives, then opens the emailed link (which signs in and goes on). */
async function signUp(page: Page, name: string, email: string, password: string) {
  await page.getByLabel("Prénom et nom").fill(name);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: false }).first().fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText(`un courriel vient d'être envoyé à ${email}`).textContent()).resolves.toContain("Ouvrez le lien");
  await expectAccessible(page);
  await page.goto(await confirmationLink(email));
}

async function signIn(page: Page, email: string, password: string, next = "/espace") {
  await visit(page, `${baseUrl}/connexion?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

describe("foundation journey", () => {
  let slug = "";
  let invitationLink = "";

  it("a visitor signs up and opens a territory for an EPCI found by part of its name", async () => {
    const page = await browser.newPage();
    await visit(page, `${baseUrl}/`);
    await visit(page, `${baseUrl}/inscription?next=/espace/nouveau`);
    await signUp(page, "Nadia Coordinatrice", `coordination-${unique}@exemple.test`, "une phrase de passe solide");
    await page.waitForURL(`${baseUrl}/espace/nouveau`);
    await expectAccessible(page);

    await choose(page, "Une intercommunalité (EPCI)");
    await page.getByLabel("Rechercher").fill("grand cogn");
    await page.getByRole("button", { name: "Chercher" }).click();
    await page.waitForURL(/q=grand\+cogn/);
    await expectAccessible(page);
    await choose(page, "CA du Grand Cognac");
    await page.getByLabel("Adresse de la page publique").fill(`grand-cognac-${unique}`);
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.waitForURL(new RegExp(`/espace/grand-cognac-${unique}`));
    slug = `grand-cognac-${unique}`;
    await expectAccessible(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("CA du Grand Cognac");
    await expect(page.getByTestId("role").textContent()).resolves.toBe("Coordination");

    await visit(page, `${baseUrl}/espace/${slug}/membres`);
    await page.getByLabel("Rôle de la personne invitée").selectOption("partner");
    await page.getByLabel("Note (facultatif)").fill("Centre social de Cognac");
    await page.getByRole("button", { name: "Créer le lien d'invitation" }).click();
    invitationLink = await page.getByTestId("invitation-link").inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${baseUrl}/invitation/[A-Za-z0-9_-]{20,}$`));
    // The new invitation is listed at once, without reloading, and its link can be copied.
    expect(await page.getByRole("row").filter({ hasText: "Centre social de Cognac" }).filter({ hasText: "En attente" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Copier le lien" }).count()).toBe(1);
    await expectAccessible(page);

    await visit(page, `${baseUrl}/espace/${slug}/journal`);
    const rows = await page.locator("tbody tr").allTextContents();
    expect(rows.some((r) => r.includes("Invitation") && r.includes("Création"))).toBe(true);
    expect(rows.some((r) => r.includes("Territoire") && r.includes("Création"))).toBe(true);
    // Values in words, not codes: the invitation's role and the territory's status.
    expect(rows.some((r) => r.includes("Invitation") && r.includes("rôle : partenaire") && r.includes("libellé : Centre social de Cognac"))).toBe(true);
    expect(rows.some((r) => r.includes("Territoire") && /statut : (vérifié|en attente)/.test(r))).toBe(true);
    expect(rows.some((r) => /\b(partner|verified|pending)\b/.test(r))).toBe(false);
    await page.close();
  });

  it("the partner signs up through the link and sees the territory with the partner role", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await visit(page, invitationLink);
    expect(await page.getByText("Avec ce rôle, vous décrivez votre structure et ses lieux").count()).toBe(1);
    await page.getByRole("link", { name: "Créer mon compte" }).click();
    await page.waitForURL(/\/inscription/);
    await expectAccessible(page);
    await signUp(page, "Paul Partenaire", `partenaire-${unique}@exemple.test`, "un autre secret bien long");
    await page.waitForURL(invitationLink);
    await page.getByRole("button", { name: "Rejoindre le territoire" }).click();
    await page.waitForURL(new RegExp(`/espace/${slug}`));
    await expectAccessible(page);
    await expect(page.getByTestId("role").textContent()).resolves.toBe("Partenaire");
    // A partner does not administer: no invitation form, no audit log.
    await visit(page, `${baseUrl}/espace/${slug}/membres`);
    expect(await page.getByRole("button", { name: "Créer le lien d'invitation" }).count()).toBe(0);
    await visit(page, `${baseUrl}/espace/${slug}/journal`, 403);
    await context.close();
  });

  it("an observer cannot reach the audit log: French 403 page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "observation@demo.maillage.fr", "demo-observation-16");
    await page.waitForURL(`${baseUrl}/espace`);
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace/charente`);
    await visit(page, `${baseUrl}/espace/charente/journal`, 403);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Accès refusé");
    await visit(page, `${baseUrl}/admin`, 403);
    await context.close();
  });

  it("a platform administrator sees every territory and account", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "admin@demo.maillage.fr", "demo-administration", "/admin");
    await page.waitForURL(`${baseUrl}/admin`);
    await expectAccessible(page);
    expect(await page.getByRole("link", { name: "Charente (démonstration)" }).count()).toBe(1);
    expect(await page.getByRole("cell", { name: "observation@demo.maillage.fr" }).count()).toBe(1);
    // Administrators have coordination rights everywhere, the audit log included.
    await visit(page, `${baseUrl}/espace/charente/journal`);
    await context.close();
  });

  it("the public page of the territory is readable signed out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/${slug}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Grand Cognac");
    expect(await page.locator("#communes tbody tr").count()).toBeGreaterThan(10);
    expect(await page.getByRole("img", { name: /Contour du territoire/ }).count()).toBe(1);
    const svg = await fetch(`${baseUrl}/territoires/${slug}/contour.svg`);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(await svg.text()).toContain("<title>Contour du territoire CA du Grand Cognac</title>");
    await visit(page, `${baseUrl}/territoires`);
    await visit(page, `${baseUrl}/territoires/charente?page=2`);
    // Signed out, the workspace sends to the sign-in page, which is what gets checked.
    await visit(page, `${baseUrl}/espace/${slug}`, 200, { landsOn: `/connexion?next=${encodeURIComponent(`/espace/${slug}`)}` });
    await context.close();
  });

  it("static pages and errors are in French and accessible", async () => {
    const page = await browser.newPage();
    for (const p of ["/accessibilite", "/mentions-legales", "/donnees-personnelles", "/plan-du-site", "/mot-de-passe-oublie"]) await visit(page, `${baseUrl}${p}`);
    // The accessibility statement names who runs the service and how to reach them (from OPERATOR_NAME / OPERATOR_EMAIL).
    await visit(page, `${baseUrl}/accessibilite`);
    await expect(page.locator("main").textContent()).resolves.toMatch(/Éditeur du service : \S.*Contact : \S/s);
    await visit(page, `${baseUrl}/territoires/nexiste-pas`, 404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page non trouvée");
    await expect(page.title()).resolves.toBe("Territoire introuvable — Maillage");
    await visit(page, `${baseUrl}/cette-page-nexiste-pas`, 404);
    await expect(page.title()).resolves.toBe("Page introuvable — Maillage");
    await visit(page, `${baseUrl}/invitation/${"x".repeat(32)}`);
    await expect(page.locator("main").textContent()).resolves.toContain("n'existe pas");
    await page.close();
  });
});
