import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { createFinding, toggleVote } from "@/modules/findings/commands";
import { actors, territoryActors } from "@/modules/actors/schema";
import type { Territory } from "@/modules/territories/queries";
import { buildReport, findReport, listReports, publishReport } from "./report";

let database: Database;
let territory: Territory;
let coordinator: Principal;
let partner: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "custom", communes: "16001, 16015, 16102", slug: "trio-rapport", name: "Trio" });
  const c = await createUser(database.db);
  await addMember(database.db, territory.id, c.id, "coordinator");
  coordinator = await principalOf(database.db, c.id);
  const p = await createUser(database.db);
  await addMember(database.db, territory.id, p.id, "partner");
  partner = await principalOf(database.db, p.id);
  const place = { id: "r-1", pivot: "00000000000000", nom: "Médiathèque", commune: "Angoulême", code_postal: "16000", code_insee: "16015", adresse: "1 rue", latitude: 45.64572, longitude: 0.15194, date_maj: "2026-01-15", services: "Aide aux démarches administratives" };
  await importPlaces(database.db, { kind: "system", label: "test" }, { bytes: new TextEncoder().encode(JSON.stringify([place])), filename: "p.json", source: "test-rapport", dryRun: false });
  const [ccas] = await database.db
    .insert(actors)
    .values([
      { name: "CCAS d'Angoulême", communeCode: "16015", worlds: ["social", "administration"] },
      { name: "Mission locale", communeCode: "16102", worlds: ["emploi_insertion"] },
    ])
    .returning();
  // "Engagé" is this territory's own follow-up of the actor (decision 006).
  if (!ccas) throw new Error("actor insert returned nothing");
  await database.db.insert(territoryActors).values({ territoryId: territory.id, actorId: ccas.id, status: "engaged" });
  const q = await createFinding(database.db, coordinator, territory, { kind: "question", text: "Personne n'aide à Abzac.", themes: ["acces_droits"], communes: ["16001"], origin: "meeting", originLabel: "Réunion du 3 mars" });
  await createFinding(database.db, coordinator, territory, { kind: "strength", text: "La médiathèque d'Angoulême forme les agents.", themes: ["competences_agents_elus"] });
  await toggleVote(database.db, partner, territory, q.id);
});

afterAll(async () => {
  await database?.close();
});

const understood = { comprends: "oui" };

describe("the État des lieux", () => {
  it("gathers the portrait, the actors and the findings of the territory", async () => {
    const report = await buildReport(database.db, territory);
    expect(report.figures).toMatchObject({ communes: 3, population: 518 + 41908 + 18532, places: 1 });
    // Abzac (7.43) and Angoulême (6.52) and Cognac (6.51) are all above 6.5: three fragile communes; median of the three = 6.52.
    expect(report.figures.fragileCommunes).toBe(3);
    expect(report.figures.ifnMedian).toBe(6.52);
    expect(report.figures.whiteZones).toEqual({ communes: 2, population: 518 + 18532 });
    expect(report.maps.map((m) => m.title)).toEqual(["Indice de fragilité numérique (IFN)", "Distance au lieu le plus proche"]);
    expect(report.maps[0]?.svg).toMatch(/^<svg[^>]+role="img"/);
    expect(report.actors).toMatchObject({ total: 2, engaged: 1, toMobilise: 1 });
    expect(report.actors.byWorld.map((w) => w.label).sort()).toEqual(["Administration", "Emploi et insertion", "Social"].sort());
    expect(report.findings.questions).toEqual([{ text: "Personne n'aide à Abzac.", themes: ["Accès aux droits et démarches en ligne"], votes: 1, origin: "Réunion du 3 mars" }]);
    expect(report.findings.strengths).toHaveLength(1);
  });

  it("publishing, which can never be undone, needs the box « Je comprends… » ticked; without it nothing is published", async () => {
    const before = (await listReports(database.db, territory.id)).length;
    const error = await expectAppError(publishReport(database.db, coordinator, territory, {}), "validation", "comprends");
    expect(error.fieldErrors).toEqual({ comprends: ["Cochez « Je comprends que cette version ne pourra plus être modifiée » pour publier."] });
    await expectAppError(publishReport(database.db, coordinator, territory, { comprends: "non" }), "validation", "comprends");
    expect((await listReports(database.db, territory.id)).length).toBe(before);
  });

  it("a coordinator publishes numbered versions whose figures stay as they were; partners cannot publish", async () => {
    await expectAppError(publishReport(database.db, partner, territory, understood), "forbidden");
    expect(await publishReport(database.db, coordinator, territory, understood)).toEqual({ version: 1 });
    await createFinding(database.db, coordinator, territory, { kind: "strength", text: "Un nouvel atout après la version 1." });
    expect(await publishReport(database.db, coordinator, territory, understood)).toEqual({ version: 2 });
    expect((await listReports(database.db, territory.id)).map((r) => r.version)).toEqual([2, 1]);
    expect((await findReport(database.db, territory.id, 1))?.data.findings.strengths).toHaveLength(1);
    expect((await findReport(database.db, territory.id, 2))?.data.findings.strengths).toHaveLength(2);
    expect(await findReport(database.db, territory.id, 3)).toBeUndefined();
  });
});
