import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

/** The confirmation link of the latest mail to `email` (written to DATA_DIR/mail without an SMTP relay). */
export async function confirmationLink(dataDir: string, email: string): Promise<string> {
  const dir = path.join(dataDir, "mail");
  for (let i = 0; i < 50; i++) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(`-${email}.txt`)).sort() : [];
    const last = files.at(-1);
    const link = last ? /(http\S+\/verify-email\?token=\S+)/.exec(fs.readFileSync(path.join(dir, last), "utf8"))?.[1] : undefined;
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`aucun courriel de confirmation pour ${email}`);
}

/**
 * Signs up on the page already open at /inscription, waits for the one answer sign-up gives (a mail was
 * sent), then opens the emailed link, which confirms the address and signs the person in.
 */
export async function signUpAndConfirm(page: Page, dataDir: string, person: { name: string; email: string; password: string }): Promise<void> {
  await page.getByLabel("Prénom et nom").fill(person.name);
  await page.getByLabel("Adresse électronique").fill(person.email);
  await page.getByLabel("Mot de passe", { exact: false }).first().fill(person.password);
  await page.getByLabel("Confirmez le mot de passe").fill(person.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await page.getByText(`un courriel vient d'être envoyé à ${person.email}`).waitFor();
  await page.goto(await confirmationLink(dataDir, person.email));
}
