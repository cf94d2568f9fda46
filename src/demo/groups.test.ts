import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser } from "@/testing/factories";
import { balanceOfMembers, inviteSuggestions, listGroups, listProposals, listWatchItems, membersOf } from "@/modules/groups/queries";
import type { Territory } from "@/modules/territories";
import { DEMO_GROUP_NAMES, seedDemoGroups } from "./groups";

let database: Database;
let territory: Territory;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-groupes-demo", name: "Charente" });
  for (const [email, role] of [["coordination@demo.maillage.fr", "coordinator"], ["partenaire@demo.maillage.fr", "partner"], ["contribution@demo.maillage.fr", "contributor"]] as const) {
    const u = await createUser(database.db, { email, name: email.split("@")[0] });
    await addMember(database.db, territory.id, u.id, role);
  }
});
afterAll(async () => {
  await database?.close();
});

describe("demo groups", () => {
  it("two groups with the names the meetings' demo looks for; the inclusion group misses the social world, with social structures to invite", async () => {
    const ids = await seedDemoGroups(database.db, territory.id);
    expect((await listGroups(database.db, territory.id)).map((g) => [g.name, g.members, g.openProposals])).toEqual([
      [DEMO_GROUP_NAMES.jeunesse, 4, 1],
      [DEMO_GROUP_NAMES.inclusion, 4, 2],
    ]);
    expect(DEMO_GROUP_NAMES).toEqual({ inclusion: "Groupe de travail Inclusion numérique", jeunesse: "Commission Jeunesse et familles" });
    const balance = balanceOfMembers(await membersOf(database.db, territory.id, ids.inclusion));
    expect(balance.missing).toContain("social");
    const social = (await inviteSuggestions(database.db, territory.id, ids.inclusion, balance.missing)).find((s) => s.world === "social");
    expect(social?.actors.map((a) => a.name)).toEqual(["Caisse d'allocations familiales, antenne d'Angoulême (démo)", "CCAS de Ruelle-sur-Touvre (démo)", "Maison des solidarités de Cognac (démo)"]);
    const [first] = await listProposals(database.db, territory.id, ids.inclusion);
    expect(first).toMatchObject({ title: "Une permanence numérique dans chaque France Services du nord charentais", supports: 2, comments: 1 });
    expect(await listWatchItems(database.db, territory.id, { theme: "parentalite_education" })).toHaveLength(1);
  });
});
