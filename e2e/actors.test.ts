import fs from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectAccessible, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const unique = Date.now().toString(36);
const name = `Fédération e2e ${unique}`;

/** A SIRET that passes the Luhn check, different on every run (the registry refuses the same SIRET twice). */
function validSiret(): string {
  const body = `9${String(Date.now()).slice(-12)}`;
  for (let key = 0; key < 10; key++) {
    const candidate = `${body}${key}`;
    const sum = [...candidate].reverse().reduce((s, c, i) => {
      const d = Number(c) * (i % 2 === 1 ? 2 : 1);
      return s + (d > 9 ? d - 9 : d);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable: one key in ten always fits");
}

async function signIn(page: Page, email: string, password: string, next: string) {
  await visit(page, `${baseUrl}/connexion?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(`${baseUrl}${next}`);
}

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;
const sessions = new Map<string, Session>();

/** A browser context signed in as this account; each account signs in once (sign-ins are rate-limited per account). */
async function contextAs(email: string, password: string, options: { javaScriptEnabled?: boolean; acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  let session = sessions.get(email);
  if (!session) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), email, password, "/espace");
    session = await context.storageState();
    sessions.set(email, session);
    await context.close();
  }
  return browser.newContext({ ...options, storageState: session });
}

const coordination = ["coordination@demo.maillage.fr", "demo-coordination-16"] as const;
const partner = ["partenaire@demo.maillage.fr", "demo-partenaire-16"] as const;

/** Ticks a DSFR checkbox or radio by its exact label (the input itself is drawn by the label). */
async function tick(page: Page, label: string) {
  await page.locator("label", { hasText: new RegExp(`^${label}`) }).first().click();
}

describe("actors of the demo territory", () => {
  it("a coordinator adds an actor, is told about a bad SIRET, fixes it, finds it, filters, and exports XLSX", async () => {
    const context = await contextAs(...coordination, { acceptDownloads: true });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/acteurs`);

    await page.getByRole("link", { name: "Ajouter un acteur" }).click();
    await page.waitForURL(`${baseUrl}/espace/charente/acteurs/nouveau`);
    await visit(page, page.url());
    await page.getByLabel("Nom de la structure").fill(name);
    await tick(page, "Association");
    await page.getByLabel("SIRET (facultatif)").fill("130 025 265 00014");
    await tick(page, "Numérique");
    await tick(page, "Social");
    await page.getByLabel("Commune d'implantation").fill("16015");
    await page.getByLabel("Courriel public").fill("contact@federation-e2e.test");
    await page.getByRole("button", { name: "Enregistrer l'acteur" }).click();

    await page.getByText("Ce SIRET n'existe pas : sa clé de contrôle est fausse", { exact: false }).waitFor();
    await expectAccessible(page);
    // Nothing typed is lost, the ticked worlds included.
    expect(await page.getByLabel("Nom de la structure").inputValue()).toBe(name);
    expect(await page.getByRole("checkbox", { name: "Numérique" }).isChecked()).toBe(true);

    await page.getByLabel("SIRET (facultatif)").fill(validSiret());
    await page.getByRole("button", { name: "Enregistrer l'acteur" }).click();
    await page.waitForURL(/\/espace\/charente\/acteurs\/[0-9a-f-]{36}\?cree=1$/);
    await expectAccessible(page);
    expect(await page.getByRole("heading", { level: 2, name: new RegExp(name) }).count()).toBe(1);
    expect(await page.getByText("Numérique, Social").count()).toBeGreaterThan(0);

    await visit(page, `${baseUrl}/espace/charente/acteurs?q=${encodeURIComponent(name)}`);
    expect(await page.getByRole("link", { name }).count()).toBe(1);

    await page.getByLabel("Monde", { exact: true }).selectOption("numerique");
    await page.getByRole("button", { name: "Afficher les acteurs" }).click();
    await page.waitForURL(/monde=numerique/);
    await visit(page, page.url());
    expect(await page.getByRole("link", { name }).count()).toBe(1);
    await visit(page, `${baseUrl}/espace/charente/acteurs?monde=sante`);
    expect(await page.getByRole("link", { name }).count()).toBe(0);
    await visit(page, `${baseUrl}/espace/charente/acteurs?q=${encodeURIComponent("federation E2E")}`);
    expect(await page.getByRole("link", { name }).count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX (Excel)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^acteurs-charente-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Acteurs");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Nom");
    const names: unknown[] = [];
    sheet?.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toContain(name);
    await context.close();
  });

  it("a partner reads the list but cannot add an actor; the export needs a member", async () => {
    const context = await contextAs(...partner);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/acteurs?q=${encodeURIComponent(name)}`);
    expect(await page.getByRole("link", { name: "Ajouter un acteur" }).count()).toBe(0);
    await page.getByRole("link", { name }).click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: "Contacts" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Enregistrer les modifications" }).count()).toBe(0);
    await visit(page, `${baseUrl}/espace/charente/acteurs/nouveau`, 403);
    await context.close();

    const anonymous = await fetch(`${baseUrl}/espace/charente/acteurs/export/csv`, { redirect: "manual" });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/connexion?next=");
  });

  it("without JavaScript, the coordinator adds a private contact and names the partner, who then edits the actor", async () => {
    const coordinationContext = await contextAs(...coordination, { javaScriptEnabled: false });
    const page = await coordinationContext.newPage();
    await visit(page, `${baseUrl}/espace/charente/acteurs?q=${encodeURIComponent(name)}`);
    await page.getByRole("link", { name }).click();
    await page.waitForURL(/\/acteurs\/[0-9a-f-]{36}$/);
    const actorUrl = page.url();
    await visit(page, actorUrl);

    await page.getByLabel("Nom du contact").fill("Jeanne Contact");
    await page.getByLabel("Courriel du contact (facultatif)").fill("jeanne.contact@prive.test");
    await page.getByRole("button", { name: "Ajouter le contact" }).click();
    await page.getByRole("cell", { name: "jeanne.contact@prive.test" }).waitFor();
    await expectAccessible(page);

    // The select offers partners and coordinators only: the observer is not among them.
    const who = page.getByLabel("Désigner une personne du territoire");
    expect(await who.locator("option", { hasText: "observation@demo.maillage.fr" }).count()).toBe(0);
    await page.getByRole("button", { name: "Désigner cette personne" }).click();
    await page.getByText("Choisissez la personne parmi les membres du territoire.").waitFor();
    await expectAccessible(page);
    await who.selectOption({ label: "Samir Benali (démo) (partenaire@demo.maillage.fr) — Partenaire" });
    await page.getByRole("button", { name: "Désigner cette personne" }).click();
    await page.getByText("peut désormais modifier cette structure", { exact: false }).waitFor();
    await coordinationContext.close();

    // The private contact is in no export.
    const partnerContext = await contextAs(...partner, { javaScriptEnabled: false });
    const partnerPage = await partnerContext.newPage();
    await visit(partnerPage, actorUrl);
    expect(await partnerPage.getByRole("cell", { name: "jeanne.contact@prive.test" }).count()).toBe(1);
    const csv = await partnerPage.request.get(`${baseUrl}/espace/charente/acteurs/export/csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toContain("jeanne.contact");

    await partnerPage.getByLabel("Site internet").fill("federation-e2e.test");
    await partnerPage.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await partnerPage.getByText("Les modifications sont enregistrées.").waitFor();
    await expectAccessible(partnerPage);
    await visit(partnerPage, actorUrl);
    expect(await partnerPage.getByRole("link", { name: /^https:\/\/federation-e2e\.test/ }).count()).toBe(1);
    // The status is the territory's own follow-up (decision 006): never set, the actor is "à mobiliser".
    expect(await partnerPage.getByRole("heading", { level: 2, name: new RegExp(`${name}.*À mobiliser`) }).count()).toBe(1);
    await partnerContext.close();
  });
});
