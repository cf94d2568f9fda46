import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createFinding } from "@/modules/findings";
import { toggleVote, updateFinding } from "@/modules/findings/commands";
import { createObjective, updateObjective } from "@/modules/strategy/commands";
import { addIndicator, createAction, createVersion, deleteAction, setActionStatus, updateAction } from "@/modules/plan/commands";
import { planActions } from "@/modules/plan";
import { createIndicator } from "@/modules/indicators";
import { loadCoverage } from "./load";
import { coverageMarkup } from "./coverage-view";

// The coverage matrix is kept per version's view (content revision) and per the rest of what it shows (load.ts),
// its long parts as markup (coverage-view.tsx): each kind of write that changes the page must show at the next view.

let database: Database;
let territory: Territory;
let coordinator: Principal;
let voter: Principal;
const SLUG = "angouleme-couverture-cache";

function got<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}

/** What the page shows: the totals, the list of actions without indicator and the full table (kept markup). */
async function page() {
  const doc = await loadCoverage(database.db, territory.id);
  const markup = coverageMarkup(SLUG, doc);
  return { doc, totals: doc.totals, actions: markup.actions.__html, table: markup.table.__html };
}
const revisionOf = async (id: string) => got((await database.db.select({ r: planActions.revision }).from(planActions).where(eq(planActions.id, id)))[0]).r;
const actionInput = (title: string, objectiveIds: string[]) => ({ title, description: "", objectiveIds, publics: [], themes: [], communes: [], status: "planifiee", recurring: false, startMonth: "2026-01", endMonth: "2026-06" });

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: SLUG, name: "Angoulême" });
  const u = await createUser(database.db);
  await addMember(database.db, territory.id, u.id, "coordinator");
  coordinator = await principalOf(database.db, u.id);
  const v = await createUser(database.db);
  await addMember(database.db, territory.id, v.id, "coordinator");
  voter = await principalOf(database.db, v.id);
});
afterAll(async () => {
  await database?.close();
});

describe("the kept coverage matrix follows every kind of write that changes it", () => {
  it("findings, votes, objectives and their findings, plan actions, their objectives and indicators, evaluation indicators", async () => {
    const seniors = (await createFinding(database.db, coordinator, territory, { kind: "question", text: "Les seniors n'ont personne pour les aider.", themes: [], communes: [] })).id;
    const objective = (await createObjective(database.db, coordinator, territory, { title: "Des permanences", horizon: "court", findings: [seniors] })).id;
    await createVersion(database.db, coordinator, territory, { title: "Plan 2026" });
    const { id: confolens } = await createAction(database.db, coordinator, territory, actionInput("Permanence à Confolens", [objective]));
    let p = await page();
    expect(p.totals).toEqual({ questions: 1, questionsCovered: 1, objectives: 1, objectivesWithAction: 1, actions: 1, actionsWithIndicator: 0 });
    expect(p.actions).toBe(`<li><a href="/espace/${SLUG}/plan/actions/${confolens}">Permanence à Confolens</a></li>`);
    expect(p.table).toContain("<td>1</td><th scope=\"row\">Les seniors n&#x27;ont personne pour les aider.<br><span class=\"fr-text--xs\">0 soutien</span></th><td>Des permanences</td><td>Permanence à Confolens</td><td>—</td><td><span aria-hidden=\"true\">◑ </span>des actions, sans indicateur</td>");
    // Kept: the same document and markup while nothing is written.
    expect((await page()).doc).toBe(p.doc);

    // A finding (findings module): a new question, its text edited, a vote that ranks it first.
    const parents = (await createFinding(database.db, coordinator, territory, { kind: "question", text: "Les parents et l'ENT.", themes: [], communes: [] })).id;
    p = await page();
    expect(p.totals).toMatchObject({ questions: 2, questionsCovered: 1 });
    // Equal support: the newest first (the findings module's ranking).
    expect(p.table).toContain("<td>1</td><th scope=\"row\">Les parents et l&#x27;ENT.<br>");
    expect(p.table).toContain("<td>2</td><th scope=\"row\">Les seniors n&#x27;ont personne");
    await updateFinding(database.db, coordinator, territory, parents, { kind: "question", text: "Les parents et l'espace numérique de travail.", themes: [], communes: [] });
    expect((await page()).table).toContain("<td>1</td><th scope=\"row\">Les parents et l&#x27;espace numérique de travail.<br>");
    await toggleVote(database.db, voter, territory, seniors);
    p = await page();
    expect(p.table).toContain("<td>1</td><th scope=\"row\">Les seniors n&#x27;ont personne pour les aider.<br><span class=\"fr-text--xs\">1 soutien</span>");
    expect(p.table).toContain("<td>2</td><th scope=\"row\">Les parents et l&#x27;espace numérique de travail.<br><span class=\"fr-text--xs\">0 soutien</span></th><td>—</td>");

    // The strategy: an objective now answers the parents' question, then renamed.
    await updateObjective(database.db, coordinator, territory, objective, { title: "Des permanences", horizon: "court", findings: [seniors, parents] });
    p = await page();
    expect(p.totals).toMatchObject({ questionsCovered: 2 });
    expect(p.table).toContain("travail.<br><span class=\"fr-text--xs\">0 soutien</span></th><td>Des permanences</td><td>Permanence à Confolens</td>");
    await updateObjective(database.db, coordinator, territory, objective, { title: "Des permanences itinérantes", horizon: "court", findings: [seniors, parents] });
    expect((await page()).table).toContain("<td>Des permanences itinérantes</td>");

    // The plan: an action added, renamed, given an indicator, abandoned, deleted.
    const { id: ruffec } = await createAction(database.db, coordinator, territory, actionInput("Permanence à Ruffec", [objective]));
    p = await page();
    expect(p.actions).toBe(`<li><a href="/espace/${SLUG}/plan/actions/${confolens}">Permanence à Confolens</a></li><li><a href="/espace/${SLUG}/plan/actions/${ruffec}">Permanence à Ruffec</a></li>`);
    expect(p.table).toContain("<td>Permanence à Confolens ; Permanence à Ruffec</td>");
    await updateAction(database.db, coordinator, territory, ruffec, { ...actionInput("Permanence à Ruffec et Civray", [objective]), revision: await revisionOf(ruffec) });
    expect((await page()).table).toContain("<td>Permanence à Confolens ; Permanence à Ruffec et Civray</td>");
    await addIndicator(database.db, coordinator, territory, confolens, { label: "Personnes accompagnées" });
    p = await page();
    expect(p.totals).toMatchObject({ actionsWithIndicator: 1 });
    expect(p.actions).toBe(`<li><a href="/espace/${SLUG}/plan/actions/${ruffec}">Permanence à Ruffec et Civray</a></li>`);
    expect(p.table).toContain("<td>Personnes accompagnées</td><td><span aria-hidden=\"true\">● </span>des actions suivies par un indicateur</td>");
    await setActionStatus(database.db, coordinator, territory, ruffec, { status: "abandonnee" });
    p = await page();
    expect(p.totals).toMatchObject({ actions: 1, actionsWithIndicator: 1 });
    expect(p.actions).toBe("");
    expect(p.table).not.toContain("Ruffec");

    // The evaluation (indicators module): an indicator on an action's lineage measures it.
    const { id: cognac } = await createAction(database.db, coordinator, territory, actionInput("Atelier à Cognac", [objective]));
    expect((await page()).actions).toContain(">Atelier à Cognac</a></li>");
    const lineage = got((await database.db.select({ l: planActions.lineageId }).from(planActions).where(eq(planActions.id, cognac)))[0]).l;
    await createIndicator(database.db, coordinator, territory, { name: "Ateliers tenus", unit: "nombre", direction: "hausse", periodicity: "annuelle", startsOn: "2026-01-01", endsOn: "2026-12-31", source: "manuel", actionLineageId: lineage });
    p = await page();
    expect(p.actions).toBe("");
    expect(p.table).toContain("<td>Personnes accompagnées ; Ateliers tenus</td>");

    await deleteAction(database.db, coordinator, territory, cognac);
    p = await page();
    expect(p.table).toContain("<td>Permanence à Confolens</td><td>Personnes accompagnées</td>");
    expect(p.totals).toMatchObject({ actions: 1 });
  });
});
