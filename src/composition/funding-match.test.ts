import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actors } from "@/modules/actors";
import { createSource, deleteSource } from "@/modules/funding/commands";
import { addDeadline } from "@/modules/funding/commands";
import { loadFundingReference, referenceSourceIds } from "@/modules/funding";
import { planActions, planBudgetLines, planFundings, planVersions } from "@/modules/plan";
import type { Territory } from "@/modules/territories";
import { actionsForFunding, loadFundingMatch, sourceUsage } from "./funding-match";

let database: Database;
let territory: Territory;
let other: Territory;
let coordinator: Principal;
let actionId: string;
let localId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await loadFundingReference(database.db);
  // Grand Angoulême (EPCI 200071827, Charente 16, Nouvelle-Aquitaine 75).
  territory = await createTestTerritory(database.db, { kind: "epci", code: "200071827", slug: "ga-match", name: "Grand Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-match", name: "Cognac" });
  const u = await createUser(database.db);
  await addMember(database.db, territory.id, u.id, "coordinator");
  coordinator = await principalOf(database.db, u.id);
  const [lead] = await database.db.insert(actors).values({ name: "Centre social de Soyaux", legalType: "association" }).returning({ id: actors.id });
  const [version] = await database.db.insert(planVersions).values({ territoryId: territory.id, number: 1, title: "Plan 2027–2028", kind: "pluriannuel", startYear: 2027, endYear: 2028 }).returning({ id: planVersions.id });
  const [action] = await database.db
    .insert(planActions)
    .values({ territoryId: territory.id, versionId: version?.id as string, title: "Ateliers numériques pour les familles", leadActorId: lead?.id, themes: ["parentalite_education"], communes: ["16374"], startMonth: "2027-09-01", endMonth: "2028-06-01" })
    .returning({ id: planActions.id });
  actionId = action?.id as string;
  // 10 000 € planned, 3 000 € granted, 2 000 € only asked: 7 000 € to find.
  await database.db.insert(planBudgetLines).values([
    { actionId, year: 2027, item: "Animation", planned: 6000 },
    { actionId, year: 2028, item: "Animation", planned: 4000 },
  ]);
  const caf = (await referenceSourceIds(database.db, ["caf-fonds-locaux"])).get("caf-fonds-locaux") as string;
  await database.db.insert(planFundings).values([
    { actionId, sourceId: caf, year: 2027, status: "accorde", amount: 3000 },
    { actionId, funderLabel: "Commune", year: 2027, status: "demande", amount: 2000 },
  ]);
  localId = (await createSource(database.db, coordinator, territory, { name: "Fonds familles de l'agglomération", aidKind: "subvention", themes: ["parentalite_education"], bearers: ["association"], amountMax: "8000" })).id;
  await addDeadline(database.db, coordinator, territory, localId, { kind: "depot", date: "2027-06-30" });
  await database.db.insert(planFundings).values({ actionId, sourceId: localId, year: 2028, status: "envisage", amount: 1000 });
});

afterAll(async () => {
  await database?.close();
});

describe("funding for one action of the plan", () => {
  it("ranks the sources that fit the action, with the money still to find and the reasons in words", async () => {
    const page = await loadFundingMatch(database.db, territory.id, actionId, "2027-05-01");
    expect(page?.planned).toBe(10000);
    expect(page?.secured).toBe(3000);
    expect(page?.matchAction.amountNeeded).toBe(7000);
    expect(page?.matchAction.places).toEqual({ communes: ["16374"], epcis: ["200071827"], departements: ["16"], regions: ["75"] });
    // Only sources with the theme "parentalité" (or none) and open to associations fit.
    const names = page?.matches.map((m) => m.source.name);
    expect(names?.[0]).toBe("Fonds familles de l'agglomération");
    expect(names).toContain("CAF : fonds locaux et action sociale");
    expect(names).toContain("Appels à projets des fondations");
    expect(names).not.toContain("Dotation d'équipement des territoires ruraux (DETR)");
    expect(names).not.toContain("Fonds social européen plus (FSE+)");
    const first = page?.matches[0];
    expect(first?.reasons.map((r) => r.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Thème commun : Parentalité et éducation avec le numérique.",
      "Finance sur l'intercommunalité où l'action a lieu : CA du Grand Angoulême (200071827).",
      "Le porteur de l'action (association) fait partie des porteurs éligibles.",
      "Prochaine échéance le 30 juin 2027, avant le début de l'action.",
      "Son plafond (8 000 €) couvre les 7 000 € à trouver.",
      "Source locale, connue de la coordination.",
    ]);
  });

  it("an action of another territory, or an id that is not one, is not found", async () => {
    expect(await loadFundingMatch(database.db, other.id, actionId, "2027-05-01")).toBeUndefined();
    expect(await loadFundingMatch(database.db, territory.id, "pas-un-id", "2027-05-01")).toBeUndefined();
    expect(await actionsForFunding(database.db, territory.id)).toEqual([{ id: actionId, title: "Ateliers numériques pour les familles" }]);
    expect(await actionsForFunding(database.db, other.id)).toEqual([]);
  });

  it("a source used by co-funding rows is not deleted: still_used, and the page lists the actions", async () => {
    await expectAppError(deleteSource(database.db, coordinator, territory, localId), "still_used");
    expect(await sourceUsage(database.db, territory.id, localId)).toEqual([{ id: actionId, title: "Ateliers numériques pour les familles", version: 1 }]);
    expect(await sourceUsage(database.db, other.id, localId)).toEqual([]);
  });
});
