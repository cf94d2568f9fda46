import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { seedEmptyPlan } from "@/testing/plan-fixture";
import type { Territory } from "@/modules/territories/queries";
import { updateAxis } from "@/modules/strategy/commands";
import { addStep, createAction, deleteAction, moveAction, setActionStatus, setStepDone, updateAction } from "./commands";
import { loadPlanVersionView, planReachOf } from "./document";
import { pageOf } from "./paging";
import { timelineOf, versionYears } from "./timeline";
import { planActions } from "./schema";
import { timelineGridHtml, timelineTableHtml } from "./ui/timeline-html";
import { reachTables } from "./ui/reach-view";

// The timeline's and the map's long parts are markup kept with the version's view (ADR 031): what a person
// just saved must show on the next page. Each page is built here as its route builds it.

let database: Database;
let territory: Territory;
let coordinator: Principal;
let axis: string;
let actor: string;

function got<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}

const BASE = "/espace/angouleme-markup/plan/actions";
/** The calendar page's two kept parts, page 1, all the version's years (2026 only here). */
async function calendar(): Promise<{ grid: string; table: string }> {
  const { view } = got(await loadPlanVersionView(database.db, territory.id));
  const timeline = timelineOf(pageOf(view.actions, 1).items, versionYears(view.version));
  return { grid: timelineGridHtml(timeline, BASE).__html, table: timelineTableHtml(timeline, view.axes).__html };
}
/** The map page's table of communes reached. */
async function reached(): Promise<string> {
  const { view } = got(await loadPlanVersionView(database.db, territory.id));
  return reachTables(await planReachOf(database.db, territory.id, view)).reached.__html;
}
const rowOf = (grid: string, id: string) => got(grid.split("<tr>").find((r) => r.includes(`${BASE}/${id}"`)));
const running = (row: string) => row.split('class="maillage-cell maillage-on"').length - 1;
const actionInput = (title: string, startMonth: string, endMonth: string) => ({ title, description: "", axisId: axis, objectiveIds: [], leadActorId: actor, publics: [], themes: [], communes: ["16015"], status: "planifiee", recurring: false, startMonth, endMonth });
const revisionOf = async (id: string) => got((await database.db.select({ r: planActions.revision }).from(planActions).where(eq(planActions.id, id)))[0]).r;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ territory, coordinator, axis, actor } = await seedEmptyPlan(database.db, "angouleme-markup"));
});
afterAll(async () => {
  await database?.close();
});

describe("the timeline's kept markup follows every write that changes it", () => {
  it("an action created, renamed, moved in time, its steps, its status, its order, an axis renamed, an action deleted", async () => {
    const { id } = await createAction(database.db, coordinator, territory, actionInput("Permanences", "2026-01", "2026-06"));
    let page = await calendar();
    expect(page.grid).toContain(`<a href="${BASE}/${id}">Permanences</a><span class="fr-sr-only"> (Planifiée, de janvier 2026 à juin 2026)</span>`);
    expect(running(rowOf(page.grid, id))).toBe(6);
    expect(page.table).toContain("<th scope=\"row\">Permanences</th><td>Proximité</td><td>Planifiée</td><td>de janvier 2026 à juin 2026</td><td>aucune</td>");
    // Kept: the very same markup while nothing is written.
    expect((await calendar()).grid).toBe(page.grid);

    await updateAction(database.db, coordinator, territory, id, { ...actionInput("Permanences mobiles", "2026-03", "2026-10"), revision: await revisionOf(id) });
    page = await calendar();
    expect(page.grid).toContain(`>Permanences mobiles</a><span class="fr-sr-only"> (Planifiée, de mars 2026 à octobre 2026)</span>`);
    expect(page.grid).not.toContain(">Permanences</a>");
    expect(running(rowOf(page.grid, id))).toBe(8);

    const step = await addStep(database.db, coordinator, territory, id, { title: "Bilan", dueDate: "2026-04-10" });
    page = await calendar();
    expect(page.grid).toContain("<span class=\"fr-sr-only\">en cours ; étape « Bilan » le 10 avril 2026</span><span aria-hidden=\"true\" title=\"Bilan\">◆</span>");
    expect(page.table).toContain("<li>Bilan — 10 avril 2026 (à faire)</li>");
    await setStepDone(database.db, coordinator, territory, id, step.id, true);
    page = await calendar();
    expect(page.grid).toContain("étape « Bilan » le 10 avril 2026, faite</span><span aria-hidden=\"true\" title=\"Bilan\">✓</span>");
    expect(page.table).toContain("<li>Bilan — 10 avril 2026 (faite)</li>");

    await setActionStatus(database.db, coordinator, territory, id, { status: "en_cours" });
    expect((await calendar()).grid).toContain(">Permanences mobiles</a><span class=\"fr-sr-only\"> (En cours, de mars 2026 à octobre 2026)</span>");

    const { id: second } = await createAction(database.db, coordinator, territory, actionInput("Ateliers", "2026-02", "2026-02"));
    page = await calendar();
    expect(page.grid.indexOf(">Permanences mobiles<")).toBeLessThan(page.grid.indexOf(">Ateliers<"));
    await moveAction(database.db, coordinator, territory, second, "up");
    page = await calendar();
    expect(page.grid.indexOf(">Ateliers<")).toBeLessThan(page.grid.indexOf(">Permanences mobiles<"));

    // The axis belongs to the strategy module: its title is in the view's key, not in the plan's revision.
    await updateAxis(database.db, coordinator, territory, axis, { title: "Proximité et accueil", description: "" });
    expect((await calendar()).table).toContain("<th scope=\"row\">Ateliers</th><td>Proximité et accueil</td>");

    await deleteAction(database.db, coordinator, territory, second);
    page = await calendar();
    expect(page.grid).not.toContain(">Ateliers<");
    expect(page.table).not.toContain(">Ateliers<");
  });
});

describe("the map's kept tables follow the plan", () => {
  it("a commune targeted, an action renamed, an action abandoned", async () => {
    const { id } = await createAction(database.db, coordinator, territory, actionInput("Bus numérique", "2026-01", "2026-12"));
    expect(await reached()).toContain("<th scope=\"row\">Angoulême</th><td>6,52 sur 10</td><td>oui</td><td>Permanences mobiles ; Bus numérique</td>");
    await updateAction(database.db, coordinator, territory, id, { ...actionInput("Bus numérique itinérant", "2026-01", "2026-12"), revision: await revisionOf(id) });
    expect(await reached()).toContain("<td>Permanences mobiles ; Bus numérique itinérant</td>");
    await setActionStatus(database.db, coordinator, territory, id, { status: "abandonnee" });
    expect(await reached()).toContain("<td>Permanences mobiles</td>");
  });
});
