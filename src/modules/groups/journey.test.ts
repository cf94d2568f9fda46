import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actors } from "@/modules/actors";
import type { Territory } from "@/modules/territories";
import * as groups from "./commands";
import { journeyOf, worldsPhrase } from "./journey";

let database: Database;
let territory: Territory;
let coordinator: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-parcours-groupes", name: "Angoulême" });
  const u = await createUser(database.db);
  await addMember(database.db, territory.id, u.id, "coordinator");
  coordinator = await principalOf(database.db, u.id);
});
afterAll(async () => {
  await database?.close();
});

describe("the groups' part of the journey", () => {
  it("no group yet: says so and proposes to create one", async () => {
    const [c] = await journeyOf(database.db, territory, new Date());
    expect(c).toMatchObject({ phase: "collective", missing: ["Aucun groupe de travail"], facts: [{ label: "0 groupe de travail", count: 0 }] });
    expect(c?.next).toEqual([{ text: "Créer un premier groupe de travail qui croise les mondes", href: "/espace/angouleme-parcours-groupes/groupes", urgency: "useful" }]);
  });

  it("names the missing worlds the territory could invite, and the proposals waiting", async () => {
    const [numerique] = await database.db
      .insert(actors)
      .values([
        { name: "Fablab", worlds: ["numerique"], communeCode: "16015" },
        { name: "CCAS", worlds: ["social"], communeCode: "16015" },
      ])
      .returning({ id: actors.id });
    if (!numerique) throw new Error("actor not created");
    const { id } = await groups.createGroup(database.db, coordinator, territory, { name: "Commission Jeunesse et familles", kind: "commission" });
    await groups.addMember(database.db, coordinator, territory, id, { name: "Zoé", actorId: numerique.id });
    await groups.createProposal(database.db, coordinator, territory, id, { title: "Ateliers parents-enfants" });
    await groups.createProposal(database.db, coordinator, territory, id, { title: "Permanence au collège" });
    const [c] = await journeyOf(database.db, territory, new Date());
    // Only social has a mapped actor to invite: the other seven missing worlds are not named.
    expect(c?.missing).toEqual(["Le groupe « Commission Jeunesse et familles » n'a personne du monde social"]);
    expect(c?.facts.map((f) => f.label)).toEqual(["1 groupe de travail", "2 propositions en attente"]);
    expect(c?.next).toEqual([
      { text: "Inviter des acteurs du monde social au groupe « Commission Jeunesse et familles »", href: `/espace/angouleme-parcours-groupes/groupes/${id}#equilibre`, urgency: "useful" },
      { text: "2 propositions attendent une réponse des groupes", href: `/espace/angouleme-parcours-groupes/groupes/${id}/propositions`, urgency: "useful" },
    ]);
  });

  it("says several worlds in French", () => {
    expect(worldsPhrase(["social"])).toBe("du monde social");
    expect(worldsPhrase(["social", "sante"])).toBe("des mondes social et santé");
    expect(worldsPhrase(["social", "sante", "culture"])).toBe("des mondes social, santé et culture");
  });
});
