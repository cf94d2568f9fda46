import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { strategyObjectives } from "@/modules/strategy";
import type { Territory } from "@/modules/territories/queries";
import { addMeasurement, createIndicator, deleteIndicator, deleteMeasurement, setTarget, updateIndicator } from "./commands";
import { journeyOf } from "./journey";
import { findIndicator } from "./queries";
import { measurementProblems, parseFrenchNumber, unitProblem } from "./validation";

let database: Database;
let territory: Territory;
let other: Territory;
let objectiveId: string;
const people = {} as Record<"coordinator" | "partner" | "observer" | "otherCoordinator", Principal>;

async function person(t: Territory, role: "coordinator" | "partner" | "observer"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}

/** Refused as invalid input, with exactly these French messages on these fields. */
async function refusedWith(promise: Promise<unknown>, fields: Record<string, string[]>) {
  const error = await expectAppError(promise, "validation");
  for (const [field, messages] of Object.entries(fields)) expect(error.fieldErrors?.[field]).toEqual(messages);
}

const base = { name: "Personnes accompagnées", unit: "personnes", direction: "hausse", periodicity: "trimestrielle", startsOn: "2026-01-01", endsOn: "2026-12-31", source: "manuel" };

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-indicateurs", name: "Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-indicateurs", name: "Cognac" });
  people.coordinator = await person(territory, "coordinator");
  people.partner = await person(territory, "partner");
  people.observer = await person(territory, "observer");
  people.otherCoordinator = await person(other, "coordinator");
  const [o] = await database.db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Accompagner plus de monde", horizon: "court" }).returning();
  if (!o) throw new Error("no objective");
  objectiveId = o.id;
});

afterAll(async () => {
  await database?.close();
});

describe("units and periods (pure checks)", () => {
  it("reads numbers as people type them in French", () => {
    expect(parseFrenchNumber("12,5")).toBe(12.5);
    expect(parseFrenchNumber("1 200")).toBe(1200);
    expect(parseFrenchNumber("douze")).toBeNull();
  });
  it("refuses a share outside 0–100, a decimal count of people, a negative amount", () => {
    expect(unitProblem("pourcentage", 104)).toBe("Un pourcentage est compris entre 0 et 100.");
    expect(unitProblem("pourcentage", 100)).toBeNull();
    expect(unitProblem("personnes", 12.5)).toBe("Un nombre de personnes est un nombre entier (sans virgule).");
    expect(unitProblem("personnes", -3)).toBe("Un nombre de personnes ne peut pas être négatif.");
    expect(unitProblem("euros", -1)).toBe("Cette valeur ne peut pas être négative.");
    expect(unitProblem("euros", 12.5)).toBeNull();
  });
  it("refuses a date outside the indicator's period", () => {
    expect(measurementProblems({ unit: "nombre", startsOn: "2026-01-01", endsOn: "2026-12-31" }, { measuredOn: "2027-01-01", value: 3 })).toEqual({
      measuredOn: ["La date doit être dans la période de l'indicateur, du 01/01/2026 au 31/12/2026."],
    });
  });
});

describe("indicators, targets and measurements", () => {
  it("the journey of a territory without indicators says what to do first", async () => {
    expect(await journeyOf(database.db, other)).toEqual([
      { phase: "evaluate", facts: [], missing: ["Aucun indicateur pour suivre le plan."], next: [{ text: "Définir les premiers indicateurs des objectifs et des actions", href: "/espace/cognac-indicateurs/evaluation/indicateurs/nouveau", urgency: "useful" }] },
    ]);
  });

  it("the coordination creates an indicator on an objective; others may not; bad links refused", async () => {
    const { db } = database;
    await expectAppError(createIndicator(db, people.partner, territory, { ...base, objectiveId }), "forbidden");
    await expectAppError(createIndicator(db, people.otherCoordinator, territory, { ...base, objectiveId }), "forbidden");
    await refusedWith(createIndicator(db, people.coordinator, territory, { ...base }), { objectiveId: ["Rattachez l'indicateur à un objectif ou à une action."] });
    await refusedWith(createIndicator(db, people.coordinator, territory, { ...base, objectiveId, endsOn: "2025-12-31" }), { endsOn: ["La fin de la période doit venir après son début."] });
    await expectAppError(createIndicator(db, people.coordinator, other, { ...base, objectiveId }, []), "forbidden");
    await refusedWith(createIndicator(db, people.otherCoordinator, other, { ...base, objectiveId }), { objectiveId: ["Choisissez l'objectif dans la liste du territoire."] });
    await refusedWith(createIndicator(db, people.coordinator, territory, { ...base, objectiveId, source: "calcule", computedKey: "inconnu" }, ["places"]), {
      computedKey: ["Choisissez ce que Maillage calcule dans la liste."],
    });
    const { id } = await createIndicator(db, people.coordinator, territory, { ...base, objectiveId, baselineValue: "120", baselineOn: "2025-12-31", ownerName: "Léa Martin" });
    const saved = await findIndicator(db, territory.id, id);
    expect(saved).toMatchObject({ name: "Personnes accompagnées", unit: "personnes", baselineValue: 120, baselineOn: "2025-12-31", ownerName: "Léa Martin", objectiveId });
    expect(await findIndicator(db, other.id, id)).toBeUndefined();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("measurements: wrong unit or date refused with a French message and nothing written; a partner may measure, an observer not", async () => {
    const { db } = database;
    const { id } = await createIndicator(db, people.coordinator, territory, { ...base, objectiveId, name: "Taux de satisfaction", unit: "pourcentage" });
    await refusedWith(addMeasurement(db, people.partner, territory, id, { measuredOn: "2026-03-31", value: "140" }), { value: ["Un pourcentage est compris entre 0 et 100."] });
    await refusedWith(addMeasurement(db, people.partner, territory, id, { measuredOn: "2025-12-01", value: "40" }), {
      measuredOn: ["La date doit être dans la période de l'indicateur, du 01/01/2026 au 31/12/2026."],
    });
    await refusedWith(addMeasurement(db, people.partner, territory, id, { measuredOn: "2026-02-30", value: "40" }), { measuredOn: ["Indiquez la date de la mesure."] });
    await refusedWith(addMeasurement(db, people.partner, territory, id, { measuredOn: "2026-03-31", value: "beaucoup" }), { value: ["Écrivez un nombre, par exemple 12 ou 12,5."] });
    await expectAppError(addMeasurement(db, people.observer, territory, id, { measuredOn: "2026-03-31", value: "40" }), "forbidden");
    expect((await findIndicator(db, territory.id, id))?.measurements).toEqual([]);
    await addMeasurement(db, people.partner, territory, id, { measuredOn: "2026-03-31", value: "72,5", comment: "Enquête de mars", isEstimate: "oui" });
    const [m] = (await findIndicator(db, territory.id, id))?.measurements ?? [];
    expect(m).toMatchObject({ measuredOn: "2026-03-31", value: 72.5, comment: "Enquête de mars", isEstimate: true, computed: false });
    expect(m?.enteredByLabel).not.toBe("");
    // A decimal count of people is refused on a count indicator.
    const count = await createIndicator(db, people.coordinator, territory, { ...base, objectiveId, name: "Personnes formées" });
    await refusedWith(addMeasurement(db, people.coordinator, territory, count.id, { measuredOn: "2026-03-31", value: "12,5" }), { value: ["Un nombre de personnes est un nombre entier (sans virgule)."] });
    // Only the coordination deletes a measurement.
    if (!m) throw new Error("no measurement");
    await expectAppError(deleteMeasurement(db, people.partner, territory, id, m.id), "forbidden");
    await deleteMeasurement(db, people.coordinator, territory, id, m.id);
    expect((await findIndicator(db, territory.id, id))?.measurements).toEqual([]);
  });

  it("a computed indicator refuses typed measurements", async () => {
    const { db } = database;
    const { id } = await createIndicator(db, people.coordinator, territory, { ...base, objectiveId, name: "Lieux", unit: "lieux", source: "calcule", computedKey: "places" }, ["places"]);
    await refusedWith(addMeasurement(db, people.coordinator, territory, id, { measuredOn: "2026-03-31", value: "3" }), { value: ["Cet indicateur est calculé par Maillage à chaque période : il ne se saisit pas."] });
  });

  it("targets: one per period end, within the period and the unit; changing the unit under existing measurements is refused", async () => {
    const { db } = database;
    const { id } = await createIndicator(db, people.coordinator, territory, { ...base, objectiveId, name: "Ateliers", unit: "nombre" });
    await refusedWith(setTarget(db, people.coordinator, territory, id, { periodEnd: "2027-06-30", value: "10" }), { periodEnd: ["L'échéance de la cible doit être dans la période de l'indicateur."] });
    await refusedWith(setTarget(db, people.coordinator, territory, id, { periodEnd: "2026-06-30", value: "-2" }), { value: ["Un nombre ne peut pas être négatif."] });
    await setTarget(db, people.coordinator, territory, id, { periodEnd: "2026-06-30", value: "10" });
    await setTarget(db, people.coordinator, territory, id, { periodEnd: "2026-06-30", value: "12" });
    await setTarget(db, people.coordinator, territory, id, { periodEnd: "2026-12-31", value: "24" });
    expect((await findIndicator(db, territory.id, id))?.targets.map((t) => [t.periodEnd, t.value])).toEqual([
      ["2026-06-30", 12],
      ["2026-12-31", 24],
    ]);
    await addMeasurement(db, people.coordinator, territory, id, { measuredOn: "2026-05-15", value: "150" });
    await refusedWith(updateIndicator(db, people.coordinator, territory, id, { ...base, objectiveId, name: "Ateliers", unit: "pourcentage" }), {
      unit: ["Une mesure déjà saisie ne correspond pas à cette unité (150 au 2026-05-15) : Un pourcentage est compris entre 0 et 100."],
    });
    await refusedWith(updateIndicator(db, people.coordinator, territory, id, { ...base, objectiveId, name: "Ateliers", unit: "nombre", startsOn: "2026-06-01" }), {
      startsOn: ["Une mesure déjà saisie (au 2026-05-15) sortirait de la période : élargissez-la ou supprimez d'abord cette mesure."],
    });
    await updateIndicator(db, people.coordinator, territory, id, { ...base, objectiveId, name: "Ateliers collectifs", unit: "nombre" });
    expect((await findIndicator(db, territory.id, id))?.name).toBe("Ateliers collectifs");
  });

  it("the journey counts indicators, those late and those with nothing measured this period", async () => {
    const { db } = database;
    const { id } = await createIndicator(db, people.coordinator, territory, { ...base, objectiveId, name: "Permanences tenues", unit: "nombre", baselineValue: "0", baselineOn: "2026-01-01" });
    await setTarget(db, people.coordinator, territory, id, { periodEnd: "2026-12-31", value: "100" });
    // On 2 July expected ≈ 50: 10 is late.
    await addMeasurement(db, people.coordinator, territory, id, { measuredOn: "2026-04-02", value: "10" });
    const [journey] = await journeyOf(db, territory, new Date("2026-07-02T10:00:00Z"));
    expect(journey?.phase).toBe("evaluate");
    // Six indicators written by this file so far; four have no target (only « Ateliers collectifs » and this one do).
    expect(journey?.facts[0]?.label).toBe("6 indicateurs");
    expect(journey?.missing).toEqual(["4 indicateurs sans cible."]);
    expect(journey?.next.map((s) => s.text)).toContain("1 indicateur est en retard sur sa cible");
    expect(journey?.next.some((s) => /pas encore de mesure pour la période en cours/.test(s.text))).toBe(true);
    await deleteIndicator(db, people.coordinator, territory, id);
    expect(await findIndicator(db, territory.id, id)).toBeUndefined();
  });
});
