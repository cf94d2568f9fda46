import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { actors } from "@/modules/actors";
import { territoryActors } from "@/modules/actors/schema";
import { createFinding } from "@/modules/findings";
import { toggleVote } from "@/modules/findings/commands";
import { importPlaces } from "@/modules/places/commands";
import { questionnaireCampaigns, questionnaires } from "@/modules/questionnaires/schema";
import { territoryJourney } from "./load";

let database: Database;
let territory: Territory;
let coordinator: Principal;
const now = new Date("2026-12-06T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "custom", communes: "16001, 16015, 16102", slug: "trio-parcours", name: "Trio" });
  const c = await createUser(database.db);
  await addMember(database.db, territory.id, c.id, "coordinator");
  coordinator = await principalOf(database.db, c.id);
});

afterAll(async () => {
  await database?.close();
});

const phase = async (id: string) => (await territoryJourney(database.db, territory, now)).phases.find((p) => p.id === id);

describe("the journey of a territory", () => {
  it("a new territory: nothing exists yet, each served phase says what to do first, the others say nobody serves them", async () => {
    const journey = await territoryJourney(database.db, territory, now);
    const map = journey.phases[0];
    expect(map?.facts).toEqual([]);
    expect(map?.missing).toEqual([
      "Aucun acteur cartographié.",
      "Aucun lieu de médiation numérique recensé dans le périmètre.",
      "Aucune autoévaluation de maturité des acteurs partenaires.",
    ]);
    expect(map?.next.map((s) => s.href)).toEqual(["/espace/trio-parcours/acteurs/nouveau", "/espace/trio-parcours/lieux", "/espace/trio-parcours/maturite"]);
    const diagnose = journey.phases[1];
    expect(diagnose?.facts.map((f) => f.label)).toEqual(["Portrait du territoire (lieux, distances, zones blanches)"]);
    expect(diagnose?.missing).toEqual(["L'état des lieux n'est pas encore publié.", "Aucun questionnaire.", "Aucun constat relevé."]);
    // Issue 13: the charter (phase 6) and the evaluation (phase 7) are served; only cooperation between territories is not yet.
    expect(journey.phases.filter((p) => !p.served).map((p) => p.id)).toEqual(["cooperate"]);
    expect(journey.phases.find((p) => p.id === "commitments")?.missing).toEqual(["Aucune charte d'engagements"]);
    expect(journey.phases.find((p) => p.id === "evaluate")?.missing).toEqual(["Aucun indicateur pour suivre le plan.", "Aucun accompagnement enregistré ce mois-ci."]);
    expect(journey.urgent).toEqual([]);
  });

  it("counts places, actors, worlds and names the worlds nobody represents", async () => {
    const place = { id: "r-1", pivot: "00000000000000", nom: "Médiathèque", commune: "Angoulême", code_postal: "16000", code_insee: "16015", adresse: "1 rue", latitude: 45.64572, longitude: 0.15194, date_maj: "2026-01-15", services: "Aide aux démarches administratives" };
    await importPlaces(database.db, { kind: "system", label: "test" }, { bytes: new TextEncoder().encode(JSON.stringify([place])), filename: "p.json", source: "test-parcours", dryRun: false });
    const [ccas] = await database.db
      .insert(actors)
      .values([
        { name: "CCAS d'Angoulême", communeCode: "16015", worlds: ["social", "administration"] },
        { name: "Mission locale", communeCode: "16102", worlds: ["emploi_insertion", "education_jeunesse", "numerique", "culture", "economie"] },
        // Outside the perimeter (Confolens): not counted.
        { name: "Ailleurs", communeCode: "16106", worlds: ["sante"] },
      ])
      .returning();
    if (!ccas) throw new Error("insert returned nothing");
    await database.db.insert(territoryActors).values({ territoryId: territory.id, actorId: ccas.id, status: "engaged" });
    const map = await phase("map");
    expect(map?.facts.map((f) => f.label)).toEqual(["2 acteurs cartographiés", "1 acteur engagé dans la démarche", "7 mondes sur 9 représentés", "1 lieu de médiation numérique dans le périmètre"]);
    expect(map?.missing).toEqual(["Mondes absents : santé, habitants.", "Aucune autoévaluation de maturité des acteurs partenaires."]);
    expect(map?.next[0]).toEqual({ text: "Cartographier des acteurs des mondes absents (santé, habitants)", href: "/espace/trio-parcours/acteurs/nouveau", urgency: "useful" });
  });

  it("counts findings and support, and puts a campaign closing within a week first, as urgent", async () => {
    const q = await createFinding(database.db, coordinator, territory, { kind: "question", text: "Personne n'aide à Abzac.", themes: [], communes: [] });
    await createFinding(database.db, coordinator, territory, { kind: "strength", text: "La médiathèque forme les agents.", themes: [] });
    let diagnose = await phase("diagnose");
    expect(diagnose?.facts.map((f) => f.label)).toContain("1 atout et 1 questionnement");
    expect(diagnose?.next.map((s) => s.text)).toContain("Demander aux partenaires de soutenir les questions qui comptent le plus");
    await toggleVote(database.db, coordinator, territory, q.id);
    const [questionnaire] = await database.db.insert(questionnaires).values({ territoryId: territory.id, title: "Habitants", audience: "inhabitants", status: "published" }).returning();
    if (!questionnaire) throw new Error("insert returned nothing");
    await database.db.insert(questionnaireCampaigns).values([
      { territoryId: territory.id, questionnaireId: questionnaire.id, token: "parcours-1", label: "Marché de Cognac", closesAt: new Date("2026-12-10T18:00:00Z") },
      { territoryId: territory.id, questionnaireId: questionnaire.id, token: "parcours-2", label: "En ligne", closesAt: new Date("2027-02-01T18:00:00Z") },
      { territoryId: territory.id, questionnaireId: questionnaire.id, token: "parcours-3", label: "Terminée", closesAt: new Date("2026-12-01T18:00:00Z") },
    ]);
    const journey = await territoryJourney(database.db, territory, now);
    diagnose = journey.phases.find((p) => p.id === "diagnose");
    expect(diagnose?.facts.map((f) => f.label)).toEqual([
      "Portrait du territoire (lieux, distances, zones blanches)",
      "1 questionnaire, dont 1 publié",
      "2 campagnes ouvertes",
      "1 atout et 1 questionnement",
      "1 soutien des partenaires pour prioriser",
    ]);
    expect(journey.urgent).toEqual([
      { text: "La campagne « Marché de Cognac » se termine le 10 décembre 2026 : relayez-la encore", href: "/espace/trio-parcours/questionnaires", urgency: "urgent", phase: "2. Diagnostiquer" },
    ]);
    expect(diagnose?.next[0]?.urgency).toBe("urgent");
    const strategy = journey.phases.find((p) => p.id === "strategy");
    expect(strategy?.next[0]?.text).toBe("1 question prioritaire du diagnostic n'a pas encore d'objectif");
  });
});

describe("the public journey", () => {
  it("shows only what the territory publishes, and no step to take", async () => {
    const { publicJourney } = await import("./public");
    const journey = await publicJourney(database.db, territory);
    const map = journey.phases[0];
    expect(map?.facts).toEqual([
      { label: "2 acteurs cartographiés", count: 2, href: "/territoires/trio-parcours/acteurs" },
      { label: "1 lieu de médiation numérique", count: 1, href: "/territoires/trio-parcours/lieux" },
    ]);
    // Findings and questionnaires are the workspace's: nothing of them here.
    expect(journey.phases.find((p) => p.id === "diagnose")?.facts).toEqual([]);
    expect(journey.phases.flatMap((p) => p.next)).toEqual([]);
    expect(journey.phases.filter((p) => p.served).map((p) => p.id)).toEqual(["map"]);
  });
});

describe("once the état des lieux and a plan version are published", () => {
  it("both journeys say so, with their dates; an unpublished plan version stays out of the public one", async () => {
    const { diagnosticReports } = await import("@/modules/diagnostic");
    const { planVersions } = await import("@/modules/plan");
    const { publicJourney } = await import("./public");
    const published = new Date("2026-11-20T10:00:00Z");
    await database.db.insert(diagnosticReports).values({ territoryId: territory.id, version: 1, publishedAt: published, snapshot: {} });
    await database.db.insert(planVersions).values([
      { territoryId: territory.id, number: 1, title: "Plan 2027", kind: "annuel", startYear: 2027, endYear: 2027, frozenAt: published, publishedAt: published },
      { territoryId: territory.id, number: 2, title: "Plan 2027-2028 (travail)", kind: "pluriannuel", startYear: 2027, endYear: 2028 },
    ]);
    const diagnose = await phase("diagnose");
    expect(diagnose?.facts[1]).toEqual({ label: "État des lieux publié (version 1)", date: published, href: "/espace/trio-parcours/diagnostic/etat-des-lieux" });
    expect(diagnose?.missing).not.toContain("L'état des lieux n'est pas encore publié.");
    const pub = await publicJourney(database.db, territory);
    expect(pub.phases.find((p) => p.id === "diagnose")?.facts).toEqual([{ label: "État des lieux publié (version 1)", date: published }]);
    expect(pub.phases.find((p) => p.id === "strategy")?.facts).toEqual([{ label: "Plan d'action publié : « Plan 2027 » (version 1)", date: published, href: "/territoires/trio-parcours/plan" }]);
  });
});
