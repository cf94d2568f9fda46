import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { territories, territoryCommunes } from "@/modules/territories/schema";
import { allQuestions, askedQuestions, visibleSteps, type AnswerValue } from "@/modules/questionnaires/logic";
import { listQuestionnaires, loadQuestionnaire } from "@/modules/questionnaires/queries";
import { computeResults } from "@/modules/questionnaires/results";
import { questionnaireAnswers, questionnaireResponses } from "@/modules/questionnaires/schema";
import { openTestDatabase } from "@/testing/db";
import { seedDemoIfEmpty } from "./seed";
import { DEMO_ACTORS, DEMO_INHABITANTS } from "./questionnaires";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoIfEmpty(database.db, { accompaniments: 1_000 });
});
afterAll(async () => {
  await database?.close();
});

describe("the demo questionnaires", () => {
  it("publish the inhabitants' and the actors' questionnaires with their demo responses", async () => {
    const db = database.db;
    const [territory] = await db.select().from(territories);
    const list = await listQuestionnaires(db, territory?.id ?? "");
    expect(list.map((q) => [q.audience, q.status, q.demo, q.responses]).sort()).toEqual(
      [
        ["actors", "published", true, DEMO_ACTORS],
        ["inhabitants", "published", true, DEMO_INHABITANTS],
      ].sort(),
    );
    const [notDemo] = await db.select({ n: count() }).from(questionnaireResponses).where(eq(questionnaireResponses.demo, false));
    expect(notDemo?.n).toBe(0);
  });

  it("give answers a real respondent could have given: only shown questions, communes of the territory, nothing personal", async () => {
    const db = database.db;
    const [territory] = await db.select().from(territories);
    const id = (await listQuestionnaires(db, territory?.id ?? "")).find((q) => q.audience === "inhabitants")?.id ?? "";
    const loaded = await loadQuestionnaire(db, territory?.id ?? "", id);
    const structure = loaded?.structure ?? { sections: [] };
    const rows = await db
      .select({ responseId: questionnaireAnswers.responseId, questionId: questionnaireAnswers.questionId, key: questionnaireAnswers.key, keys: questionnaireAnswers.keys, number: questionnaireAnswers.number, text: questionnaireAnswers.text })
      .from(questionnaireAnswers)
      .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
      .where(eq(questionnaireResponses.questionnaireId, id));
    const byResponse = new Map<string, Map<string, AnswerValue>>();
    for (const r of rows) byResponse.set(r.responseId, (byResponse.get(r.responseId) ?? new Map()).set(r.questionId, r));
    const questions = allQuestions(structure);
    const communeQuestion = questions.find((q) => q.type === "commune");
    const inside = new Set((await db.select({ c: territoryCommunes.communeCode }).from(territoryCommunes).where(eq(territoryCommunes.territoryId, territory?.id ?? ""))).map((r) => r.c));
    for (const answers of byResponse.values()) {
      const shown = askedQuestions(visibleSteps(structure, answers, true));
      expect([...answers.keys()].filter((q) => !shown.has(q))).toEqual([]);
      for (const q of questions.filter((x) => x.required)) expect(answers.has(q.id)).toBe(true);
      const commune = answers.get(communeQuestion?.id ?? "")?.key ?? "";
      expect(commune === "hors" || inside.has(commune)).toBe(true);
    }
    // Coherent profiles: the oldest are, on average, less at ease than the 18–29.
    const age = questions.find((q) => q.label === "Quel âge avez-vous ?");
    const ease = questions.find((q) => q.label === "Vous sentez-vous à l'aise avec le numérique ?");
    const mean = async (band: string) => {
      const r = await computeResults(db, territory?.id ?? "", id, structure, { profile: [{ questionId: age?.id ?? "", value: band }] });
      return r.questions.find((q) => q.id === ease?.id)?.stats?.mean ?? 0;
    };
    expect(await mean("75-ans-ou-plus")).toBeLessThan((await mean("18-a-29-ans")) - 1);
    // The actors' campaign is anonymous: the personal question (contact) is never answered.
    const personal = (await Promise.all((await listQuestionnaires(db, territory?.id ?? "")).map(async (q) => allQuestions((await loadQuestionnaire(db, territory?.id ?? "", q.id))?.structure ?? { sections: [] })))).flat().filter((q) => q.personal);
    expect(personal.length).toBeGreaterThan(0);
    for (const q of personal) {
      const [n] = await db.select({ n: count() }).from(questionnaireAnswers).where(and(eq(questionnaireAnswers.questionId, q.id)));
      expect(n?.n).toBe(0);
    }
  });
});
