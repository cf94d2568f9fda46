import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { actorMembers, actors } from "@/modules/actors/schema";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { fundingSources } from "@/modules/funding";
import {
  addBudgetLine,
  addFunding,
  addInKind,
  addStep,
  createAction,
  createVersion,
  deleteAction,
  deleteStep,
  duplicateAction,
  freezeVersion,
  moveAction,
  publishVersion,
  setActionStatus,
  setPartner,
  setStepDone,
  updateAction,
  updateStep,
} from "./commands";
import { actionsUsingActor, findAction, findActionSheet, listActionCards, planSettingsOf, sheetTotals, versionContent } from "./queries";
import { listPlanVersions } from "./versions";
import { compareVersions } from "./compare";
import { journeyOf } from "./journey";
import { planActions } from "./schema";

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "coordinator2" | "lead" | "partner" | "observer" | "otherCoordinator", Principal>;
let axisA: string;
let axisB: string;
let objective: string;
let foreignObjective: string;
let leadActor: string;
let partnerActor: string;
let farActor: string;
let source: string;
let foreignSource: string;

/** The row a test just wrote (fails loudly instead of reading through undefined). */
function got<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("expected a value");
  return value;
}

async function person(t: Territory, role: "coordinator" | "partner" | "observer"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}

async function actor(name: string, communeCode: string): Promise<string> {
  const [row] = await database.db.insert(actors).values({ name, communeCode, search: name.toLowerCase() }).returning({ id: actors.id });
  if (!row) throw new Error("no actor");
  return row.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Grand Angoulême (EPCI): Angoulême 16015 and Soyaux 16374 are in it, Cognac 16102 is not.
  territory = await createTestTerritory(database.db, { kind: "epci", code: "200071827", slug: "grand-angouleme-plan", name: "Grand Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-plan", name: "Cognac" });
  people.coordinator = await person(territory, "coordinator");
  people.coordinator2 = await person(territory, "coordinator");
  people.lead = await person(territory, "partner");
  people.partner = await person(territory, "partner");
  people.observer = await person(territory, "observer");
  people.otherCoordinator = await person(other, "coordinator");
  const axes = await database.db
    .insert(strategyAxes)
    .values([
      { territoryId: territory.id, title: "Proximité", position: 0 },
      { territoryId: territory.id, title: "Compétences", position: 1 },
    ])
    .returning({ id: strategyAxes.id });
  axisA = got(axes[0]).id;
  axisB = got(axes[1]).id;
  const [o] = await database.db.insert(strategyObjectives).values({ territoryId: territory.id, axisId: axisA, title: "Une permanence à moins de 20 minutes", horizon: "court" }).returning({ id: strategyObjectives.id });
  objective = got(o).id;
  const [fo] = await database.db.insert(strategyObjectives).values({ territoryId: other.id, title: "Objectif de Cognac", horizon: "court" }).returning({ id: strategyObjectives.id });
  foreignObjective = got(fo).id;
  leadActor = await actor("Centre social de Soyaux", "16374");
  partnerActor = await actor("Médiathèque d'Angoulême", "16015");
  farActor = await actor("Association de Cognac", "16102");
  if (people.lead.kind === "user") await database.db.insert(actorMembers).values({ actorId: leadActor, userId: people.lead.userId });
  const [s] = await database.db.insert(fundingSources).values({ referenceKey: "test-dsil", name: "DSIL", funder: "État", aidKind: "subvention" }).returning({ id: fundingSources.id });
  source = got(s).id;
  const [fs] = await database.db.insert(fundingSources).values({ territoryId: other.id, name: "Fonds de Cognac", funder: "Cognac", aidKind: "subvention" }).returning({ id: fundingSources.id });
  foreignSource = got(fs).id;
});

afterAll(async () => {
  await database?.close();
});

const base = (extra: Record<string, unknown> = {}) => ({
  title: "Permanences numériques en mairie",
  description: "Une demi-journée par semaine dans les mairies rurales.",
  axisId: axisA,
  objectiveIds: [objective],
  leadActorId: leadActor,
  publics: ["seniors"],
  themes: [],
  communes: ["16374"],
  startMonth: "01/2027",
  endMonth: "2028-06",
  status: "planifiee",
  ...extra,
});

describe("creating and editing an action", () => {
  it("a coordinator creates an action in the working version (version 1 opened), with its objective; the audit log has it", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base());
    const action = await findAction(database.db, territory.id, id);
    expect(action).toMatchObject({ title: "Permanences numériques en mairie", startMonth: "2027-01-01", endMonth: "2028-06-01", status: "planifiee", versionNumber: 1, revision: 1, position: 0, leadActorId: leadActor, communes: ["16374"] });
    const sheet = await findActionSheet(database.db, territory.id, id);
    expect(sheet?.objectives.map((o) => o.title)).toEqual(["Une permanence à moins de 20 minutes"]);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(event?.action).toBe("create");
    expect(await findAction(database.db, other.id, id)).toBeUndefined();
  });

  it("refuses an end before the start, field by field, and writes nothing", async () => {
    const before = (await database.db.select().from(planActions).where(eq(planActions.territoryId, territory.id))).length;
    const e = await expectAppError(createAction(database.db, people.coordinator, territory, base({ startMonth: "06/2027", endMonth: "03/2027" })), "validation", "endMonth");
    expect(e.fieldErrors?.endMonth).toEqual(["La fin ne peut pas précéder le début : vérifiez les deux mois."]);
    await expectAppError(createAction(database.db, people.coordinator, territory, base({ startMonth: "13/2027" })), "validation", "startMonth");
    expect((await database.db.select().from(planActions).where(eq(planActions.territoryId, territory.id))).length).toBe(before);
  });

  it("refuses what is not the territory's: an objective of another territory, an actor outside it, a commune outside it", async () => {
    await expectAppError(createAction(database.db, people.coordinator, territory, base({ objectiveIds: [foreignObjective] })), "validation", "objectiveIds");
    await expectAppError(createAction(database.db, people.coordinator, territory, base({ leadActorId: farActor })), "validation", "leadActorId");
    await expectAppError(createAction(database.db, people.coordinator, territory, base({ communes: ["16102"] })), "validation", "communes");
  });

  it("partners, observers and other territories' coordinators do not write the plan", async () => {
    await expectAppError(createAction(database.db, people.partner, territory, base()), "forbidden");
    await expectAppError(createAction(database.db, people.observer, territory, base()), "forbidden");
    await expectAppError(createAction(database.db, people.otherCoordinator, territory, base()), "forbidden");
  });

  it("the second of two concurrent saves gets a 409 naming what the first one saved; a save at the new revision then goes through", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base({ title: "Ateliers seniors" }));
    await updateAction(database.db, people.coordinator, territory, id, { ...base({ title: "Ateliers seniors en médiathèque", status: "en_cours" }), revision: "1" });
    const e = await expectAppError(updateAction(database.db, people.coordinator2, territory, id, { ...base({ title: "Ateliers pour les seniors" }), revision: "1" }), "edit_conflict");
    expect(e.status).toBe(409);
    expect(e.fieldErrors?.title?.[0]).toMatch(/Enregistré entre-temps par .* : Ateliers seniors en médiathèque$/);
    expect(e.fieldErrors?.status?.[0]).toMatch(/: En cours$/);
    expect(e.fieldErrors?.description).toBeUndefined();
    expect(e.fieldErrors?.revision).toEqual(["2"]);
    // Nothing of the second save was written.
    expect(await findAction(database.db, territory.id, id)).toMatchObject({ title: "Ateliers seniors en médiathèque", revision: 2 });
    await updateAction(database.db, people.coordinator2, territory, id, { ...base({ title: "Ateliers pour les seniors" }), revision: "2" });
    expect(await findAction(database.db, territory.id, id)).toMatchObject({ title: "Ateliers pour les seniors", revision: 3, status: "planifiee" });
  });
});

describe("money and means", () => {
  it("budget lines refuse negative and absurd amounts in French; funding above the cost is accepted and warned by the totals", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base({ title: "Conseillers numériques itinérants" }));
    await expectAppError(addBudgetLine(database.db, people.coordinator, territory, id, { year: "2027", item: "Salaires", planned: "-500" }), "validation", "planned");
    const absurd = await expectAppError(addBudgetLine(database.db, people.coordinator, territory, id, { year: "2027", item: "Salaires", planned: "900000000" }), "validation", "planned");
    expect(absurd.fieldErrors?.planned?.[0]).toBe("Le montant prévu dépasse 50\u202f000\u202f000 € : vérifiez le nombre de zéros.");
    await expectAppError(addBudgetLine(database.db, people.coordinator, territory, id, { year: "2027", item: "Salaires", planned: "douze" }), "validation", "planned");
    await addBudgetLine(database.db, people.coordinator, territory, id, { year: "2027", item: "Salaires", planned: "30 000", actual: "12 500,50" });
    await addBudgetLine(database.db, people.coordinator, territory, id, { year: "2028", item: "Salaires", planned: "20000" });
    await expectAppError(addFunding(database.db, people.coordinator, territory, id, { year: "2027", status: "demande", amount: "-1", sourceId: source }), "validation", "amount");
    await expectAppError(addFunding(database.db, people.coordinator, territory, id, { year: "2027", status: "demande", amount: "100", sourceId: foreignSource }), "validation", "sourceId");
    await expectAppError(addFunding(database.db, people.coordinator, territory, id, { year: "2027", status: "demande", amount: "100" }), "validation", "funderLabel");
    await addFunding(database.db, people.coordinator, territory, id, { year: "2027", status: "accorde", amount: "25000", sourceId: source });
    await addFunding(database.db, people.coordinator, territory, id, { year: "2027", status: "demande", amount: "10000", funderLabel: "Fondation locale" });
    await addFunding(database.db, people.coordinator, territory, id, { year: "2028", status: "refuse", amount: "40000", funderLabel: "Région" });
    await expectAppError(addInKind(database.db, people.coordinator, territory, id, { year: "2027", kind: "salle" }), "validation", "days");
    await addInKind(database.db, people.coordinator, territory, id, { year: "2027", kind: "salle", actorId: partnerActor, days: "10" });
    await addInKind(database.db, people.coordinator, territory, id, { year: "2027", kind: "materiel", valueEuros: "1 200" });
    const sheet = await findActionSheet(database.db, territory.id, id);
    const settings = await planSettingsOf(database.db, territory.id);
    expect(settings).toEqual({ inKindUnit: "euros", dayValueEuros: 300 });
    // Planned 30 000 + 20 000; actual 12 500,50; funding (refused left out) 25 000 + 10 000; secured 25 000;
    // in kind 10 days × 300 € + 1 200 €. 2027: 35 000 of funding for 30 000 of cost → warned.
    expect(sheetTotals(got(sheet), settings.dayValueEuros)).toEqual({ planned: 50000, actual: 12500.5, funding: 35000, secured: 25000, inKind: 4200, overfunded: false, overfundedYears: [2027] });
    expect(got(sheet).fundings.map((f) => [f.year, f.sourceName ?? f.funderLabel, f.status, f.amount])).toEqual([
      [2027, "DSIL", "accorde", 25000],
      [2027, "Fondation locale", "demande", 10000],
      [2028, "Région", "refuse", 40000],
    ]);
  });

  it("partners are named with their role, never the lead itself", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base({ title: "Annuaire des aidants" }));
    await setPartner(database.db, people.coordinator, territory, id, { actorId: partnerActor, role: "relais" });
    await setPartner(database.db, people.coordinator, territory, id, { actorId: partnerActor, role: "co-porteur" });
    await expectAppError(setPartner(database.db, people.coordinator, territory, id, { actorId: leadActor, role: "x" }), "validation", "actorId");
    await expectAppError(setPartner(database.db, people.coordinator, territory, id, { actorId: farActor }), "validation", "actorId");
    expect((await findActionSheet(database.db, territory.id, id))?.partners).toEqual([{ actorId: partnerActor, role: "co-porteur", name: "Médiathèque d'Angoulême" }]);
  });

  it("an actor that leads or partners actions is still used: the list names them, and the database refuses its deletion", async () => {
    const used = await actionsUsingActor(database.db, partnerActor);
    // A partner of one action, and a room given in kind to another (plan_in_kind.actor_id is a restrict key too).
    expect(used.map((a) => a.title)).toEqual(["Annuaire des aidants", "Conseillers numériques itinérants"]);
    await expect(database.db.delete(actors).where(eq(actors.id, leadActor))).rejects.toThrow();
  });
});

describe("follow-up: status and steps", () => {
  it("the lead's speaker updates status and steps, but not the content; a plain partner does neither", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base({ title: "Ateliers parents" }));
    const { id: step } = await addStep(database.db, people.lead, territory, id, { title: "Réserver les salles", dueDate: "2027-02-15" });
    await updateStep(database.db, people.lead, territory, id, step, { title: "Réserver les salles des écoles", dueDate: "2027-03-01" });
    await setStepDone(database.db, people.lead, territory, id, step, true);
    await setActionStatus(database.db, people.lead, territory, id, { status: "en_cours" });
    expect((await findActionSheet(database.db, territory.id, id))?.steps).toMatchObject([{ title: "Réserver les salles des écoles", dueDate: "2027-03-01", done: true }]);
    expect(await findAction(database.db, territory.id, id)).toMatchObject({ status: "en_cours" });
    await setStepDone(database.db, people.lead, territory, id, step, false);
    expect((await findActionSheet(database.db, territory.id, id))?.steps[0]?.done).toBe(false);
    await expectAppError(updateAction(database.db, people.lead, territory, id, { ...base(), revision: "2" }), "forbidden");
    await expectAppError(addBudgetLine(database.db, people.lead, territory, id, { year: "2027", item: "Frais", planned: "1" }), "forbidden");
    await expectAppError(setActionStatus(database.db, people.partner, territory, id, { status: "terminee" }), "forbidden");
    await expectAppError(addStep(database.db, people.partner, territory, id, { title: "Étape" }), "forbidden");
    await expectAppError(addStep(database.db, people.lead, territory, id, { title: "Étape", dueDate: "2027-02-30" }), "validation", "dueDate");
    await deleteStep(database.db, people.coordinator, territory, id, step);
    expect((await findActionSheet(database.db, territory.id, id))?.steps).toEqual([]);
  });
});

describe("duplicate, reorder, delete", () => {
  it("a duplicate is a new « idée » with a new lineage, the same objectives and planned budget, funding back to « envisagé »", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base({ title: "Bus numérique", axisId: axisB, objectiveIds: [] }));
    await addBudgetLine(database.db, people.coordinator, territory, id, { year: "2027", item: "Location du bus", planned: "8000", actual: "7900" });
    await addFunding(database.db, people.coordinator, territory, id, { year: "2027", status: "verse", amount: "5000", sourceId: source });
    const { id: copy } = await duplicateAction(database.db, people.coordinator, territory, id);
    const [a, b] = [await findActionSheet(database.db, territory.id, id), await findActionSheet(database.db, territory.id, copy)];
    expect(b?.action).toMatchObject({ title: "Bus numérique (copie)", status: "idee", axisId: axisB, position: 1 });
    expect(b?.action.lineageId).not.toBe(a?.action.lineageId);
    expect(b?.budget.map((l) => [l.item, l.planned, l.actual])).toEqual([["Location du bus", 8000, null]]);
    expect(b?.fundings.map((f) => [f.status, f.amount])).toEqual([["envisage", 5000]]);
  });

  it("moves an action up and down within its axis only", async () => {
    const version = got((await listPlanVersions(database.db, territory.id))[0]);
    const inAxis = async () => (await listActionCards(database.db, territory.id, version.id)).filter((c) => c.axisId === axisB).map((c) => c.title);
    await createAction(database.db, people.coordinator, territory, base({ title: "Formation des agents", axisId: axisB }));
    expect(await inAxis()).toEqual(["Bus numérique", "Bus numérique (copie)", "Formation des agents"]);
    const [, , third] = (await listActionCards(database.db, territory.id, version.id)).filter((c) => c.axisId === axisB);
    await moveAction(database.db, people.coordinator, territory, got(third).id, "up");
    expect(await inAxis()).toEqual(["Bus numérique", "Formation des agents", "Bus numérique (copie)"]);
    await moveAction(database.db, people.coordinator, territory, got(third).id, "up");
    await moveAction(database.db, people.coordinator, territory, got(third).id, "up"); // already first: nothing moves
    expect(await inAxis()).toEqual(["Formation des agents", "Bus numérique", "Bus numérique (copie)"]);
    await moveAction(database.db, people.coordinator, territory, got(third).id, "down");
    expect(await inAxis()).toEqual(["Bus numérique", "Formation des agents", "Bus numérique (copie)"]);
  });

  it("deletes an action with everything hanging from it", async () => {
    const { id } = await createAction(database.db, people.coordinator, territory, base({ title: "À supprimer" }));
    await addBudgetLine(database.db, people.coordinator, territory, id, { year: "2027", item: "Frais", planned: "1" });
    await deleteAction(database.db, people.coordinator, territory, id);
    expect(await findAction(database.db, territory.id, id)).toBeUndefined();
    await expectAppError(deleteAction(database.db, people.coordinator, territory, id), "not_found");
  });
});

describe("versions", () => {
  it("a new version copies the latest (lineage kept) and freezes it; frozen actions refuse edits; one published version at a time; the compare says what changed", async () => {
    const [v1] = await listPlanVersions(database.db, territory.id);
    const count1 = got(v1).actions;
    await expectAppError(publishVersion(database.db, people.coordinator, territory, 1), "validation");
    const { number } = await createVersion(database.db, people.coordinator, territory, { title: "Plan révisé" });
    expect(number).toBe(2);
    const versions = await listPlanVersions(database.db, territory.id);
    expect(versions.map((v) => [v.number, v.title, v.frozenAt !== null, v.actions])).toEqual([
      [2, "Plan révisé", false, count1],
      [1, "Plan d'action " + `${new Date().getFullYear()}–${new Date().getFullYear() + 2}`, true, count1],
    ]);
    const [old] = await database.db.select().from(planActions).where(and(eq(planActions.versionId, got(v1).id), eq(planActions.title, "Bus numérique")));
    await expectAppError(updateAction(database.db, people.coordinator, territory, got(old).id, { ...base(), revision: String(got(old).revision) }), "plan_frozen");
    await expectAppError(freezeVersion(database.db, people.coordinator, territory, 1), "plan_frozen");
    // Nothing hanging from a frozen action changes either, nor its follow-up.
    await expectAppError(addBudgetLine(database.db, people.coordinator, territory, got(old).id, { year: "2027", item: "Carburant", planned: "10" }), "plan_frozen");
    await expectAppError(setActionStatus(database.db, people.coordinator, territory, got(old).id, { status: "terminee" }), "plan_frozen");
    await expectAppError(moveAction(database.db, people.coordinator, territory, got(old).id, "down"), "plan_frozen");

    const v2 = got(versions[0]);
    const [copy] = await database.db.select().from(planActions).where(and(eq(planActions.versionId, v2.id), eq(planActions.lineageId, got(old).lineageId)));
    expect(copy).toMatchObject({ title: "Bus numérique", revision: 1 });
    expect((await findActionSheet(database.db, territory.id, got(copy).id))?.budget.map((l) => [l.planned, l.actual])).toEqual([[8000, 7900]]);
    await updateAction(database.db, people.coordinator, territory, got(copy).id, { ...base({ title: "Bus numérique", axisId: axisB, objectiveIds: [], status: "en_cours", endMonth: "12/2028" }), revision: "1" });
    await addBudgetLine(database.db, people.coordinator, territory, got(copy).id, { year: "2028", item: "Carburant", planned: "1500" });
    const [gone] = await database.db.select().from(planActions).where(and(eq(planActions.versionId, v2.id), eq(planActions.title, "Formation des agents")));
    await deleteAction(database.db, people.coordinator, territory, got(gone).id);
    await createAction(database.db, people.coordinator, territory, base({ title: "Café numérique", objectiveIds: [] }));

    const names = { axes: new Map([[axisA, "Proximité"], [axisB, "Compétences"]]), objectives: new Map([[objective, "Une permanence à moins de 20 minutes"]]), actors: new Map([[leadActor, "Centre social de Soyaux"]]) };
    const diff = compareVersions(await versionContent(database.db, territory.id, got(v1).id), await versionContent(database.db, territory.id, v2.id), names);
    expect(diff.added.map((a) => a.title)).toEqual(["Café numérique"]);
    expect(diff.removed.map((a) => a.title)).toEqual(["Formation des agents"]);
    expect(diff.changed).toEqual([
      {
        lineageId: got(old).lineageId,
        title: "Bus numérique",
        changes: [
          { field: "endMonth", label: "Fin", before: "06/2028", after: "12/2028" },
          { field: "status", label: "Statut", before: "Planifiée", after: "En cours" },
          { field: "planned", label: "Coût prévu", before: "8\u202f000 €", after: "9\u202f500 €" },
        ],
      },
    ]);
    expect(diff.unchanged).toBe(count1 - 2);

    await freezeVersion(database.db, people.coordinator, territory, 2);
    await publishVersion(database.db, people.coordinator, territory, 1);
    await publishVersion(database.db, people.coordinator, territory, 2);
    expect((await listPlanVersions(database.db, territory.id)).map((v) => [v.number, v.publishedAt !== null])).toEqual([
      [2, true],
      [1, false],
    ]);
    await expectAppError(createAction(database.db, people.coordinator, territory, base()), "plan_frozen");
  });
});

describe("the plan's part of the journey", () => {
  it("counts late and blocked actions, overdue steps and actions without a lead in the working version", async () => {
    const t = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-plan-parcours", name: "Angoulême" });
    const c = await person(t, "coordinator");
    const now = new Date("2027-05-10T10:00:00Z");
    expect(await journeyOf(database.db, t, now)).toEqual([
      { phase: "strategy", facts: [], missing: ["Pas encore de plan d'action"], next: [{ text: "Écrire les premières actions du plan", href: "/espace/angouleme-plan-parcours/plan/actions/nouvelle", urgency: "useful" }] },
    ]);
    const simple = { title: "Action", objectiveIds: [], publics: [], themes: [], communes: [] };
    await createAction(database.db, c, t, { ...simple, title: "Finie en avril", startMonth: "01/2027", endMonth: "04/2027", status: "en_cours", leadActorId: partnerActor }); // late: ended, not done
    await createAction(database.db, c, t, { ...simple, title: "Terminée", endMonth: "04/2027", status: "terminee" }); // done: neither late nor « without lead »
    await createAction(database.db, c, t, { ...simple, title: "Bloquée", status: "bloquee", leadActorId: partnerActor });
    const { id } = await createAction(database.db, c, t, { ...simple, title: "Marquée en retard", status: "en_retard" }); // late, without lead
    await addStep(database.db, c, t, id, { title: "Passée", dueDate: "2027-05-09" });
    await addStep(database.db, c, t, id, { title: "Aujourd'hui", dueDate: "2027-05-10" });
    const [journey] = await journeyOf(database.db, t, now);
    expect(journey?.facts.map((f) => f.label)).toEqual(["Plan d'action, version 1", "4 actions"]);
    expect(journey?.missing).toEqual(["1 action sans porteur"]);
    expect(journey?.next).toEqual([
      { text: "2 actions en retard", href: "/espace/angouleme-plan-parcours/plan", urgency: "urgent" },
      { text: "1 action bloquée", href: "/espace/angouleme-plan-parcours/plan", urgency: "urgent" },
      { text: "1 étape dépassée sans être faite", href: "/espace/angouleme-plan-parcours/plan", urgency: "urgent" },
      { text: "1 action n'a pas de structure porteuse", href: "/espace/angouleme-plan-parcours/plan", urgency: "useful" },
    ]);
  });
});
