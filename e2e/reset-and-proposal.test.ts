import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { choose, demo, expectAccessible, launch, signedIn, visit } from "./browser";
import { signUpAndConfirm } from "./accounts";

/*
 * Two journeys no other file takes: a forgotten password (the mail is written to DATA_DIR/mail when no
 * SMTP relay is set), and a proposal's own page, where a coordinator corrects a proposed place before
 * accepting it. Without JavaScript; every page and error state checked by axe.
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
const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const submit = (page: Page, button: ReturnType<Page["getByRole"]>) => Promise.all([page.waitForEvent("load"), button.click()]);

/** The newest mail written for this address (mailer.ts: DATA_DIR/mail/<stamp>-<address>.txt). */
function lastMailTo(address: string): string {
  const dir = path.join(dataDir, "mail");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(`-${address}.txt`)).sort() : [];
  const last = files.at(-1);
  return last ? fs.readFileSync(path.join(dir, last), "utf8") : "";
}

describe("a forgotten password", () => {
  it("a person asks for a link, reads it in the mail, chooses a new password (a mismatch first) and signs in with it", async () => {
    const email = `oubli-${unique}@exemple.test`;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/inscription`);
    await signUpAndConfirm(page, dataDir, { name: "Camille Oubli", email, password: "ancien-mot-de-passe-16" });
    await page.waitForURL((u) => !u.pathname.startsWith("/inscription") && !u.pathname.includes("verify-email"));
    await context.clearCookies();

    await visit(page, `${baseUrl}/connexion`);
    await page.getByRole("link", { name: /Mot de passe oublié/ }).click();
    await page.waitForURL(/\/mot-de-passe-oublie$/);
    await expectAccessible(page, { url: "/mot-de-passe-oublie" });
    expect(lastMailTo(email)).not.toContain("reinitialiser-mot-de-passe");
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await page.getByText("Si un compte existe avec cette adresse, un courriel vient de lui être envoyé").waitFor();
    await expectAccessible(page);

    const mail = lastMailTo(email);
    expect(mail).toContain(`To: ${email}`);
    const link = /https?:\/\/\S+\/reinitialiser-mot-de-passe\?\S+/.exec(mail)?.[0] ?? "";
    expect(link).not.toBe("");
    const resetPath = new URL(link).pathname + new URL(link).search;
    await visit(page, `${baseUrl}${resetPath}`);
    await field(page, "password").fill("nouveau-mot-de-passe-16");
    await field(page, "passwordConfirm").fill("autre-chose-que-lui-16");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect.poll(() => page.locator(".fr-error-text, .fr-alert--error").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await field(page, "password").fill("nouveau-mot-de-passe-16");
    await field(page, "passwordConfirm").fill("nouveau-mot-de-passe-16");
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await page.waitForURL(/\/connexion\?motdepasse=modifie$/);
    await expectAccessible(page);

    // The old password no longer opens the account; the new one does.
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill("ancien-mot-de-passe-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.locator(".fr-error-text, .fr-alert--error").count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe("/connexion");
    await page.getByLabel("Mot de passe").fill("nouveau-mot-de-passe-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((u) => u.pathname !== "/connexion");
    await visit(page, `${baseUrl}/espace`);
    // Signing out ends the session: the workspace asks to sign in again.
    await submit(page, page.getByRole("button", { name: "Se déconnecter" }));
    await visit(page, `${baseUrl}/espace`, 200, { landsOn: `/connexion?next=${encodeURIComponent("/espace")}` });
    await context.close();
  });
});

describe("a proposal's page", () => {
  it("a coordinator corrects a proposed place on its page, then accepts it: the corrected place is public", async () => {
    const proposed = `Lieu proposé e2e ${unique}`;
    const corrected = `Lieu corrigé e2e ${unique}`;
    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const v = await visitor.newPage();
    await visit(v, `${baseUrl}/territoires/charente/lieux/proposer`);
    await field(v, "nom").fill(proposed);
    await field(v, "adresse").fill("1 place du Minage");
    await field(v, "code_postal").fill("16000");
    await field(v, "commune").fill("Angoulême");
    await choose(v, "Aide aux démarches administratives");
    await field(v, "contact_email").fill("proposition-e2e@exemple.test");
    await v.getByRole("button", { name: "Envoyer la proposition" }).click();
    await v.waitForURL(/\/lieux\/proposer\?envoye=1$/);
    await visitor.close();

    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/propositions`);
    const item = page.getByRole("region", { name: `Nouveau lieu : ${proposed}` });
    await item.getByRole("link", { name: "Modifier puis accepter" }).click();
    await page.waitForURL(/\/espace\/charente\/propositions\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    expect(await page.getByRole("heading", { name: `Nouveau lieu : ${proposed}` }).count()).toBe(1);
    expect(await field(page, "nom").inputValue()).toBe(proposed);
    await field(page, "nom").fill(corrected);
    await page.getByRole("button", { name: "Enregistrer et accepter" }).click();
    await page.waitForURL((u) => !/\/propositions\/[0-9a-f-]{36}$/.test(u.pathname) || u.search.length > 0);
    await expectAccessible(page);

    const list = await fetch(`${baseUrl}/territoires/charente/lieux?q=${encodeURIComponent(corrected)}`).then((r) => r.text());
    expect(list).toContain(corrected);
    expect(list).not.toContain(proposed);
    await context.close();
  });
});
