import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectAccessible, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("bad input over HTTP", () => {
  it("refuses a form post from another site (CSRF) with a French 403", async () => {
    const res = await fetch(`${baseUrl}/connexion`, {
      method: "POST",
      headers: { origin: "https://pirate.example", "content-type": "application/x-www-form-urlencoded" },
      body: "email=coordination%40demo.maillage.fr&password=x",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Requête refusée");
    const noOrigin = await fetch(`${baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(noOrigin.status).toBe(403);
  });

  it("treats a tampered session cookie as signed out", async () => {
    const res = await fetch(`${baseUrl}/espace`, { headers: { cookie: "maillage.session_token=abc.def" }, redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/connexion?next=%2Fespace");
  });

  it("answers a 1 MB name with the field's French message, and creates nothing", async () => {
    const page = await browser.newPage();
    await visit(page, `${baseUrl}/connexion?next=/espace/nouveau`);
    await page.getByLabel("Adresse électronique").fill("coordination@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill("demo-coordination-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${baseUrl}/espace/nouveau`);
    await page.goto(`${baseUrl}/espace/nouveau?kind=commune&q=angouleme`);
    await page.locator("label", { hasText: "Angoulême" }).first().click();
    await page.getByLabel("Nom du territoire").evaluate((el, big) => {
      (el as HTMLInputElement).removeAttribute("maxlength");
      (el as HTMLInputElement).value = big;
    }, "é".repeat(500_000));
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.getByText("Le nom ne doit pas dépasser 120 caractères.").waitFor();
    await expectAccessible(page);
    await visit(page, `${baseUrl}/espace`);
    expect(await page.getByRole("link", { name: /Angoulême/ }).count()).toBe(0);
    await page.close();
  });

  it("an unknown INSEE code in a custom perimeter is named in the message", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/connexion?next=/espace/nouveau%3Fkind%3Dcustom`);
    await page.getByLabel("Adresse électronique").fill("coordination@demo.maillage.fr");
    await page.getByLabel("Mot de passe").fill("demo-coordination-16");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/kind=custom/);
    await page.getByLabel("Communes du bassin de vie").fill("16015 99999");
    await page.getByLabel("Nom du territoire").fill("Bassin avec erreur");
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.getByText("« 99999 » : aucune commune n'a ce code INSEE ni ce code postal.").waitFor();
    // What was typed is kept.
    expect(await page.getByLabel("Nom du territoire").inputValue()).toBe("Bassin avec erreur");
    await expectAccessible(page);
    await page.close();
  });

  it("a second process on the same embedded database gets a clear message; the server keeps serving", async () => {
    const result = spawnSync(process.execPath, ["bin/maillage.mjs", "status"], { env: { ...process.env, DATA_DIR: inject("dataDir"), DATABASE_URL: "" }, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("utilisée par un autre processus");
    expect(result.stderr).toContain(`« `);
    expect((await fetch(`${baseUrl}/territoires/charente`)).status).toBe(200);
  });
});
