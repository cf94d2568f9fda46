import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { buildReport } from "./report";
import { createCampaign } from "@/modules/questionnaires/commands/campaigns";
import { loadDraftContext, saveStep, startResponse } from "@/modules/questionnaires/commands/answers";
import { fieldName, shownFieldName } from "@/modules/questionnaires/logic";
import { findCampaign } from "@/modules/questionnaires/queries";
import { questionnaireQuestions, type Campaign } from "@/modules/questionnaires/schema";
import { buildFixture } from "@/modules/questionnaires/test-fixture";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("questionnaires in the État des lieux", () => {
  it("show each questionnaire's most answered choice questions and their most frequent answers", async () => {
    const db = database.db;
    const territory = await createTestTerritory(db, { name: "Charente", slug: "charente-etat", kind: "departement", code: "16" });
    const u = await createUser(db);
    await addMember(db, territory.id, u.id, "coordinator");
    const principal = await principalOf(db, u.id);
    const fixture = await buildFixture(db, principal, territory, { publish: true });
    const camp = (await findCampaign(db, territory.id, fixture.id, (await createCampaign(db, principal, territory, fixture.id, { label: "Campagne" })).id)) as Campaign;
    const f = (k: string) => fieldName(fixture.q[k] as string);
    for (const answer of ["oui", "oui", "non"]) {
      const { token } = await startResponse(db, camp, { kind: "web" });
      // As sent by a page with JavaScript: "pourquoi" (if Q1 = non) shown on the screen, left blank; no follow-up screen.
      const steps = [{ [f("ordinateur")]: answer, [shownFieldName(fixture.q.pourquoi as string)]: "1", [f("aise")]: "3" }, { [f("commune")]: "16000" }];
      // Each screen saved is the one the previous save led to (a follow-up screen may be skipped).
      let step = 1;
      for (const [i, form] of steps.entries()) {
        const context = await loadDraftContext(db, token);
        const outcome = context ? await saveStep(db, context, { kind: "web" }, step, form, { finish: i === 1, clientKey: `k-${Math.random()}` }) : undefined;
        if (outcome && "next" in outcome) step = outcome.next;
      }
    }
    const report = await buildReport(db, { ...territory, kind: territory.kind });
    expect(report.surveys).toHaveLength(1);
    const survey = report.surveys[0];
    expect(survey?.responses).toBe(3);
    // Q1 and Q4 were answered by all three; the others by nobody.
    expect(survey?.highlights.map((h) => h.question)).toEqual(["Q1. Avez-vous un ordinateur ?", "Q4. À l'aise ?"]);
    expect(survey?.highlights[0]?.rows.map((r) => [r.label, r.count, Math.round(r.percent * 10) / 10])).toEqual([
      ["Oui", 2, 66.7],
      ["Non", 1, 33.3],
    ]);
  });

  it("leave out the questions marked personal, even as counts (the document is published)", async () => {
    const db = database.db;
    const territory = await createTestTerritory(db, { name: "Charente", slug: "charente-etat-perso", kind: "departement", code: "16" });
    const u = await createUser(db);
    await addMember(db, territory.id, u.id, "coordinator");
    const principal = await principalOf(db, u.id);
    const fixture = await buildFixture(db, principal, territory, { publish: true });
    // "Avez-vous un ordinateur ?" becomes personal; a named campaign asks it.
    await db.update(questionnaireQuestions).set({ personal: true }).where(eq(questionnaireQuestions.id, fixture.q.ordinateur as string));
    const camp = (await findCampaign(db, territory.id, fixture.id, (await createCampaign(db, principal, territory, fixture.id, { label: "Nominative", anonymous: "non" })).id)) as Campaign;
    const f = (k: string) => fieldName(fixture.q[k] as string);
    for (const answer of ["oui", "non"]) {
      const { token } = await startResponse(db, camp, { kind: "web" });
      // As sent by a page with JavaScript: "pourquoi" (if Q1 = non) shown on the screen, left blank; no follow-up screen.
      const steps = [{ [f("ordinateur")]: answer, [shownFieldName(fixture.q.pourquoi as string)]: "1", [f("aise")]: "3" }, { [f("commune")]: "16000" }];
      // Each screen saved is the one the previous save led to (a follow-up screen may be skipped).
      let step = 1;
      for (const [i, form] of steps.entries()) {
        const context = await loadDraftContext(db, token);
        const outcome = context ? await saveStep(db, context, { kind: "web" }, step, form, { finish: i === 1, clientKey: `p-${Math.random()}` }) : undefined;
        if (outcome && "next" in outcome) step = outcome.next;
      }
    }
    const report = await buildReport(db, { ...territory, kind: territory.kind });
    expect(report.surveys[0]?.responses).toBe(2);
    expect(report.surveys[0]?.highlights.map((h) => h.question)).toEqual(["Q4. À l'aise ?"]);
  });
});
