import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { setPartnersRecordFindings } from "./commands";
import { findingAbilitiesIn } from "./queries";

// The finding shortcut of other pages (questionnaire results) follows the territory's real setting:
// it once asked the policy with "partners may not record" written in, so allowed partners never saw it.
let database: Database;
let territory: Territory;
const people = {} as Record<"coordinator" | "partner" | "observer", Principal>;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-raccourci", name: "Angoulême" });
  for (const role of ["coordinator", "partner", "observer"] as const) {
    const u = await createUser(database.db);
    await addMember(database.db, territory.id, u.id, role);
    people[role] = await principalOf(database.db, u.id);
  }
});
afterAll(async () => {
  await database?.close();
});

describe("who may record a finding, with the territory's setting", () => {
  it("by default coordination only; once the setting allows partners, partners too; observers never", async () => {
    const records = async () => Promise.all((["coordinator", "partner", "observer"] as const).map(async (r) => (await findingAbilitiesIn(database.db, people[r], territory)).record));
    expect(await records()).toEqual([true, false, false]);
    await setPartnersRecordFindings(database.db, people.coordinator, territory, true);
    expect(await records()).toEqual([true, true, false]);
    await setPartnersRecordFindings(database.db, people.coordinator, territory, false);
    expect(await records()).toEqual([true, false, false]);
  });
});
