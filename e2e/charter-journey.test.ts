import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { user } from "@/platform/auth/schema";
import { openDatabase, type Database } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { jobRuns } from "@/platform/jobs/schema";
import { memberships, territories } from "@/modules/territories";
import { choose, demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";
import { ownDemoDatabase, startOwnServer } from "./own-database";

/*
 * The charter of commitments (issue 13): the coordinator opens a new version of the demo charter, writes a common
 * part, comments it, adds a structure and removes it, names a signatory's title; the demo partner writes, changes
 * and removes its own commitments (and finds no form on another partner's section); the coordinator submits the
 * version; the partner's named signatory signs it on the consent screen, the coordination records the other
 * structures' paper signatures with their scans (and opens one); the last one makes the version signed, the job
 * queue prints the signed PDF once, anyone checks the downloaded PDF on /verifier-une-signature (by whom, when),
 * and the territory's public page shows the signed charter with the partner's commitment. Its own server on its own
 * copy of the demo database (e2e/own-database.ts, as working-group-journey.test.ts), so that the test can write in the database while it runs.
 */

type Server = { baseUrl: string; dataDir: string; stop: () => Promise<void> };
let browser: Browser;
let server: Server;
let database: Database;

beforeAll(async () => {
  const url = await ownDemoDatabase();
  server = await startOwnServer(url);
  database = await openDatabase({ DATABASE_URL: url, dataDir: server.dataDir });
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await database?.close();
  await server?.stop();
});

/** The form holding this submit button, within `scope` (pages carry several forms with fields of the same name). */
const formOf = (scope: Page | ReturnType<Page["locator"]>, page: Page, button: string) => scope.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The signed PDF's print runs, newest first: what a failure prints, to tell a queue problem from a slow one. */
async function signedPdfRuns() {
  return database.db.select({ state: jobRuns.state, error: jobRuns.error, createdAt: jobRuns.createdAt, startedAt: jobRuns.startedAt, finishedAt: jobRuns.finishedAt }).from(jobRuns).where(eq(jobRuns.queue, "charter-signed-pdf")).orderBy(desc(jobRuns.createdAt)).limit(5);
}

async function landed(page: Page, query: string) {
  await page.waitForURL((u) => u.search.includes(query));
  await expectAccessible(page);
}

/** The demo partner account's structure (it speaks for it: src/demo/actors.ts). */
async function partnerStructure(): Promise<string> {
  const rows: unknown = await database.db.execute(
    sql`select a.name from actor_members m join actors a on a.id = m.actor_id join "user" u on u.id = m.user_id where u.email = 'partenaire@demo.maillage.fr' limit 1`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { name: string }[];
  const name = list[0]?.name;
  if (!name) throw new Error("structure du partenaire de démonstration introuvable");
  return name;
}

describe.each([
  { label: "phone", viewport: phone },
  { label: "desktop", viewport: desktop },
])("the charter of commitments, from a partner's commitment to the public page, at $viewport.width px", ({ viewport }) => {
  const stamp = `${viewport.width}-${Date.now().toString(36)}`;
  const commitment = `Ouvrir une permanence numérique le samedi (e2e ${stamp}).`;
  let number = 0;

  it("a coordinator creates a charter on a territory that has none", async () => {
    const [coordinator] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, demo.coordination[0]));
    const slug = `charte-e2e-${stamp}`;
    const [t] = await database.db.insert(territories).values({ name: `Charte e2e ${stamp}`, slug, kind: "commune", sourceCode: "16015", status: "verified" }).returning({ id: territories.id });
    if (!coordinator || !t) throw new Error("données de départ absentes");
    await database.db.insert(memberships).values({ territoryId: t.id, userId: coordinator.id, role: "coordinator" });
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    // The membership was written behind the server's back: a session already open keeps its roles for a few seconds
    // (the in-process session cache, decision 012), then reads the new one.
    await expect.poll(async () => (await context.request.get(`${server.baseUrl}/espace/${slug}/charte`)).status(), { timeout: 30_000, interval: 500 }).toBe(200);
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/${slug}/charte`);
    const create = formOf(page, page, "Créer la charte");
    await create.getByLabel("Titre").fill(`Charte e2e ${stamp}`);
    await create.getByRole("button", { name: "Créer la charte" }).click();
    await landed(page, "cree=1");
    expect(await page.getByRole("heading", { level: 2, name: `Charte e2e ${stamp}` }).count()).toBe(1);
    await context.close();
  });

  it("the coordinator opens a new version, writes and comments a common part, manages partners", async () => {
    const structure = `Structure e2e ${stamp}`;
    await database.db.insert(actors).values({ name: structure, worlds: ["social"], communeCode: "16015" });
    const partner = await partnerStructure();
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/charte`);
    const open = page.getByRole("button", { name: /^Ouvrir la version \d+$/ });
    number = Number((await open.innerText()).replace(/\D+/g, ""));
    await open.click();
    await landed(page, `nouvelle=${number}`);

    const preamble = page.locator("#partie-preambule");
    await preamble.locator("summary", { hasText: "Modifier" }).click();
    const edit = formOf(preamble, page, "Enregistrer la partie");
    await edit.getByLabel("Texte (Markdown)").fill(`Les signataires s'engagent.\nVersion e2e ${stamp}.`);
    await edit.getByRole("button", { name: "Enregistrer la partie" }).click();
    await landed(page, "partie=preambule");
    expect(await page.locator("#partie-preambule").innerText()).toContain(`Version e2e ${stamp}.`);

    await page.locator("#partie-preambule summary", { hasText: "Commentaires sur" }).click();
    const comment = formOf(page.locator("#partie-preambule"), page, "Commenter");
    await comment.getByLabel("Votre commentaire sur « Préambule »").fill(`Relire avec le comité (${stamp}).`);
    await comment.getByRole("button", { name: "Commenter" }).click();
    await landed(page, "commentaire=1");
    await page.locator("#partie-preambule summary", { hasText: "Commentaires sur" }).click();
    expect(await page.locator("#partie-preambule").innerText()).toContain(`Relire avec le comité (${stamp}).`);

    const add = formOf(page, page, "Ajouter à la charte");
    await add.getByLabel("Structure").selectOption({ label: structure });
    await add.getByRole("button", { name: "Ajouter à la charte" }).click();
    await landed(page, "partenaire=ajoute");
    await page.getByRole("button", { name: `Retirer ${structure} de la charte` }).click();
    await landed(page, "partenaire=retire");
    expect(await page.getByRole("row", { name: new RegExp(structure) }).count()).toBe(0);

    const row = page.getByRole("row", { name: new RegExp(partner.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
    await row.locator("summary").click();
    const signatory = formOf(row, page, "Enregistrer le ou la signataire");
    await signatory.getByLabel("Qualité (directrice, président…)").fill("Responsable de la médiation numérique");
    await signatory.getByRole("button", { name: "Enregistrer le ou la signataire" }).click();
    await landed(page, "partenaire=modifie");
    await context.close();
  });

  it("the partner writes, changes and removes its own commitments, and cannot write another partner's", async () => {
    const partner = await partnerStructure();
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.partner, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/charte`);
    await page.getByRole("link", { name: partner, exact: true }).click();
    await page.waitForURL(/\/charte\/partenaires\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    const here = page.url();

    const add = async (text: string) => {
      const form = formOf(page, page, "Ajouter l'engagement");
      await form.getByRole("textbox", { name: /^L'engagement/ }).fill(text);
      await form.getByLabel("Apport financier, en euros (facultatif)").fill("3 000");
      await form.getByRole("group", { name: "Actions du plan que la structure pilote" }).locator("label").first().click();
      await form.getByRole("button", { name: "Ajouter l'engagement" }).click();
      await landed(page, "engagement=ajoute");
    };
    await add(`Brouillon à retirer (${stamp}).`);
    await add(`${commitment} Première rédaction.`);
    const block = page.locator("#engagements > div", { hasText: `${commitment} Première rédaction.` });
    await block.locator("summary").click();
    const change = formOf(block, page, "Enregistrer l'engagement");
    await change.getByRole("textbox", { name: /^L'engagement/ }).fill(commitment);
    await change.getByRole("button", { name: "Enregistrer l'engagement" }).click();
    await landed(page, "engagement=modifie");
    const draft = page.locator("#engagements > div", { hasText: `Brouillon à retirer (${stamp}).` });
    await draft.getByRole("button", { name: /^Retirer l'engagement \d+$/ }).click();
    await landed(page, "engagement=retire");
    const text = await page.locator("#engagements").innerText();
    expect(text).toContain(commitment);
    expect(text).not.toContain(`Brouillon à retirer (${stamp}).`);

    // Another partner's section: read, no form.
    await visit(page, `${server.baseUrl}/espace/charente/charte`);
    const other = page.locator("#partenaires tbody th a").filter({ hasNotText: partner }).first();
    await other.click();
    await page.waitForURL((u) => u.pathname.includes("/charte/partenaires/") && u.href !== here);
    await expectAccessible(page);
    expect(await page.getByRole("button", { name: "Ajouter l'engagement" }).count()).toBe(0);
    expect(await page.getByText(/^Seules les personnes qui parlent pour .+ sur la plateforme écrivent ses engagements\.$/).count()).toBe(1);
    await context.close();
  });

  it("the coordinator submits the version; the partner's signatory signs it, the coordination records the paper signatures; the signed PDF is printed, verified on the public page, and the territory's page shows the signed charter", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/charte#soumettre`);
    await page.getByRole("button", { name: `Soumettre la version ${number} à signature` }).click();
    await landed(page, "soumise=1");
    expect(await page.getByText(`Version ${number} : soumise à signature`).count()).toBe(1);

    await visit(page, `${server.baseUrl}/espace/charente/charte/versions/${number}`);
    const diff = await page.locator("#differences").innerText();
    expect(diff).toContain(`Ce qui a changé depuis la version ${number - 1}`);
    expect(diff).toContain(`ajouté : « ${commitment} »`);
    const odt = await page.request.get(`${server.baseUrl}/espace/charente/charte/versions/${number}/odt`);
    expect(odt.status()).toBe(200);
    expect(odt.headers()["content-type"]).toBe("application/vnd.oasis.opendocument.text");
    const printed = await page.request.get(`${server.baseUrl}/espace/charente/charte/versions/${number}/impression`);
    expect(await printed.text()).toContain(commitment.replace(/'/g, "’"));
    // The PDF: the print page joins the queue, the person waits, then downloads it; read back by pdftotext.
    const asked = await context.request.get(`${server.baseUrl}/espace/charente/charte/versions/${number}/pdf`, { maxRedirects: 0 });
    expect(asked.status()).toBe(303);
    const waiting = new URL(asked.headers()["location"] ?? "", server.baseUrl).toString();
    expect(waiting).toMatch(new RegExp(`/espace/charente/charte/versions/${number}/pdf/[0-9a-f-]{36}$`));
    await expect.poll(async () => (await (await context.request.get(waiting)).text()).includes("Votre PDF est prêt"), { timeout: 90_000, interval: 500 }).toBe(true);
    const ready = await context.newPage();
    await visit(ready, waiting);
    await ready.close();
    const pdf = await context.request.get(`${waiting}/fichier`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(os.tmpdir(), `charte-${stamp}.pdf`);
    fs.writeFileSync(file, await pdf.body());
    try {
      const pdfText = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      for (const part of ["Table des matières", "Engagements des partenaires", "Signatures", commitment]) expect(pdfText, part).toContain(part);
    } finally {
      fs.rmSync(file, { force: true });
    }

    // Signed through the pages: the demo partner's named signatory signs online on the consent screen; the other
    // structures' signatories are fictitious demo accounts, so the coordination records their paper signatures with
    // the scanned page. The last one makes the version signed and queues the signed PDF.
    const structure = await partnerStructure();
    const partnerContext = await signedIn(browser, server.baseUrl, server.dataDir, demo.partner, { viewport });
    const signer = await partnerContext.newPage();
    await visit(signer, `${server.baseUrl}/espace/charente/charte/versions/${number}/signer`);
    expect((await signer.locator("main").innerText()).replace(/\s+/g, " ")).toContain(commitment.replace(/'/g, "’"));
    await choose(signer, "J'ai lu cette version en entier et je la signe");
    await signer.getByRole("button", { name: `Signer au nom de ${structure}` }).click();
    await signer.waitForURL(new RegExp(`/versions/${number}/signatures\\?signee=1`));
    await expectAccessible(signer);
    const partners = await signer.getByRole("table", { name: `Signataires de la version ${number}` }).locator("tbody tr").count();
    expect(partners).toBeGreaterThan(1);
    expect((await signer.locator("main").innerText()).replace(/\s+/g, " ")).toContain(`1 structure(s) sur ${partners} ont signé.`);
    await partnerContext.close();

    const signatures = `${server.baseUrl}/espace/charente/charte/versions/${number}/signatures`;
    await visit(page, signatures);
    const paper: string[] = [];
    for (let left = partners - 1; left > 0; left--) {
      const select = page.getByLabel("Structure qui a signé sur papier");
      // The prompt first: nothing is chosen in advance, the coordination names the structure.
      const options = (await select.locator("option").allInnerTexts()).map((o) => o.trim());
      expect(options[0]).toBe("— Choisissez la structure —");
      expect(options).toHaveLength(left + 1);
      const name = options[1] ?? "";
      paper.push(name);
      await select.selectOption({ label: name });
      await page.getByLabel("Page signée numérisée", { exact: false }).setInputFiles({ name: "page-signee.png", mimeType: "image/png", buffer: PNG });
      await page.getByRole("button", { name: "Inscrire la signature manuscrite" }).click();
      if (left > 1) await page.getByText(`La signature manuscrite de ${name} est inscrite au journal`, { exact: false }).waitFor();
      else await page.waitForURL((u) => u.pathname.endsWith(`/versions/${number}/signatures`) && u.searchParams.has("manuscrite"));
      await expectAccessible(page);
    }
    // The last paper signature: the page reloaded says the version is signed, and the PDF's print shows below.
    expect((await page.locator("main").innerText()).replace(/\s+/g, " ")).toMatch(/La signature manuscrite est inscrite au journal \(entrée n° \d+\)\. Toutes les structures ont signé : la version est signée\./);
    expect(await page.getByLabel("Structure qui a signé sur papier").count()).toBe(0);

    // A stored scan is shown to the coordination, from the list of signatures.
    await page.getByRole("link", { name: `voir la page numérisée de ${paper[0]}` }).click();
    await page.waitForURL(/\/signatures\/manuscrites\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    expect(await page.getByRole("heading", { level: 2, name: `Signature manuscrite de ${paper[0]}, version ${number}`, exact: true }).count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain("Le fichier conservé est bien celui inscrit au journal");
    const image = await page.request.get(new URL((await page.locator("main figure img").getAttribute("src")) ?? "", server.baseUrl).toString());
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await image.body()).equals(PNG)).toBe(true);

    // The signed PDF is printed once by the job queue; the signatures page offers it when it is stored.
    let href: string | null = null;
    for (let i = 0; i < 120 && !href; i++) {
      await page.goto(signatures);
      href = await page.getByRole("link", { name: /Télécharger le PDF signé/ }).getAttribute("href", { timeout: 500 }).catch(() => null);
      if (!href) await page.waitForTimeout(1000);
    }
    if (!href) throw new Error(`PDF signé absent après 2 minutes ; file d'attente : ${JSON.stringify(await signedPdfRuns())} ; page : ${(await page.locator("main").innerText()).slice(-600)}`);
    expect(href).toBe(`/espace/charente/charte/versions/${number}/signatures/pdf`);
    await expectAccessible(page);
    const signedPdf = await (await page.request.get(`${server.baseUrl}${href}`)).body();
    const signedFile = path.join(os.tmpdir(), `charte-signee-${stamp}.pdf`);
    fs.writeFileSync(signedFile, signedPdf);
    try {
      // The charter's typography prints apostrophes as ’.
      const signedText = execFileSync("pdftotext", ["-layout", signedFile, "-"], { encoding: "utf8" }).replace(/\s+/g, " ").replace(/’/g, "'");
      for (const part of ["Certificat de signature", structure, commitment, ...paper]) expect(signedText, part).toContain(part);
    } finally {
      fs.rmSync(signedFile, { force: true });
    }

    // Anyone checks the downloaded PDF on the public page: recorded, which version, by whom and when.
    const visitor = await browser.newContext({ viewport });
    const check = await visitor.newPage();
    await visit(check, `${server.baseUrl}/verifier-une-signature`);
    await check.getByLabel("Fichier PDF de la charte signée", { exact: false }).setInputFiles({ name: "charte.pdf", mimeType: "application/pdf", buffer: signedPdf });
    await check.getByRole("button", { name: "Vérifier ce PDF" }).click();
    await check.getByRole("heading", { name: "Ce fichier est une version signée enregistrée au journal" }).waitFor();
    await expectAccessible(check);
    const verdict = (await check.locator("main").innerText()).replace(/\s+/g, " ");
    expect(verdict).toContain(`« charte.pdf » est la version ${number} de « Charte départementale pour l'inclusion numérique », territoire Charente (démonstration)`);
    expect(verdict).toMatch(new RegExp(`${literal(structure)} : signée par [^,]+, Responsable de la médiation numérique, en ligne le \\d{1,2} \\S+ \\d{4} à \\d{2}:\\d{2}`));
    for (const name of paper) expect(verdict).toMatch(new RegExp(`${literal(name)} : signée par .+?, à la main le \\d{1,2} \\S+ \\d{4}`));
    await visitor.close();

    await visit(page, `${server.baseUrl}/territoires/charente/charte`);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Charte d'engagements — Charente (démonstration)");
    const body = await page.locator("main").innerText();
    expect(body).toContain(`Version ${number}, signée par les partenaires`);
    expect(body).toContain(commitment.replace(/'/g, "’"));
    expect(body).toContain("Où en sont les engagements");
    await context.close();
  }, 300_000);
});
