import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories";
import { decisionsOf } from "@/modules/meetings";
import { listGroups } from "@/modules/groups/queries";
import { contactsOf, listBodies } from "@/modules/governance/queries";
import { journeyOf } from "@/modules/governance/journey";
import { seedDemoGroups } from "./groups";
import { DEMO_BODY_NAMES, seedDemoGovernance } from "./governance";

let database: Database;
let territory: Territory;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-gouvernance-demo", name: "Charente" });
  for (const [email, role] of [["coordination@demo.maillage.fr", "coordinator"], ["partenaire@demo.maillage.fr", "partner"], ["contribution@demo.maillage.fr", "contributor"]] as const) {
    const u = await createUser(database.db, { email, name: email.split("@")[0] });
    await addMember(database.db, territory.id, u.id, role);
  }
});
afterAll(async () => {
  await database?.close();
});

describe("demo governance", () => {
  it("a comité de pilotage and a comité technique, each with a meeting ahead; decisions with one overdue follow-up; public contacts", async () => {
    await seedDemoGroups(database.db, territory.id);
    const now = new Date();
    expect(await seedDemoGovernance(database.db, territory.id, now)).toEqual({ bodies: 2, decisions: 3 });
    expect((await listBodies(database.db, territory.id, now)).map((b) => [b.name, b.kind, b.rhythm, b.members, b.behind])).toEqual([
      [DEMO_BODY_NAMES.copil, "comite_pilotage", "trimestriel", 5, false],
      [DEMO_BODY_NAMES.cotech, "comite_technique", "mensuel", 5, false],
    ]);
    // The working groups' list keeps only the working groups.
    expect((await listGroups(database.db, territory.id)).map((g) => g.kind).sort()).toEqual(["commission", "groupe_de_travail"]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
    const all = await decisionsOf(database.db, territory.id);
    expect(all.filter((d) => d.dueOn && d.dueOn < today && !d.doneAt).map((d) => d.groupName)).toEqual([DEMO_BODY_NAMES.copil]);
    const [part] = await journeyOf(database.db, territory, now);
    expect(part?.missing).toEqual([]);
    expect(part?.facts.map((f) => f.label)).toEqual(["2 instances de gouvernance", "1 décision attend son suivi"]);
    expect((await contactsOf(database.db, territory.id)).map((c) => c.name)).toEqual(["Claire Dupuis (démo)", "Yanis Haddad (démo)"]);
  });
});
