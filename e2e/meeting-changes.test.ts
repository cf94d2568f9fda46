import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

// A meeting moved, then cancelled (issue 12): the coordination changes the time (bad input said in French, nothing
// lost), the invited members are told by mail through the job queue, then it is cancelled with a reason: kept in
// the group's list as « annulée », its calendar says STATUS:CANCELLED. At a phone's width and a desktop's.
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const formOf = (page: Page, button: string) => page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Mails the server wrote to `to` whose subject has `subject` (no SMTP relay in the suite: DATA_DIR/mail). */
function mailsTo(to: string, subject: string): string[] {
  const dir = path.join(dataDir, "mail");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(`-${to}.txt`))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .filter((m) => m.includes(subject));
}

describe.each([
  { label: "phone", viewport: phone },
  { label: "desktop", viewport: desktop },
])("a meeting moved, then cancelled, at $viewport.width px", ({ viewport }) => {
  const title = `Réunion déplacée ${viewport.width}-${Date.now().toString(36)}`;

  it("the coordination moves it (members told by mail), then cancels it with a reason", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/groupes`);
    await page.getByRole("link", { name: "Groupe de travail Inclusion numérique" }).click();
    await page.waitForURL(/\/groupes\/[0-9a-f-]{36}$/);
    const groupUrl = page.url();
    await visit(page, `${groupUrl}/reunions`);
    const create = formOf(page, "Prévoir la réunion");
    await create.locator('[name="title"]').fill(title);
    await create.locator('[name="date"]').fill(inDays(20));
    await create.locator('[name="start"]').fill("10:00");
    await create.locator('[name="end"]').fill("12:00");
    await create.locator('[name="place"]').fill("Maison des associations, Angoulême");
    await create.getByRole("button", { name: "Prévoir la réunion" }).click();
    await page.waitForURL(/\/reunions\/[0-9a-f-]{36}\?creee=1$/);
    const meetingUrl = page.url().replace(/\?.*$/, "");

    // Moved: the end before the start first, said in French, the place typed kept.
    const edit = formOf(page, "Enregistrer la réunion");
    expect(await edit.locator('[name="start"]').inputValue()).toBe("10:00");
    await edit.locator('[name="start"]').fill("15:00");
    await edit.locator('[name="end"]').fill("14:00");
    await edit.locator('[name="place"]').fill("Médiathèque de Soyaux, salle 2");
    await edit.getByRole("button", { name: "Enregistrer la réunion" }).click();
    await edit.getByText("La fin doit venir après le début.").waitFor();
    expect(await edit.locator('[name="place"]').inputValue()).toBe("Médiathèque de Soyaux, salle 2");
    await expectAccessible(page);
    await edit.locator('[name="end"]').fill("17:00");
    await edit.getByRole("button", { name: "Enregistrer la réunion" }).click();
    await page.waitForURL(/\?modifiee=\d+$/);
    await page.getByText(/La réunion est modifiée\. Les \d+ personnes invitées sont prévenues par courriel/).waitFor();
    expect(await page.getByText("de 15:00 à 17:00 (heure de Paris)").count()).toBe(1);
    await expectAccessible(page);
    // The member with an account in the demo group gets the notice, sent by the job queue.
    await expect.poll(() => mailsTo("partenaire@demo.maillage.fr", `Modifiée : ${title}`).length, { timeout: 60_000, interval: 500 }).toBe(1);
    const notice = mailsTo("partenaire@demo.maillage.fr", `Modifiée : ${title}`)[0] ?? "";
    expect(notice).toContain("Lieu : Maison des associations, Angoulême → Médiathèque de Soyaux, salle 2");
    expect(notice).toContain(meetingUrl.replace(baseUrl, ""));

    // Cancelled: a reason is asked for, then kept and shown; the meeting stays listed, marked « annulée ».
    await page.getByRole("button", { name: "Annuler la réunion", exact: true }).click();
    await page.getByText("Dites pourquoi la réunion est annulée (quelques mots au moins).").first().waitFor();
    await expectAccessible(page);
    await formOf(page, "Annuler la réunion").locator('[name="reason"]').fill("La salle n'est plus disponible ce jour-là.");
    await page.getByRole("button", { name: "Annuler la réunion", exact: true }).click();
    await page.waitForURL(/\?annulee=\d+$/);
    expect(await page.getByTestId("annulation").innerText()).toContain("Raison : La salle n'est plus disponible ce jour-là.");
    expect(await page.getByRole("button", { name: "Enregistrer la réunion" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Je viens" }).count()).toBe(0);
    await expectAccessible(page);
    const ics = (await (await page.request.get(`${meetingUrl}/reunion.ics`)).text()).replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:2");
    await visit(page, `${groupUrl}/reunions`);
    expect(await page.getByRole("row", { name: new RegExp(`${title} annulée`) }).count()).toBe(1);
    await expect.poll(() => mailsTo("partenaire@demo.maillage.fr", `Annulée : ${title}`).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await context.close();
  });
});
