import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openDatabase, type Database } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { planActions } from "@/modules/plan";
import { territories } from "@/modules/territories";
import { decisions } from "@/modules/meetings";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";
import { ownDemoDatabase, startOwnServer } from "./own-database";

/*
 * The working group journey of issue 12, up to « record a decision linked to a new action »: a coordinator
 * holds a meeting of a group, a member answers and drafts the minutes (with a script that must not survive),
 * the animateur approves them (reopens, approves again), records a decision and creates the action from it,
 * records a finding; the decisions log; the .ics files and the secret subscription feed.
 *
 * The group is created and filled through the group pages. Two structures with known worlds are written in the
 * database while the server runs (so the attendance by world is computable by hand, and the checks can read
 * the decision's action back): the file starts its own server on a throwaway PostgreSQL cluster
 * (e2e/own-database.ts), as two-processes.test.ts does. After the action is created from the decision, the
 * coordinator gives it dates, a budget line and an objective, and finds it on the timeline, in the budget
 * synthesis and in the coverage matrix.
 */

type Server = { baseUrl: string; dataDir: string; stop: () => Promise<void> };
let browser: Browser;
let server: Server;
let database: Database;
let slug = "charente";

/**
 * Two structures of the perimeter with known worlds (the demo's structures are many; these keep the attendance
 * by world computable by hand), written in the database: the actors' own forms are tested elsewhere.
 */
async function createStructures(name: string): Promise<void> {
  const db = database.db;
  const [t] = await db.select({ slug: territories.slug }).from(territories).where(eq(territories.slug, "charente"));
  if (!t) throw new Error("territoire de démonstration introuvable");
  slug = t.slug;
  await db.insert(actors).values([
    { name: `CCAS e2e ${name}`, worlds: ["social"], communeCode: "16015" },
    { name: `Médiathèque e2e ${name}`, worlds: ["numerique", "culture"], communeCode: "16015" },
  ]);
}

/** The coordinator creates the group and adds its members through the group pages, as a person would. */
async function createGroup(page: Page, name: string): Promise<string> {
  await visit(page, `${server.baseUrl}/espace/${slug}/groupes`);
  const create = formOf(page, "Créer le groupe");
  await create.locator('[name="name"]').fill(name);
  await create.locator('[name="purpose"]').fill("Parcours de bout en bout");
  await create.locator("label", { hasText: /^Groupe de travail$/ }).click();
  await create.getByRole("button", { name: "Créer le groupe" }).click();
  await page.waitForURL(/\/groupes\/[0-9a-f-]{36}\?cree=1$/);
  const groupId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const add = async (fill: (form: ReturnType<typeof formOf>) => Promise<void>, who: RegExp) => {
    const form = formOf(page, "Ajouter au groupe");
    await fill(form);
    await form.getByRole("button", { name: "Ajouter au groupe" }).click();
    await page.getByRole("row", { name: who }).waitFor();
  };
  await add(async (form) => {
    await form.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ label: "Camille Martin (démo) (coordination@demo.maillage.fr)" });
    await form.getByLabel("Sa structure (donne ses mondes)").selectOption({ label: `Médiathèque e2e ${name}` });
    await form.locator("label", { hasText: /^Animateur·rice$/ }).click();
  }, /Camille Martin \(démo\)/);
  await add(async (form) => {
    await form.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ label: "Samir Benali (démo) (partenaire@demo.maillage.fr)" });
    await form.getByLabel("Sa structure (donne ses mondes)").selectOption({ label: `CCAS e2e ${name}` });
  }, /Samir Benali \(démo\)/);
  await add(async (form) => {
    await form.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ value: "" });
    await form.getByLabel("Ou son nom, si elle n'a pas de compte").fill("Paul Sans-Compte");
    await form.getByLabel("Son adresse électronique (facultatif)").fill("paul.e2e@exemple.test");
    await form.getByLabel("Sa structure (donne ses mondes)").selectOption({ label: `CCAS e2e ${name}` });
    await form.locator("label", { hasText: /^Invité·e$/ }).click();
  }, /Paul Sans-Compte/);
  await expectAccessible(page);
  return groupId;
}

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

/** The form holding this submit button (pages carry several forms with fields of the same name). */
const formOf = (page: Page, button: string) => page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

/** A day `days` from today, YYYY-MM-DD. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each([
  { label: "phone", viewport: phone },
  { label: "desktop", viewport: desktop },
])("a working group's meeting, from agenda to decision and action, at $viewport.width px", ({ viewport }) => {
  const stamp = `${viewport.width}-${Date.now().toString(36)}`;
  const groupName = `Groupe e2e ${stamp}`;
  const title = `Réunion e2e ${stamp}`;
  let groupId = "";
  let meetingUrl = "";

  it("the coordinator (animatrice of the group) schedules a meeting and notes who came", async () => {
    await createStructures(groupName);
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    groupId = await createGroup(page, groupName);
    const base = `${server.baseUrl}/espace/${slug}`;
    await visit(page, `${base}/groupes/${groupId}/reunions`);
    await page.getByRole("heading", { name: `Réunions du groupe « ${groupName} »` }).waitFor();

    // Bad input first: end before start, nothing lost.
    const form = formOf(page, "Prévoir la réunion");
    await form.locator('[name="title"]').fill(title);
    // Held ten days ago: its minutes, decisions and an overdue follow-up come after it.
    await form.locator('[name="date"]').fill(inDays(-10));
    await form.locator('[name="start"]').fill("14:30");
    await form.locator('[name="end"]').fill("13:00");
    await form.locator('[name="place"]').fill("Salle du conseil, mairie de Ruffec");
    await form.locator('[name="agenda"]').fill("- Tour de table\n- Permanences itinérantes");
    await form.getByRole("button", { name: "Prévoir la réunion" }).click();
    await page.getByText("La fin doit venir après le début.").waitFor();
    expect(await form.locator('[name="title"]').inputValue()).toBe(title);
    await expectAccessible(page);

    await form.locator('[name="end"]').fill("16:00");
    await form.getByRole("button", { name: "Prévoir la réunion" }).click();
    await page.waitForURL(/\/reunions\/[0-9a-f-]{36}\?creee=1$/);
    meetingUrl = page.url().replace(/\?.*$/, "");
    await page.getByRole("heading", { name: title, level: 2 }).waitFor();
    expect(await page.getByText("de 14:30 à 16:00 (heure de Paris)").count()).toBe(1);
    expect(await page.locator("li", { hasText: "Permanences itinérantes" }).count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // The three members are invited; two came.
    const attendance = formOf(page, "Enregistrer les présences");
    await attendance.locator("label", { hasText: "Camille Martin (démo)" }).click();
    await attendance.locator("label", { hasText: "Samir Benali (démo)" }).click();
    await attendance.getByRole("button", { name: "Enregistrer les présences" }).click();
    await page.getByText("Les présences sont enregistrées.").waitFor();
    await page.reload();
    const social = page.locator("tr", { has: page.locator("th", { hasText: /^Social$/ }) });
    // Two came: the médiathèque (numérique, culture) and the CCAS (social) → social 1 of 2.
    expect((await social.locator("td").allInnerTexts()).map((s) => s.replace(/\s+/g, " "))).toEqual(["1", "50 %"]);
    await expectAccessible(page);

    // The meeting as a calendar file, parsed enough to see the event and the link back.
    const ics = await page.request.get(`${meetingUrl}/reunion.ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const text = await ics.text();
    expect(text).toContain("BEGIN:VEVENT");
    expect(text).toContain(`SUMMARY:${title}`);
    expect(text.replace(/\r\n[ \t]/g, "")).toContain(meetingUrl.replace(server.baseUrl, ""));
    const groupIcs = await page.request.get(`${base}/groupes/${groupId}/reunions/calendrier.ics`);
    expect(await groupIcs.text()).toContain(`SUMMARY:${title}`);
    await context.close();
  });

  it("the partner (member) answers, subscribes to the feed, and drafts the minutes with a script that does not survive", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.partner, { viewport });
    const page = await context.newPage();
    await visit(page, meetingUrl);
    await page.getByRole("button", { name: "Je viens", exact: true }).click();
    await page.waitForURL(/\?reponse=oui$/);
    expect(await page.getByTestId("ma-reponse").innerText()).toBe("Vous avez dit que vous venez.");
    await expectAccessible(page);

    // Members may not organise: no meeting form, no attendance form.
    expect(await page.getByRole("button", { name: "Enregistrer les présences" }).count()).toBe(0);

    const minutes = formOf(page, "Rédiger le compte rendu");
    await minutes.locator('[name="minutes"]').fill('## Relevé\n\n- **Permanences** : trois bassins sans aide.\n\n<script>document.title="piraté"</script><img src=x onerror="alert(1)">');
    await minutes.getByRole("button", { name: "Rédiger le compte rendu" }).click();
    await page.waitForURL(/compte-rendu=1/);
    const shown = page.getByTestId("compte-rendu");
    await shown.waitFor();
    expect(await shown.innerText()).toContain("Permanences : trois bassins sans aide.");
    const html = await shown.innerHTML();
    expect(html).not.toMatch(/<script|onerror|<img/);
    expect(await page.title()).not.toBe("piraté");
    expect(await page.getByText("À approuver", { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Approuver le compte rendu" }).count()).toBe(0);
    await expectAccessible(page);

    // The secret feed: created once, shows the meeting, then revoked.
    await visit(page, `${server.baseUrl}/espace/${slug}/groupes/${groupId}/reunions`);
    await page.getByRole("button", { name: "Créer mon adresse d'abonnement" }).click();
    const feedUrl = await page.getByTestId("feed-url").inputValue();
    expect(feedUrl).toMatch(/\/agenda\/[A-Za-z0-9_-]{32}$/);
    await expectAccessible(page);
    const feed = await page.request.get(feedUrl.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    expect(feed.status()).toBe(200);
    const feedText = await feed.text();
    expect(feedText).toContain(`SUMMARY:${title}`);
    expect(feedText).not.toContain("paul.e2e@exemple.test");
    await page.reload();
    await page.getByRole("button", { name: "Supprimer mon adresse d'abonnement" }).click();
    await page.waitForURL(/abonnement=revoque/);
    expect((await page.request.get(feedUrl.replace(/^https?:\/\/[^/]+/, server.baseUrl))).status()).toBe(404);
    await expectAccessible(page);
    await context.close();
  });

  it("the animateur approves the minutes (frozen; reopened and approved again), records a decision, creates the action from it, and a finding", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, meetingUrl);
    await page.getByRole("button", { name: "Approuver le compte rendu" }).click();
    await page.waitForURL(/approuve=1/);
    await page.getByText("Le compte rendu est approuvé : il ne change plus.").waitFor();
    expect(await page.getByRole("button", { name: "Enregistrer le compte rendu" }).count()).toBe(0);
    await page.getByRole("button", { name: "Rouvrir le compte rendu pour le modifier" }).click();
    await page.waitForURL(/rouvert=1/);
    await page.getByRole("button", { name: "Approuver le compte rendu" }).click();
    await page.waitForURL(/approuve=1/);
    await expectAccessible(page);

    // A vote without its counts: a French message, the text kept.
    const decision = formOf(page, "Enregistrer la décision");
    const text = `Ouvrir une permanence itinérante (${stamp})`;
    await decision.locator('[name="text"]').fill(text);
    await decision.locator("label", { hasText: /^Vote$/ }).click();
    await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.getByText("Pour un vote, indiquez les voix pour, contre et les abstentions").waitFor();
    expect(await decision.locator('[name="text"]').inputValue()).toBe(text);
    await decision.locator('[name="votesFor"]').fill("7");
    await decision.locator('[name="votesAgainst"]').fill("1");
    await decision.locator('[name="votesAbstention"]').fill("0");
    await decision.locator('[name="followUpBy"]').fill("Coordination départementale");
    await decision.locator('[name="dueOn"]').fill(inDays(-3));
    await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.waitForURL(/decision=1/);
    const item = page.getByTestId("decision").filter({ hasText: text });
    expect(await item.innerText()).toContain("Vote : 7 pour, 1 contre, 0 abstention");
    await expectAccessible(page);

    await item.getByRole("button", { name: "Créer une action à partir de cette décision" }).click();
    await page.waitForURL(/\?action=[0-9a-f-]{36}/);
    const actionId = new URL(page.url()).searchParams.get("action") ?? "";
    await page.getByText("L'action est créée dans le plan, au statut « idée », liée à la décision").waitFor();
    await expectAccessible(page);
    // The draft action exists, linked back to the decision (the integrator checks timeline, budget and matrix here).
    const [row] = await database.db.select().from(decisions).where(eq(decisions.text, text));
    const [action] = await database.db.select().from(planActions).where(and(eq(planActions.id, actionId), eq(planActions.originId, row?.id ?? "")));
    expect(action).toMatchObject({ title: text, status: "idee", origin: "decision" });
    expect(await page.getByTestId("decision").filter({ hasText: text }).getByRole("link", { name: text }).count()).toBe(1);

    // The coordinator gives the action its months (February to September of the plan's first year), the objective
    // it serves and a budget line; it then shows on the timeline, in the budget synthesis and in the coverage matrix.
    const plan = `${server.baseUrl}/espace/${slug}/plan`;
    const today = new Date();
    const year = today.getMonth() < 6 ? today.getFullYear() : today.getFullYear() + 1; // the demo plan's first year
    await visit(page, `${plan}/actions/${actionId}/modifier`);
    await page.getByLabel(/^Mois de début/).fill(`02/${year}`);
    await page.getByLabel(/^Mois de fin/).fill(`09/${year}`);
    await page.locator("label", { hasText: "Une permanence d'aide aux démarches dans chaque bassin de vie" }).click();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL(/\?modifie=1$/);
    const budgetForm = page.locator("details", { has: page.locator("summary", { hasText: "Ajouter une ligne de budget" }) }).first();
    await budgetForm.locator("summary").first().click();
    await budgetForm.getByLabel("Année").fill(String(year));
    await budgetForm.getByLabel("Poste de dépense").fill("Véhicule et carburant");
    await budgetForm.getByLabel("Montant prévu (€)").fill("12 345");
    await budgetForm.getByRole("button", { name: "Ajouter la ligne" }).click();
    await budgetForm.getByText("La ligne de budget est ajoutée.").waitFor({ state: "attached" });
    await expectAccessible(page);

    await visit(page, `${plan}/calendrier`);
    const timelineRow = page.locator("#calendrier-grille tr", { has: page.getByRole("link", { name: text }) });
    expect(await timelineRow.locator("td", { hasText: "en cours" }).count()).toBe(8);
    await expectAccessible(page);

    await visit(page, `${plan}/budget`);
    const byAction = page.locator("table", { has: page.locator("caption", { hasText: "Synthèse par action" }) });
    const budgetRow = (await byAction.locator("tr", { hasText: text }).innerText()).replace(/\s+/g, " ");
    // Axis column « sans axe », then planned 12 345 €, nothing actual, secured or requested, 12 345 € to find.
    expect(budgetRow).toBe(`${text} sans axe 12 345 € 0 € 0 € 0 € 12 345 € 0 €`);
    await expectAccessible(page);

    await visit(page, `${server.baseUrl}/espace/${slug}/strategie/couverture`);
    const matrix = page.locator("table", { has: page.locator("caption", { hasText: "Questions prioritaires × objectifs × actions × indicateurs" }) });
    // The demo's question from the launch meeting is answered by the permanences objective, now served by this action.
    const matrixRow = (await matrix.locator("tr", { hasText: "Trois bassins de vie n'ont aucune permanence" }).innerText()).replace(/\s+/g, " ");
    expect(matrixRow).toContain(text);
    await expectAccessible(page);
    await visit(page, meetingUrl);

    const finding = formOf(page, "En faire un constat");
    await finding.locator("label", { hasText: /^Questionnement$/ }).click();
    await finding.locator('[name="text"]').fill(`Trois bassins de vie sans aide aux démarches (${stamp})`);
    await finding.getByRole("button", { name: "En faire un constat" }).click();
    await page.waitForURL(/constat=1/);
    await page.locator("#constats li", { hasText: `Trois bassins de vie sans aide aux démarches (${stamp})` }).waitFor();
    await expectAccessible(page);

    // The decisions log: the overdue follow-up, then marked done.
    await visit(page, `${server.baseUrl}/espace/${slug}/decisions?suivi=retard`);
    const logRow = page.locator("tr", { hasText: text });
    expect(await logRow.innerText()).toContain("en retard");
    await logRow.getByRole("button", { name: "Noter le suivi comme fait" }).click();
    await page.waitForURL(/suivi-fait=1/);
    expect(await page.locator("tr", { hasText: text }).innerText()).toContain("fait");
    await expectAccessible(page);
    await context.close();
  });
});
