import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createCampaign } from "./commands/campaigns";
import { loadDraftContext, saveStep, startResponse } from "./commands/answers";
import { allQuestions, fieldName } from "./logic";
import { answeredChoices, answeredCommunes, answeredQuestions, findCampaign, loadStructure } from "./queries";
import type { Campaign } from "./schema";
import { buildFixture, type Fixture } from "./test-fixture";

// Questionnaire reads by id take the territory id too: another territory reads nothing, a missing id is refused.
let database: Database;
let territory: Territory;
let other: Territory;
let fixture: Fixture;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  territory = await createTestTerritory(db, { name: "Charente", slug: "charente-tenancy-q", kind: "departement", code: "16" });
  other = await createTestTerritory(db, { name: "Cognac", slug: "cognac-tenancy-q", kind: "commune", code: "16102" });
  const u = await createUser(db);
  await addMember(db, territory.id, u.id, "coordinator");
  const coordinator: Principal = await principalOf(db, u.id);
  fixture = await buildFixture(db, coordinator, territory, { publish: true });
  const created = await createCampaign(db, coordinator, territory, fixture.id, { label: "Marché", anonymous: "oui" });
  const campaign = (await findCampaign(db, territory.id, fixture.id, created.id)) as Campaign;
  const f = (key: string) => fieldName(fixture.q[key] as string);
  const { token } = await startResponse(db, campaign, { kind: "web" });
  const screens = [{ [f("ordinateur")]: "oui", [f("aise")]: "4" }, { [f("age")]: "30-a-59-ans", [f("commune")]: "Angoulême" }];
  for (const [i, form] of screens.entries()) {
    const context = await loadDraftContext(db, token);
    if (!context) throw new Error("draft");
    await saveStep(db, context, { kind: "web" }, i + 1, form, { finish: i === screens.length - 1, clientKey: "un-appareil" });
  }
});
afterAll(async () => {
  await database?.close();
});

describe("questionnaire reads by id keep to the territory", () => {
  it("the structure is read in its territory only", async () => {
    expect(allQuestions(await loadStructure(database.db, territory.id, fixture.id))).toHaveLength(9);
    expect(await loadStructure(database.db, other.id, fixture.id)).toEqual({ sections: [] });
  });

  it("answered questions, choices and communes are counted in the territory only", async () => {
    const q = fixture.q as Record<string, string>;
    expect([...(await answeredQuestions(database.db, territory.id, [q.ordinateur ?? "", q.pourquoi ?? ""]))]).toEqual([q.ordinateur]);
    expect([...(await answeredQuestions(database.db, other.id, [q.ordinateur ?? ""]))]).toEqual([]);
    expect([...(await answeredChoices(database.db, territory.id, q.ordinateur ?? ""))]).toEqual(["oui"]);
    expect([...(await answeredChoices(database.db, other.id, q.ordinateur ?? ""))]).toEqual([]);
    expect(await answeredCommunes(database.db, territory.id, q.commune ?? "")).toEqual([{ code: "16015", name: "Angoulême" }]);
    expect(await answeredCommunes(database.db, other.id, q.commune ?? "")).toEqual([]);
  });

  it("a missing territory id is refused with territory_required, not read across territories", async () => {
    const q = fixture.q as Record<string, string>;
    await expect(loadStructure(database.db, "", fixture.id)).rejects.toMatchObject({ id: "territory_required" });
    await expect(answeredQuestions(database.db, "", [q.ordinateur ?? ""])).rejects.toMatchObject({ id: "territory_required" });
    await expect(answeredChoices(database.db, "", q.ordinateur ?? "")).rejects.toMatchObject({ id: "territory_required" });
    await expect(answeredCommunes(database.db, "", q.commune ?? "")).rejects.toMatchObject({ id: "territory_required" });
  });
});
