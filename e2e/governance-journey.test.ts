import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openDatabase, type Database } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { planActions, planVersions, statusLabels, type ActionStatus } from "@/modules/plan";
import { territories } from "@/modules/territories";
import { charterCommitments, charterPartners, charters, charterVersions } from "@/modules/charter";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";
import { ownDemoDatabase, startOwnServer } from "./own-database";

/*
 * The governance journey of issue 13: the coordinator sets up a body, adds members with their roles (changes one,
 * removes one), edits its rhythm, holds a meeting (the meeting pages speak of an instance), records a decision with
 * a follow-up, changes a plan action's status citing it and finds it in the action's status history, then in the
 * decisions log (filtered by body and state), links it to a charter commitment and marks the follow-up done;
 * publishes a coordination contact and finds it on the public territory page, then removes it. A body that has met
 * cannot be deleted (its delete page lists its meetings); one that never met is deleted from its confirmation page,
 * JavaScript off.
 *
 * Its own server on its own copy of the demo database (e2e/own-database.ts, as working-group-journey.test.ts): the charter's commitment
 * is written in the database (the charter's own pages are another part of the issue) and the action whose status
 * changes is read back from it.
 */

type Server = { baseUrl: string; dataDir: string; stop: () => Promise<void> };
let browser: Browser;
let server: Server;
let database: Database;
const slug = "charente";
const commitmentText = `Ouvrir deux permanences par semaine (e2e ${Date.now().toString(36)})`;

/** A charter with one commitment of a demo structure, written in the database while the server runs. */
async function seedCommitment(): Promise<void> {
  const db = database.db;
  const [t] = await db.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug));
  if (!t) throw new Error("territoire de démonstration introuvable");
  const [actor] = await db.insert(actors).values({ name: "Centre social e2e gouvernance", worlds: ["social"], communeCode: "16015" }).returning({ id: actors.id });
  const [charter] = await db.insert(charters).values({ territoryId: t.id, title: "Charte e2e" }).returning({ id: charters.id });
  if (!actor || !charter) throw new Error("charte non créée");
  const [version] = await db.insert(charterVersions).values({ charterId: charter.id, territoryId: t.id, number: 1 }).returning({ id: charterVersions.id });
  const [partner] = await db.insert(charterPartners).values({ charterId: charter.id, actorId: actor.id }).returning({ id: charterPartners.id });
  if (!version || !partner) throw new Error("version non créée");
  await db.insert(charterCommitments).values({ versionId: version.id, partnerId: partner.id, text: commitmentText });
}

/** An action of the plan's working version (not frozen), read back from the database. */
async function workingAction(): Promise<{ id: string; status: ActionStatus }> {
  const [row] = await database.db
    .select({ id: planActions.id, status: planActions.status })
    .from(planActions)
    .innerJoin(planVersions, eq(planVersions.id, planActions.versionId))
    .innerJoin(territories, eq(territories.id, planActions.territoryId))
    .where(and(eq(territories.slug, slug), isNull(planVersions.frozenAt)))
    .orderBy(asc(planActions.title))
    .limit(1);
  if (!row) throw new Error("aucune action modifiable dans le plan de démonstration");
  return row;
}

beforeAll(async () => {
  const url = await ownDemoDatabase();
  server = await startOwnServer(url);
  database = await openDatabase({ DATABASE_URL: url, dataDir: server.dataDir });
  await seedCommitment();
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await database?.close();
  await server?.stop();
});

/** The form holding this submit button (pages carry several forms with fields of the same name). */
const formOf = (page: Page, button: string) => page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each([
  { label: "phone", viewport: phone },
  { label: "desktop", viewport: desktop },
])("governance at $viewport.width px", ({ viewport }) => {
  const stamp = `${viewport.width}-${Date.now().toString(36)}`;
  const bodyName = `Comité de pilotage e2e ${stamp}`;
  const decisionText = `Relancer les permanences suite au comité (${stamp})`;
  const contactName = `Coordinatrice e2e ${stamp}`;

  it("a body with members and roles, a meeting, a decision cited by an action's status change, the decisions log", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    const base = `${server.baseUrl}/espace/${slug}`;
    await visit(page, `${base}/gouvernance`);
    // The demo's bodies are listed; the working groups are not.
    await page.getByRole("link", { name: "Comité de pilotage de l'inclusion numérique" }).waitFor();
    expect(await page.getByRole("link", { name: "Groupe de travail Inclusion numérique" }).count()).toBe(0);

    // Bad input first: nothing lost.
    const create = formOf(page, "Créer l'instance");
    await create.locator('[name="name"]').fill("C");
    await create.locator('[name="purpose"]').fill("Arbitre la feuille de route.");
    await create.getByRole("button", { name: "Créer l'instance" }).click();
    await page.getByText("Donnez un nom à l'instance (3 caractères au moins).").first().waitFor();
    expect(await create.locator('[name="purpose"]').inputValue()).toBe("Arbitre la feuille de route.");
    await create.locator('[name="name"]').fill(bodyName);
    await create.locator("label", { hasText: /^Tous les mois$/ }).click();
    await create.getByRole("button", { name: "Créer l'instance" }).click();
    await page.waitForURL(/\/gouvernance\/[0-9a-f-]{36}\?cree=1$/);
    const bodyUrl = page.url().replace(/\?.*$/, "");
    const bodyId = bodyUrl.split("/").pop() ?? "";
    await expectAccessible(page);

    const add = async (fill: (form: ReturnType<typeof formOf>) => Promise<void>, who: RegExp) => {
      const form = formOf(page, "Ajouter à l'instance");
      await fill(form);
      await form.getByRole("button", { name: "Ajouter à l'instance" }).click();
      await page.getByRole("row", { name: who }).waitFor();
    };
    await add(async (form) => {
      await form.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ label: "Camille Martin (démo) (coordination@demo.maillage.fr)" });
      await form.locator("label", { hasText: /^Président·e$/ }).click();
    }, /Camille Martin \(démo\)/);
    await add(async (form) => {
      await form.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ label: "Samir Benali (démo) (partenaire@demo.maillage.fr)" });
      await form.locator("label", { hasText: /^Co-porteur$/ }).click();
    }, /Samir Benali \(démo\)/);
    await add(async (form) => {
      await form.getByLabel("Ou son nom, si elle n'a pas de compte").fill("Paul Sans-Compte");
    }, /Paul Sans-Compte/);
    // The role cell (name, structure, role, manage): the select in the last cell lists every role.
    expect(await page.getByRole("row", { name: /Camille Martin/ }).locator("td").nth(1).innerText()).toBe("Président·e");
    // Paul becomes invité·e, then leaves.
    const paul = page.getByRole("row", { name: /Paul Sans-Compte/ });
    await paul.getByLabel("Rôle de Paul Sans-Compte").selectOption("invite");
    await paul.getByRole("button", { name: /Changer le rôle/ }).click();
    await page.waitForURL(/membre=role/);
    expect(await page.getByRole("row", { name: /Paul Sans-Compte/ }).locator("td").nth(1).innerText()).toBe("Invité·e");
    await page.getByRole("row", { name: /Paul Sans-Compte/ }).getByRole("button", { name: /Retirer/ }).click();
    await page.waitForURL(/membre=retire/);
    expect(await page.getByRole("row", { name: /Paul Sans-Compte/ }).count()).toBe(0);
    await expectAccessible(page);

    // The rhythm changes.
    const edit = formOf(page, "Enregistrer l'instance");
    await edit.locator("label", { hasText: /^Tous les trimestres$/ }).click();
    await edit.getByRole("button", { name: "Enregistrer l'instance" }).click();
    await page.waitForURL(/modifie=1/);
    await page.getByText("Rythme : tous les trimestres").waitFor();

    // A meeting: the meetings pages speak of the instance.
    await page.getByRole("link", { name: /Toutes les réunions de l'instance/ }).click();
    await page.getByRole("heading", { name: `Réunions de l'instance « ${bodyName} »` }).waitFor();
    await expectAccessible(page);
    const meeting = formOf(page, "Prévoir la réunion");
    await meeting.locator('[name="title"]').fill(`Comité e2e ${stamp}`);
    await meeting.locator('[name="date"]').fill(inDays(-2));
    await meeting.locator('[name="start"]').fill("10:00");
    await meeting.locator('[name="end"]').fill("12:00");
    await meeting.locator('[name="place"]').fill("Hôtel du Département, Angoulême");
    await meeting.getByRole("button", { name: "Prévoir la réunion" }).click();
    await page.waitForURL(/\/reunions\/[0-9a-f-]{36}\?creee=1$/);
    // The breadcrumb leads back to the body's page under « Gouvernance », and the page says « Instance ».
    expect(await page.locator(`.fr-breadcrumb a[href="/espace/${slug}/gouvernance/${bodyId}"]`).count()).toBe(1);
    expect(await page.locator(`.fr-breadcrumb a[href="/espace/${slug}/gouvernance"]`).count()).toBe(1);
    await page.locator("strong", { hasText: /^Instance :$/ }).waitFor();

    // A decision with a follow-up.
    const decide = formOf(page, "Enregistrer la décision");
    await decide.locator('[name="text"]').fill(decisionText);
    await decide.locator('[name="followUpBy"]').fill("Coordination départementale");
    await decide.locator('[name="dueOn"]').fill(inDays(20));
    await decide.getByRole("button", { name: "Enregistrer la décision" }).click();
    await page.waitForURL(/decision=1/);
    await expectAccessible(page);

    // The action's status changes citing the decision: one write, seen in the action's history.
    const action = await workingAction();
    const to: ActionStatus = action.status === "en_cours" ? "en_pause" : "en_cours";
    await visit(page, `${base}/plan/actions/${action.id}`);
    const cite = formOf(page, "Enregistrer le statut et la décision citée");
    // Bad input: no decision chosen.
    await cite.getByLabel("Nouveau statut").selectOption(to);
    await cite.getByRole("button", { name: "Enregistrer le statut et la décision citée" }).click();
    await page.getByText("Choisissez la décision qui motive ce changement.").first().waitFor();
    const decisionId = await cite.locator("option", { hasText: decisionText }).getAttribute("value");
    await cite.getByLabel("Décision qui motive ce changement").selectOption(decisionId ?? "");
    await cite.getByLabel("Nouveau statut").selectOption(to);
    await cite.getByRole("button", { name: "Enregistrer le statut et la décision citée" }).click();
    await page.waitForURL(/statut-cite=1/);
    const history = page.locator("#historique-statut tr", { hasText: decisionText });
    expect((await history.innerText()).replace(/\s+/g, " ")).toContain(`${statusLabels[action.status]} → ${statusLabels[to]}`);
    await expectAccessible(page);

    // The decisions log, filtered by the body, then by state.
    await visit(page, `${base}/decisions?instance=${bodyId}`);
    const row = page.locator("tr", { hasText: decisionText });
    expect(await row.innerText()).toContain("à suivre");
    expect(await page.locator("tbody tr").count()).toBe(1);
    await page.getByLabel("Suivi", { exact: true }).selectOption("en_retard");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/etat=en_retard/);
    expect(await page.locator("tr", { hasText: decisionText }).count()).toBe(0);
    await expectAccessible(page);
    await visit(page, `${base}/decisions?instance=${bodyId}&etat=a_suivre`);
    // Linked to the charter's commitment.
    const logRow = page.locator("tr", { hasText: decisionText });
    await logRow.getByText("Lier des engagements de la charte").click();
    await logRow.locator("label", { hasText: commitmentText }).click();
    await logRow.getByRole("button", { name: /Enregistrer les engagements/ }).click();
    await page.waitForURL(/engagements=1/);
    expect(await page.locator("tr", { hasText: decisionText }).innerText()).toContain(`Engagement de Centre social e2e gouvernance : ${commitmentText}`);
    await expectAccessible(page);
    // The follow-up is done.
    await page.locator("tr", { hasText: decisionText }).getByRole("button", { name: "Noter le suivi comme fait" }).click();
    await page.waitForURL(/suivi-fait=1/);
    await visit(page, `${base}/decisions?instance=${bodyId}&etat=fait`);
    expect(await page.locator("tr", { hasText: decisionText }).innerText()).toContain("fait");

    // The body has met: its delete page lists the meeting (with its decision) and offers no button.
    await visit(page, `${bodyUrl}/supprimer`);
    await page.getByRole("heading", { name: "Cette instance ne peut pas être supprimée" }).waitFor();
    expect((await page.getByTestId("reunions-de-l-instance").innerText()).replace(/\s+/g, " ")).toContain(`« Comité e2e ${stamp} » du `);
    expect(await page.getByTestId("reunions-de-l-instance").innerText()).toContain("1 décision");
    expect(await page.getByRole("button", { name: /^Supprimer/ }).count()).toBe(0);
    await context.close();
  });

  it("a body that never met is deleted from its confirmation page (no JavaScript needed); the list says so", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    const base = `${server.baseUrl}/espace/${slug}`;
    const name = `Comité technique créé par erreur ${stamp}`;
    await visit(page, `${base}/gouvernance`);
    const create = formOf(page, "Créer l'instance");
    await create.locator('[name="name"]').fill(name);
    await create.locator("label", { hasText: /^Comité technique$/ }).click();
    await create.locator("label", { hasText: /^Tous les mois$/ }).click();
    await create.getByRole("button", { name: "Créer l'instance" }).click();
    await page.waitForURL(/\/gouvernance\/[0-9a-f-]{36}\?cree=1$/);
    await page.getByRole("link", { name: `Supprimer l'instance « ${name} »` }).click();
    await page.waitForURL(/\/supprimer$/);
    await page.getByRole("heading", { name: `Supprimer l'instance « ${name} »` }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Supprimer « ${name} »` }).click();
    await page.waitForURL(/\/gouvernance\?supprimee=/);
    await page.getByText(`L'instance « ${name} » est supprimée, avec sa liste de membres.`).waitFor();
    expect(await page.getByRole("link", { name }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it("the coordination publishes a contact: shown on the public territory page, then removed", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/${slug}/gouvernance`);
    const form = formOf(page, "Publier le contact");
    await form.locator('[name="name"]').fill(contactName);
    await form.locator('[name="role"]').fill("Cheffe de projet inclusion numérique");
    await form.getByRole("button", { name: "Publier le contact" }).click();
    await page.getByText("Indiquez au moins une adresse électronique ou un téléphone à publier.").first().waitFor();
    expect(await form.locator('[name="name"]').inputValue()).toBe(contactName);
    await form.locator('[name="publicEmail"]').fill("coordination-e2e@exemple.test");
    await form.locator('[name="publicPhone"]').fill("05 45 12 34 56");
    await form.getByRole("button", { name: "Publier le contact" }).click();
    await page.waitForURL(/contact=ajoute/);
    await expectAccessible(page);

    const anonymous = await browser.newContext({ viewport });
    const visitor = await anonymous.newPage();
    await visit(visitor, `${server.baseUrl}/territoires/${slug}`);
    const contacts = visitor.locator("#coordination");
    await contacts.getByRole("heading", { name: "Contacter la coordination" }).waitFor();
    const text = (await contacts.innerText()).replace(/\s+/g, " ");
    expect(text).toContain(contactName);
    expect(text).toContain("Cheffe de projet inclusion numérique");
    expect(text).toContain("coordination-e2e@exemple.test");
    expect(text).toContain("05 45 12 34 56");
    // The demo's coordination contact is published too.
    expect(text).toContain("Claire Dupuis (démo)");

    await page.getByRole("button", { name: `Retirer le contact ${contactName}` }).click();
    await page.waitForURL(/contact=retire/);
    await visit(visitor, `${server.baseUrl}/territoires/${slug}`);
    expect(await visitor.locator("#coordination").innerText()).not.toContain(contactName);
    await anonymous.close();
    await context.close();
  });
});
