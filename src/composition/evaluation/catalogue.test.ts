import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { insertPlanActions, insertPlanVersion } from "@/testing/plan-rows";
import { accompanimentStats } from "@/modules/accompaniments";
import { createIndicator, indicatorMeasurements, listIndicators } from "@/modules/indicators";
import { questionnaireAnswers, questionnaireCampaigns, questionnaireQuestions, questionnaireResponses, questionnaires, questionnaireSections } from "@/modules/questionnaires/schema";
import { strategyObjectives } from "@/modules/strategy";
import type { Territory } from "@/modules/territories/queries";
import { computedCatalogue, computedEntry, computedKeys, twelveMonthsUpTo } from "./catalogue";
import { dueSnapshots, takeSnapshots } from "./snapshot";

let database: Database;
let territory: Territory;
let other: Territory;

function entry(key: string) {
  const e = computedEntry(key);
  if (!e) throw new Error(`no entry ${key}`);
  return e;
}

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-evaluation", name: "Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-evaluation", name: "Cognac" });
});

afterAll(async () => {
  await database?.close();
});

describe("the computed indicators' catalogue", () => {
  it("is a list of entries with distinct keys, each with a unit", () => {
    expect(new Set(computedKeys).size).toBe(computedCatalogue.length);
    expect(computedKeys).toEqual(["places", "places_per_10k", "white_zone_population", "question_share", "accompaniments_theme", "accompaniments_public", "actions_on_track_share", "commitments_kept_share", "signed_partners_share"]);
  });

  it("counts the 12 months that end with the date's month", () => {
    expect(twelveMonthsUpTo("2026-06-15")).toEqual({ from: "2025-07-01", to: "2026-06-01" });
    expect(twelveMonthsUpTo("2026-01-31")).toEqual({ from: "2025-02-01", to: "2026-01-01" });
  });

  it("share of actions on track: in the latest version, ideas and abandoned actions left out", async () => {
    const { db } = database;
    expect(await entry("actions_on_track_share").compute(db, territory, "2026-06-15", {})).toBeNull();
    const v1 = await insertPlanVersion(db, territory.id, { number: 1, startYear: 2026, endYear: 2027 });
    await insertPlanActions(db, territory.id, v1.id, [{ title: "Ancienne", status: "en_retard" }]);
    const v2 = await insertPlanVersion(db, territory.id, { number: 2, startYear: 2026, endYear: 2027 });
    await insertPlanActions(db, territory.id, v2.id, [
      { title: "A", status: "en_cours" },
      { title: "B", status: "planifiee" },
      { title: "C", status: "en_retard" },
      { title: "D", status: "bloquee" },
      { title: "E", status: "terminee" },
      { title: "F", status: "en_pause" },
      { title: "G", status: "idee" },
      { title: "H", status: "abandonnee" },
    ]);
    // Counted: A B C D E F (6); on track: A B E (3) → 50 %.
    expect(await entry("actions_on_track_share").compute(db, territory, "2026-06-15", {})).toBe(50);
    expect(await entry("actions_on_track_share").compute(db, other, "2026-06-15", {})).toBeNull();
  });

  it("people accompanied by theme or public over 12 rolling months, from the pre-aggregated statistics", async () => {
    const { db } = database;
    const place = "00000000-0000-4000-8000-000000000001";
    const row = (territoryId: string, month: string, dimension: string, value: string, people: number) => ({ territoryId, month, placeId: place, dimension, value, records: 1, people, minutes: 60 });
    await db.insert(accompanimentStats).values([
      row(territory.id, "2026-06-01", "theme", "demarches", 10),
      row(territory.id, "2025-07-01", "theme", "demarches", 5),
      row(territory.id, "2025-06-01", "theme", "demarches", 100), // 13 months before: out
      row(territory.id, "2026-07-01", "theme", "demarches", 50), // after the date's month: out
      row(territory.id, "2026-03-01", "theme", "materiel", 3),
      row(territory.id, "2026-03-01", "total", "", 13),
      row(territory.id, "2026-03-01", "status", "retraite", 7),
      row(territory.id, "2026-04-01", "age", "60_69", 4),
      row(other.id, "2026-06-01", "theme", "demarches", 1000),
    ]);
    const theme = entry("accompaniments_theme");
    expect(await theme.compute(db, territory, "2026-06-15", { theme: "demarches" })).toBe(15);
    expect(await theme.compute(db, territory, "2026-06-15", {})).toBe(13);
    const publics = entry("accompaniments_public");
    expect(await publics.compute(db, territory, "2026-06-15", { public: "status:retraite" })).toBe(7);
    expect(await publics.compute(db, territory, "2026-06-15", { public: "age:60_69" })).toBe(4);
    expect(await publics.compute(db, territory, "2026-06-15", { public: "nimporte" })).toBeNull();
  });

  it("a question's share: chosen among answered, excluded and unsent responses left out, up to the date", async () => {
    const { db } = database;
    const [q] = await db.insert(questionnaires).values({ territoryId: territory.id, title: "Habitants", audience: "inhabitants", status: "published" }).returning();
    if (!q) throw new Error("no questionnaire");
    const [section] = await db.insert(questionnaireSections).values({ questionnaireId: q.id, position: 0, title: "Usages" }).returning();
    if (!section) throw new Error("no section");
    const [question] = await db.insert(questionnaireQuestions).values({ questionnaireId: q.id, sectionId: section.id, position: 0, type: "single", label: "Vous sentez-vous à l'aise ?" }).returning();
    const [multiple] = await db.insert(questionnaireQuestions).values({ questionnaireId: q.id, sectionId: section.id, position: 1, type: "multiple", label: "Vos usages" }).returning();
    const [campaign] = await db.insert(questionnaireCampaigns).values({ territoryId: territory.id, questionnaireId: q.id, token: "tok-eval", label: "Marché" }).returning();
    if (!question || !multiple || !campaign) throw new Error("fixture rows missing");
    const answer = async (key: string, keys: string[], submittedAt: Date | null, excluded = false) => {
      const [r] = await db.insert(questionnaireResponses).values({ territoryId: territory.id, questionnaireId: q.id, campaignId: campaign.id, submittedAt, excluded }).returning();
      if (!r) throw new Error("no response");
      await db.insert(questionnaireAnswers).values([
        { responseId: r.id, questionId: question.id, key },
        { responseId: r.id, questionId: multiple.id, keys },
      ]);
    };
    await answer("oui", ["mail", "banque"], new Date("2026-03-01T10:00:00Z"));
    await answer("oui", ["mail"], new Date("2026-03-02T10:00:00Z"));
    await answer("non", ["banque"], new Date("2026-03-03T10:00:00Z"));
    await answer("non", [], new Date("2026-03-04T10:00:00Z"));
    await answer("oui", ["mail"], new Date("2026-03-05T10:00:00Z"), true); // excluded
    await answer("oui", ["mail"], null); // a draft, never sent
    await answer("non", ["banque"], new Date("2026-05-01T10:00:00Z")); // after the first date
    const share = entry("question_share");
    // Up to 31 March: 4 answered, 2 « oui » → 50 %; up to 1 May: 5 answered, 2 « oui » → 40 %.
    expect(await share.compute(db, territory, "2026-03-31", { question: question.id, choice: "oui" })).toBe(50);
    expect(await share.compute(db, territory, "2026-05-01", { question: question.id, choice: "oui" })).toBe(40);
    // Multiple choices: « banque » chosen by 3 of 5 → 60 %.
    expect(await share.compute(db, territory, "2026-06-01", { question: multiple.id, choice: "banque" })).toBe(60);
    expect(await share.compute(db, territory, "2026-02-01", { question: question.id, choice: "oui" })).toBeNull();
    expect(await share.compute(db, other, "2026-06-01", { question: question.id, choice: "oui" })).toBeNull();
  });

  it("snapshots each computed indicator once per period, dated the day it runs, and never twice", async () => {
    const { db } = database;
    const u = await createUser(db);
    await addMember(db, territory.id, u.id, "coordinator");
    const coordinator = await principalOf(db, u.id);
    const [objective] = await db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Tenir le cap", horizon: "court" }).returning();
    if (!objective) throw new Error("no objective");
    const { id } = await createIndicator(
      db,
      coordinator,
      territory,
      { name: "Actions qui tiennent leur cap", unit: "pourcentage", direction: "hausse", periodicity: "mensuelle", startsOn: "2026-01-01", endsOn: "2026-12-31", source: "calcule", computedKey: "actions_on_track_share", objectiveId: objective.id },
      computedKeys,
    );
    const june = new Date("2026-06-15T10:00:00Z");
    expect((await dueSnapshots(db, "2026-06-15")).map((i) => i.id)).toContain(id);
    const first = await takeSnapshots(db, june, { territoryId: territory.id });
    expect(first.written).toBe(1);
    // Run again the same day, then later in the same month: nothing more.
    expect((await takeSnapshots(db, june, { territoryId: territory.id })).written).toBe(0);
    expect((await takeSnapshots(db, new Date("2026-06-28T10:00:00Z"), { territoryId: territory.id })).written).toBe(0);
    // Next month: a new value.
    expect((await takeSnapshots(db, new Date("2026-07-02T10:00:00Z"), { territoryId: territory.id })).written).toBe(1);
    const rows = await db.select().from(indicatorMeasurements).where(eq(indicatorMeasurements.indicatorId, id));
    expect(rows.map((r) => [r.measuredOn, r.value, r.computed]).sort()).toEqual([
      ["2026-06-15", 50, true],
      ["2026-07-02", 50, true],
    ]);
    const [listed] = (await listIndicators(db, territory.id)).filter((i) => i.id === id);
    expect(listed?.measurements.map((m) => m.enteredByLabel)).toEqual(["Calculé par Maillage", "Calculé par Maillage"]);
  });
});
