import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

// Deleting a structure (issue 12, bad input « a deleted actor that leads actions »): refused with the list of
// the actions it leads (links on the page, nothing changed); a structure nothing uses is deleted. At a phone's
// width and a desktop's, axe on every page.
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** An action of the demo plan that has a lead, and that lead's page (read from the action sheet's link). */
async function aLeadingActor(page: Page): Promise<{ action: string; actorUrl: string }> {
  await visit(page, `${baseUrl}/espace/charente/plan`);
  const hrefs = [...new Set(await page.locator('a[href*="/plan/actions/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter((h) => /\/plan\/actions\/[0-9a-f-]{36}$/.test(h))))];
  for (const href of hrefs) {
    await visit(page, `${baseUrl}${href}`);
    const lead = page.locator("dd a[href*='/acteurs/']").first();
    if ((await lead.count()) === 0) continue;
    return { action: (await page.getByRole("heading", { level: 2 }).first().innerText()).trim(), actorUrl: `${baseUrl}${await lead.getAttribute("href")}` };
  }
  throw new Error("aucune action du plan de démonstration n'a de porteur");
}

describe.each([
  { label: "phone", viewport: phone },
  { label: "desktop", viewport: desktop },
])("deleting a structure, at $viewport.width px", ({ viewport }) => {
  const name = `Structure à supprimer ${viewport.width}-${Date.now().toString(36)}`;

  it("a structure that leads actions: the page lists them with links; deleting is refused with the list, nothing changes", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    const { action, actorUrl } = await aLeadingActor(page);
    await visit(page, actorUrl);
    // The delete button names the structure (the heading also carries the follow-up badge, upper-cased by CSS).
    const button = page.locator('section[aria-labelledby="supprimer-titre"]').getByRole("button", { name: /^Supprimer « .+ »$/ });
    const actorName = ((await button.innerText()).match(/^Supprimer « (.+) »$/) ?? [])[1] ?? "";
    expect(actorName).not.toBe("");
    const uses = page.getByTestId("utilisations");
    const link = uses.getByRole("link", { name: new RegExp(`^action du plan « ${action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} » \\(version \\d+\\)$`) });
    expect(await link.count()).toBeGreaterThan(0);
    expect(await link.first().getAttribute("href")).toMatch(/^\/espace\/charente\/plan\/actions\/[0-9a-f-]{36}$/);
    await button.click();
    const refusal = page.getByText(`La structure « ${actorName} » ne peut pas être supprimée : elle est encore utilisée (`).first();
    await refusal.waitFor();
    // The message names the actions (ten at most, then how many more); the page's list names them all.
    expect(await refusal.innerText()).toMatch(/\(action du plan « .+ » \(version \d+\)/);
    await expectAccessible(page);
    // Nothing changed: the structure is still there.
    await visit(page, actorUrl);
    expect(await page.getByRole("heading", { level: 2 }).first().innerText()).toContain(actorName);
    await context.close();
  });

  it("a structure nothing uses is deleted: the list says so and its page is gone", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/acteurs/nouveau`);
    await page.getByLabel("Nom de la structure").fill(name);
    await page.locator("label", { hasText: /^Association/ }).first().click();
    await page.locator("label", { hasText: /^Numérique/ }).first().click();
    await page.getByLabel("Commune d'implantation").fill("16089");
    await page.getByRole("button", { name: "Enregistrer l'acteur" }).click();
    await page.waitForURL(/\/espace\/charente\/acteurs\/[0-9a-f-]{36}\?cree=1$/);
    const actorUrl = page.url().replace(/\?.*$/, "");
    await expectAccessible(page);
    expect(await page.getByText("Rien ne l'utilise : ni action du plan, ni charte, ni groupe, ni lieu, ni accompagnement.").count()).toBe(1);
    await page.getByRole("button", { name: `Supprimer « ${name} »` }).click();
    await page.waitForURL(/\/espace\/charente\/acteurs\?supprimee=/);
    await page.getByText(`La structure « ${name} » est supprimée du registre.`).first().waitFor();
    await expectAccessible(page);
    await visit(page, actorUrl, 404);
    await context.close();
  });
});
