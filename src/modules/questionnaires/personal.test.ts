import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createCampaign } from "./commands/campaigns";
import { loadDraftContext, saveStep, startResponse } from "./commands/answers";
import { fieldName, type Structure } from "./logic";
import { findCampaign, loadQuestionnaire } from "./queries";
import { computeResults, readableResults, textAnswers } from "./results";
import type { Campaign } from "./schema";
import { buildFixture, type Fixture } from "./test-fixture";

// A named campaign (not anonymous) asks the personal question "Votre courriel"; one person answers it.
let database: Database;
let territory: Territory;
let fixture: Fixture;
let structure: Structure;
const people: Record<string, Principal> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  territory = await createTestTerritory(db, { name: "Charente", slug: "charente-personnel", kind: "departement", code: "16" });
  for (const role of ["coordinator", "contributor", "partner", "observer"] as const) {
    const u = await createUser(db);
    await addMember(db, territory.id, u.id, role);
    people[role] = await principalOf(db, u.id);
  }
  fixture = await buildFixture(db, people.coordinator as Principal, territory, { publish: true });
  structure = (await loadQuestionnaire(db, territory.id, fixture.id))?.structure ?? { sections: [] };
  const created = await createCampaign(db, people.coordinator as Principal, territory, fixture.id, { label: "Nominative", anonymous: "non" });
  const campaign = (await findCampaign(db, territory.id, fixture.id, created.id)) as Campaign;
  const f = (key: string) => fieldName(fixture.q[key] as string);
  const { token } = await startResponse(db, campaign, { kind: "web" });
  const screens = [
    { [f("ordinateur")]: "oui", [f("aise")]: "4" },
    { [f("age")]: "30-a-59-ans", [f("commune")]: "Angoulême", [f("courriel")]: "jeanne.habitante@exemple.test" },
  ];
  for (const [i, form] of screens.entries()) {
    const context = await loadDraftContext(db, token);
    if (!context) throw new Error("draft");
    await saveStep(db, context, { kind: "web" }, i + 1, form, { finish: i === screens.length - 1, clientKey: "un-appareil" });
  }
});
afterAll(async () => {
  await database?.close();
});

describe("answers to a personal question on the results page", () => {
  it.each([
    ["coordinator", true],
    ["contributor", true],
    ["partner", false],
    ["observer", false],
  ] as const)("%s reads the address typed in the personal question: %s", async (role, reads) => {
    const all = await computeResults(database.db, territory.id, fixture.id, structure);
    const view = readableResults(people[role] as Principal, territory, structure);
    const courriel = view.results(all).questions.find((q) => q.id === fixture.q.courriel);
    const shown = JSON.stringify(courriel);
    expect(shown.includes("jeanne.habitante@exemple.test")).toBe(reads);
    expect(courriel?.answered).toBe(reads ? 1 : 0);
    expect(view.readable(fixture.q.courriel as string)).toBe(reads);
    // The other questions stay readable by every member.
    expect(view.results(all).questions.find((q) => q.id === fixture.q.age)?.answered).toBe(1);
  });

  it("the raw answers really hold the address (what the page hides is there to hide)", async () => {
    const texts = await textAnswers(database.db, territory.id, fixture.id, structure, fixture.q.courriel as string, { profile: [] }, 1);
    expect(texts.items.map((t) => t.text)).toEqual(["jeanne.habitante@exemple.test"]);
  });

  it("an observer cannot filter by a personal answer (a filter would count it)", () => {
    const view = readableResults(people.observer as Principal, territory, structure);
    const filters = view.filters({ profile: [{ questionId: fixture.q.courriel as string, value: "x" }, { questionId: fixture.q.age as string, value: "30-a-59-ans" }], commune: "16015" });
    expect(filters).toEqual({ profile: [{ questionId: fixture.q.age, value: "30-a-59-ans" }], commune: "16015" });
  });
});
