/**
 * What the État des lieux shows of the questionnaires: for each questionnaire of the territory that
 * has responses, its most answered choice questions with their three most frequent answers.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { allQuestions } from "./logic";
import { loadStructure } from "./queries";
import { cachedResults } from "./results";
import { questionnaires } from "./schema";
import { audienceLabels } from "./types";

/** A questionnaire as documents show it: its most answered choice questions and their most frequent answers. */
export type SurveyHighlights = { title: string; audience: string; responses: number; highlights: { question: string; rows: { label: string; count: number; percent: number }[] }[] };

const QUESTIONS = 5;
const ROWS = 3;

export async function surveyHighlights(db: Executor, territoryId: string): Promise<SurveyHighlights[]> {
  const list = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.territoryId, territoryId), inArray(questionnaires.status, ["published", "closed"])))
    .orderBy(questionnaires.createdAt);
  const out: SurveyHighlights[] = [];
  for (const q of list) {
    const structure = await loadStructure(db, territoryId, q.id);
    const results = await cachedResults(db, territoryId, q.id, structure);
    if (results.responses === 0) continue;
    // The état des lieux is published: answers to questions marked personal never appear in it, not even as counts.
    const personal = new Set(allQuestions(structure).filter((question) => question.personal).map((question) => question.id));
    const chosen = results.questions
      .filter((r) => (r.type === "single" || r.type === "multiple" || r.type === "scale") && r.answered > 0 && !personal.has(r.id))
      .sort((a, b) => b.answered - a.answered || a.number - b.number)
      .slice(0, QUESTIONS)
      .sort((a, b) => a.number - b.number);
    out.push({
      title: q.title,
      audience: audienceLabels[q.audience],
      responses: results.responses,
      highlights: chosen.map((r) => ({
        question: `Q${r.number}. ${r.label}`,
        rows: [...r.rows]
          .filter((row) => row.count > 0)
          .sort((a, b) => b.count - a.count)
          .slice(0, ROWS)
          .map((row) => ({ label: row.label, count: row.count, percent: row.percent })),
      })),
    });
  }
  return out;
}

