import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { createActor, linkMember } from "@/modules/actors/commands";
import { territoryActors } from "@/modules/actors/schema";
import type { Territory } from "@/modules/territories/queries";
import { submitAssessment } from "./commands";
import { actorMaturity, territoryMaturity } from "./queries";
import { maturityAnswers, maturityAssessments } from "./schema";
import { weakest } from "./stats";
import { expectedMedians, expectedRanking, fixtureLevels, levelsOf, type Levels } from "./test-fixture";
import { assessmentInput } from "./validation";

// Real communes from the committed reference file, not from the code under test.
const communesFile = JSON.parse(fs.readFileSync("data/communes.json", "utf8")) as { columns: string[]; rows: unknown[][] };
const col = (name: string) => communesFile.columns.indexOf(name);
const firstOf = (dep: string) => String(communesFile.rows.find((r) => r[col("departement")] === dep)?.[col("code")]);

let database: Database;
let charente: Territory;
let vienne: Territory;
let coordinator: Principal;
let partner: Principal;
let partnerUserId = "";
let observer: Principal;
let vienneCoordinator: Principal;
const ids: Record<string, string> = {};

const input = (l: Levels, comments: Partial<Record<string, string>> = {}) =>
  assessmentInput(Object.fromEntries(Object.entries(levelsOf(l)).map(([id, level]) => [id, { level, comment: comments[id] ?? "" }])));

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  charente = await createTestTerritory(db, { name: "Charente", slug: "charente-maturite", kind: "departement", code: "16" });
  vienne = await createTestTerritory(db, { name: "Vienne", slug: "vienne-maturite", kind: "departement", code: "86" });
  const [c, p, o, v] = [await createUser(db), await createUser(db), await createUser(db), await createUser(db)];
  await addMember(db, charente.id, c.id, "coordinator");
  await addMember(db, charente.id, p.id, "partner");
  await addMember(db, charente.id, o.id, "observer");
  await addMember(db, vienne.id, v.id, "coordinator");
  [coordinator, partner, observer, vienneCoordinator] = [await principalOf(db, c.id), await principalOf(db, p.id), await principalOf(db, o.id), await principalOf(db, v.id)];
  partnerUserId = p.id;
  for (const name of ["A", "B", "C", "D", "E"]) {
    const created = await createActor(db, coordinator, charente, { name: `Structure ${name}`, legalType: "association", status: "engaged", communeCode: firstOf("16") });
    ids[name] = created.id;
  }
  const elsewhere = await createActor(db, vienneCoordinator, vienne, { name: "Structure de la Vienne", legalType: "association", status: "engaged", communeCode: firstOf("86") });
  ids.vienne = elsewhere.id;
  // The structures joined their territory as partners (decision 006): the territory reads their self-assessments.
  await db.insert(territoryActors).values([...["A", "B", "C", "D", "E"].map((n) => ({ territoryId: charente.id, actorId: ids[n] ?? "", joinedAt: new Date() })), { territoryId: vienne.id, actorId: elsewhere.id, joinedAt: new Date() }]);
});
afterAll(async () => {
  await database?.close();
});

async function counts() {
  const db = database.db;
  const [a] = await db.select({ n: count() }).from(maturityAssessments);
  const [r] = await db.select({ n: count() }).from(maturityAnswers);
  const [e] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityType, "maturity_assessment"));
  return { assessments: a?.n, answers: r?.n, audit: e?.n };
}

const id = (name: string) => ids[name] ?? "";

describe("submitting a self-assessment", () => {
  it("a coordinator self-assesses an actor: one level and comment per dimension, audited", async () => {
    const db = database.db;
    const before = await counts();
    const created = await submitAssessment(db, coordinator, charente, id("E"), input([2, 3, 1, 4, 2, 3], { support: "Permanence le mardi matin." }));
    expect(await counts()).toEqual({ assessments: (before.assessments ?? 0) + 1, answers: (before.answers ?? 0) + 6, audit: (before.audit ?? 0) + 1 });
    const { latest } = await actorMaturity(db, charente.id, id("E"));
    expect(latest?.id).toBe(created.id);
    expect(latest?.answers.support).toEqual({ level: 2, comment: "Permanence le mardi matin." });
    expect(latest?.answers.partnerships).toEqual({ level: 4, comment: "" });
    expect(latest?.submittedBy).toBe(coordinator.kind === "user" ? coordinator.name : "");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "maturity_assessment"), eq(auditEvents.entityId, created.id)));
    expect(event?.territoryId).toBe(charente.id);
    expect(event?.after).toMatchObject({ actor: "Structure E", levels: { support: 2, skills: 3, equipment: 1, partnerships: 4, accessibility: 2, evaluation: 3 } });
  });

  it("refuses a missing dimension, a level 5 and a comment over 2,000 characters, with French messages per field, and writes nothing", async () => {
    const before = await counts();
    const raw = { ...input([2, 2, 2, 2, 2, 2]), level_support: "", level_skills: "5", comment_evaluation: "a".repeat(2001) };
    delete (raw as Record<string, unknown>).level_equipment;
    const error = await expectAppError(submitAssessment(database.db, coordinator, charente, id("E"), raw), "validation");
    expect(error.fieldErrors).toEqual({
      level_support: ["Choisissez un niveau pour « Accueil et accompagnement des publics »."],
      level_skills: ["Le niveau de « Compétences et formation de l'équipe » va de 1 à 4 : choisissez l'un des quatre niveaux proposés."],
      level_equipment: ["Choisissez un niveau pour « Équipement et accès »."],
      comment_evaluation: ["Le commentaire sur « Évaluation et suivi d'activité » ne doit pas dépasser 2 000 caractères."],
    });
    expect(await counts()).toEqual(before);
  });

  it("an actor the territory does not see is not found (404), even for a coordinator, and nothing is written", async () => {
    const before = await counts();
    await expectAppError(submitAssessment(database.db, coordinator, charente, id("vienne"), input([3, 3, 3, 3, 3, 3])), "not_found");
    await expectAppError(submitAssessment(database.db, coordinator, charente, "00000000-0000-4000-8000-000000000000", input([3, 3, 3, 3, 3, 3])), "not_found");
    await expectAppError(submitAssessment(database.db, coordinator, charente, "pas-un-identifiant", input([3, 3, 3, 3, 3, 3])), "not_found");
    expect(await counts()).toEqual(before);
  });

  it("only those who may edit the actor self-assess it: the partner who speaks for it, not an observer nor another partner", async () => {
    const db = database.db;
    const before = await counts();
    await expectAppError(submitAssessment(db, observer, charente, id("E"), input([3, 3, 3, 3, 3, 3])), "forbidden");
    await expectAppError(submitAssessment(db, partner, charente, id("E"), input([3, 3, 3, 3, 3, 3])), "forbidden");
    // A coordinator elsewhere learns nothing, not even whether the actor exists.
    await expectAppError(submitAssessment(db, vienneCoordinator, charente, id("E"), input([3, 3, 3, 3, 3, 3])), "forbidden");
    await expectAppError(submitAssessment(db, vienneCoordinator, charente, "00000000-0000-4000-8000-000000000000", input([3, 3, 3, 3, 3, 3])), "forbidden");
    expect(await counts()).toEqual(before);
    await linkMember(db, coordinator, charente, id("E"), { user: partnerUserId });
    await submitAssessment(db, partner, charente, id("E"), input([3, 3, 3, 3, 3, 3]));
    expect((await counts()).assessments).toBe((before.assessments ?? 0) + 1);
  });
});

describe("history and the territory's view", () => {
  it("keeps every submission; the newest is the current one", async () => {
    const db = database.db;
    const first = await submitAssessment(db, coordinator, charente, id("A"), input([1, 1, 1, 1, 1, 1], { skills: "Personne n'est formé." }));
    // Months apart, as in real life (the database clock gives both the same day otherwise).
    await db.update(maturityAssessments).set({ submittedAt: new Date("2025-06-01T10:00:00Z") }).where(eq(maturityAssessments.id, first.id));
    const second = await submitAssessment(db, coordinator, charente, id("A"), input(fixtureLevels.A as Levels, { skills: "Deux bénévoles formés cette année." }));
    const { latest, history } = await actorMaturity(db, charente.id, id("A"));
    expect(history.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(latest?.id).toBe(second.id);
    expect(latest?.answers.skills).toEqual({ level: 2, comment: "Deux bénévoles formés cette année." });
    expect(history[1]?.answers.skills).toEqual({ level: 1, comment: "Personne n'est formé." });
    // Seen from a territory that does not see the actor: nothing.
    expect(await actorMaturity(db, vienne.id, id("A"))).toEqual({ latest: undefined, history: [] });
  });

  it("medians, weakest dimensions and heat map use the latest submission of each actor the territory sees", async () => {
    const db = database.db;
    for (const name of ["B", "C", "D"]) await submitAssessment(db, coordinator, charente, id(name), input(fixtureLevels[name] as Levels));
    // E's latest submission (above, by its partner) is all at level 3; the Vienne actor is not seen from Charente.
    await submitAssessment(db, vienneCoordinator, vienne, id("vienne"), input([4, 4, 4, 4, 4, 4]));
    const view = await territoryMaturity(db, charente);
    expect(view.visibleActors).toBe(5);
    expect(view.rows.map((r) => r.name)).toEqual(["Structure A", "Structure B", "Structure C", "Structure D", "Structure E"]);
    expect(view.rows[0]?.levels).toEqual(levelsOf(fixtureLevels.A as Levels));
    expect(view.rows[4]?.levels).toEqual(levelsOf([3, 3, 3, 3, 3, 3]));
    // With E (all at 3) added to A–D, worked out by hand:
    //   support 1 2 3 3 4 → 3; skills 1 2 2 3 3 → 2; equipment 2 3 3 3 4 → 3; partnerships 2 3 3 3 4 → 3;
    //   accessibility 1 2 2 2 3 → 2; evaluation 1 1 2 3 3 → 2.
    expect(Object.fromEntries(view.summary.dimensions.map((d) => [d.dimension, d.median]))).toEqual({ support: 3, skills: 2, equipment: 3, partnerships: 3, accessibility: 2, evaluation: 2 });
    // Ties on median 2: accessibility 4 of 5 below, skills 3 of 5, evaluation 3 of 5 (grid order: skills first).
    expect(weakest(view.summary).map((d) => d.dimension)).toEqual(["accessibility", "skills"]);
    expect(view.summary.assessed).toBe(5);
  });

  it("without E, the figures are exactly those of the hand-made fixture", async () => {
    const db = database.db;
    await db.delete(maturityAssessments).where(eq(maturityAssessments.actorId, id("E")));
    const view = await territoryMaturity(db, charente);
    expect(view.summary.assessed).toBe(4);
    expect(Object.fromEntries(view.summary.dimensions.map((d) => [d.dimension, d.median]))).toEqual(expectedMedians);
    expect(view.summary.ranking.map((d) => d.dimension)).toEqual(expectedRanking);
    // The Vienne actor, assessed from its own territory, counts there only.
    const there = await territoryMaturity(db, vienne);
    expect(there.rows.map((r) => r.name)).toEqual(["Structure de la Vienne"]);
  });
});
