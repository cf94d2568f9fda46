import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createFinding } from "@/modules/findings";
import { createAxis, createObjective, deleteAxis, deleteObjective, moveAxis, moveObjective, setVision, updateAxis, updateObjective } from "./commands";
import { strategyOf } from "./queries";
import { journeyOf } from "./journey";

/** The value, or a failed test when it is missing. */
function req<T>(v: T | undefined | null): T {
  if (v === undefined || v === null) throw new Error("missing value");
  return v;
}


let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "partner" | "otherCoordinator", Principal>;

async function person(t: Territory, role: "coordinator" | "partner"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-strategie", name: "Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-strategie", name: "Cognac" });
  people.coordinator = await person(territory, "coordinator");
  people.partner = await person(territory, "partner");
  people.otherCoordinator = await person(other, "coordinator");
});

afterAll(async () => {
  await database?.close();
});

describe("the strategy of a territory", () => {
  it("starts empty: the journey says what is missing and what to do first", async () => {
    const [strategy] = await journeyOf(database.db, territory);
    expect(strategy?.phase).toBe("strategy");
    expect(strategy?.facts).toEqual([]);
    expect(strategy?.missing).toEqual(["La vision du territoire n'est pas encore écrite.", "Aucun axe prioritaire.", "Aucun objectif."]);
    expect(strategy?.next.map((s) => s.text)).toEqual(["Écrire la vision du territoire", "Fixer les premiers objectifs, à partir des constats du diagnostic"]);
  });

  it("a coordinator writes the vision, axes and objectives linked to findings; a partner may not", async () => {
    const { db } = database;
    await expectAppError(setVision(db, people.partner, territory, { text: "Une vision" }), "forbidden");
    await expectAppError(setVision(db, people.otherCoordinator, territory, { text: "Une vision" }), "forbidden");
    await setVision(db, people.coordinator, territory, { text: "  Chaque habitant trouve de l'aide à moins de vingt minutes.  " });
    const q1 = await createFinding(db, people.coordinator, territory, { kind: "question", text: "Les seniors n'ont personne pour les aider.", themes: [], communes: [] });
    const q2 = await createFinding(db, people.coordinator, territory, { kind: "question", text: "Les parents ne savent pas utiliser l'ENT.", themes: [], communes: [] });
    const proximity = await createAxis(db, people.coordinator, territory, { title: "Proximité" });
    const skills = await createAxis(db, people.coordinator, territory, { title: "Compétences", description: "Former" });
    await createObjective(db, people.coordinator, territory, { title: "Une permanence par canton", horizon: "court", axisId: proximity.id, themes: ["acces_droits"], findings: [q1.id] });
    await createObjective(db, people.coordinator, territory, { title: "Un bus numérique", horizon: "long", axisId: proximity.id, themes: [], findings: [] });
    const strategy = await strategyOf(db, territory.id);
    expect(strategy.vision?.text).toBe("Chaque habitant trouve de l'aide à moins de vingt minutes.");
    expect(strategy.axes.map((a) => [a.title, a.position])).toEqual([
      ["Proximité", 0],
      ["Compétences", 1],
    ]);
    expect(strategy.objectives.map((o) => [o.title, o.horizon, o.axisId, o.findingIds, o.position])).toEqual([
      ["Une permanence par canton", "court", proximity.id, [q1.id], 0],
      ["Un bus numérique", "long", proximity.id, [], 1],
    ]);
    const [journey] = await journeyOf(db, territory);
    expect(journey?.facts.map((f) => f.label)).toEqual(["Vision écrite", "2 axes prioritaires", "2 objectifs (1 à court terme, 0 à moyen terme, 1 à long terme)"]);
    expect(journey?.missing).toEqual([]);
    // q2 is answered by no objective.
    expect(journey?.next).toEqual([{ text: "1 question prioritaire du diagnostic n'a pas encore d'objectif", href: "/espace/angouleme-strategie/strategie/couverture#questions-sans-objectif", urgency: "useful" }]);
    void q2;
    void skills;
    const events = await db.select({ type: auditEvents.entityType, action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.territoryId, territory.id));
    expect(events.filter((e) => e.type.startsWith("strategy_")).map((e) => `${e.type}:${e.action}`)).toEqual([
      "strategy_vision:update",
      "strategy_axis:create",
      "strategy_axis:create",
      "strategy_objective:create",
      "strategy_objective:create",
    ]);
  });

  it("bad input gets French messages by field and writes nothing", async () => {
    const { db } = database;
    const before = (await strategyOf(db, territory.id)).objectives.length;
    await expectAppError(createObjective(db, people.coordinator, territory, { title: "", horizon: "court" }), "validation", "title");
    await expectAppError(createObjective(db, people.coordinator, territory, { title: "Un objectif", horizon: "bientôt" }), "validation", "horizon");
    await expectAppError(createObjective(db, people.coordinator, territory, { title: "Un objectif", horizon: "court", themes: ["inconnu"] }), "validation", "themes");
    await expectAppError(createAxis(db, people.coordinator, territory, { title: "x" }), "validation", "title");
    await expectAppError(setVision(db, people.coordinator, territory, { text: "x".repeat(4001) }), "validation", "text");
    // Another territory's axis or finding is refused as if unknown.
    const foreignAxis = await createAxis(db, people.otherCoordinator, other, { title: "Axe de Cognac" });
    const foreignFinding = await createFinding(db, people.otherCoordinator, other, { kind: "question", text: "Une question de Cognac", themes: [], communes: [] });
    const e1 = await expectAppError(createObjective(db, people.coordinator, territory, { title: "Un objectif", horizon: "court", axisId: foreignAxis.id }), "validation", "axisId");
    expect(e1.fieldErrors?.axisId).toEqual(["Choisissez un axe de la liste."]);
    await expectAppError(createObjective(db, people.coordinator, territory, { title: "Un objectif", horizon: "court", findings: [foreignFinding.id] }), "validation", "findings");
    await expectAppError(updateAxis(db, people.coordinator, territory, foreignAxis.id, { title: "Volé" }), "not_found");
    expect((await strategyOf(db, territory.id)).objectives.length).toBe(before);
  });

  it("reorders axes and objectives within their axis; moving past the end changes nothing", async () => {
    const { db } = database;
    const s = await strategyOf(db, territory.id);
    const [first, second] = s.axes;
    await moveAxis(db, people.coordinator, territory, req(second).id, { direction: "up" });
    await moveAxis(db, people.coordinator, territory, req(second).id, { direction: "up" });
    expect((await strategyOf(db, territory.id)).axes.map((a) => a.title)).toEqual(["Compétences", "Proximité"]);
    void first;
    const bus = req(s.objectives.find((o) => o.title === "Un bus numérique"));
    await moveObjective(db, people.coordinator, territory, bus.id, { direction: "up" });
    expect((await strategyOf(db, territory.id)).objectives.map((o) => o.title)).toEqual(["Un bus numérique", "Une permanence par canton"]);
    await expectAppError(moveObjective(db, people.coordinator, territory, bus.id, { direction: "sideways" }), "validation", "direction");
    await expectAppError(moveObjective(db, people.partner, territory, bus.id, { direction: "down" }), "forbidden");
  });

  it("edits an objective (new axis, findings replaced) and deletes axes and objectives no action uses", async () => {
    const { db } = database;
    const s = await strategyOf(db, territory.id);
    const skills = req(s.axes.find((a) => a.title === "Compétences"));
    const permanence = req(s.objectives.find((o) => o.title === "Une permanence par canton"));
    await updateObjective(db, people.coordinator, territory, permanence.id, { title: "Une permanence par canton", horizon: "moyen", axisId: skills.id, findings: [] });
    const after = req((await strategyOf(db, territory.id)).objectives.find((o) => o.id === permanence.id));
    expect([after.horizon, after.axisId, after.findingIds]).toEqual(["moyen", skills.id, []]);
    // Deleting the axis keeps the objective, without axis.
    await deleteAxis(db, people.coordinator, territory, skills.id);
    expect((await strategyOf(db, territory.id)).objectives.find((o) => o.id === permanence.id)?.axisId).toBeNull();
    await deleteObjective(db, people.coordinator, territory, permanence.id);
    expect((await strategyOf(db, territory.id)).objectives.some((o) => o.id === permanence.id)).toBe(false);
    await expectAppError(deleteObjective(db, people.coordinator, territory, permanence.id), "not_found");
  });
});
