import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { actorReads, actors, visibleIn } from "@/modules/actors";
import type { TerritoryRef } from "@/modules/territories";
import { isDimensionId, isLevel, type DimensionId, type Level } from "./grid";
import { maturityAnswers, maturityAssessments } from "./schema";
import { summarize, type AssessedActor, type TerritorySummary } from "./stats";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many past submissions an actor's page lists. */
export const HISTORY_LIMIT = 50;

export type Answer = { level: Level; comment: string };
export type Assessment = {
  id: string;
  submittedAt: Date;
  submittedBy: string;
  demo: boolean;
  answers: Partial<Record<DimensionId, Answer>>;
};

/** Answers of the grid only: a dimension removed from the grid (or a level out of range) is never shown. */
function answersOf(rows: { assessmentId: string; dimension: string; level: number; comment: string }[]) {
  const out = new Map<string, Partial<Record<DimensionId, Answer>>>();
  for (const r of rows) {
    if (!isDimensionId(r.dimension) || !isLevel(r.level)) continue;
    const answers = out.get(r.assessmentId) ?? {};
    answers[r.dimension] = { level: r.level, comment: r.comment };
    out.set(r.assessmentId, answers);
  }
  return out;
}

/**
 * An actor's submissions, newest first, as seen from a territory (nothing if the territory does not
 * see the actor). The first one is the current self-assessment. Callers check
 * maturityPolicy.viewResults first (the ownership rule): what is not allowed is never loaded.
 */
export async function actorMaturity(db: Executor, territoryId: string, actorId: string): Promise<{ latest: Assessment | undefined; history: Assessment[] }> {
  if (!UUID.test(actorId)) return { latest: undefined, history: [] };
  const list = await db
    .select({ id: maturityAssessments.id, submittedAt: maturityAssessments.submittedAt, submittedBy: maturityAssessments.submittedBy, demo: maturityAssessments.demo })
    .from(maturityAssessments)
    .innerJoin(actors, eq(actors.id, maturityAssessments.actorId))
    .where(and(eq(maturityAssessments.actorId, actorId), visibleIn(db, territoryId)))
    .orderBy(desc(maturityAssessments.submittedAt), desc(maturityAssessments.id))
    .limit(HISTORY_LIMIT);
  if (list.length === 0) return { latest: undefined, history: [] };
  const rows = await db
    .select({ assessmentId: maturityAnswers.assessmentId, dimension: maturityAnswers.dimension, level: maturityAnswers.level, comment: maturityAnswers.comment })
    .from(maturityAnswers)
    .where(
      inArray(
        maturityAnswers.assessmentId,
        list.map((a) => a.id),
      ),
    );
  const answers = answersOf(rows);
  const history = list.map((a) => ({ ...a, answers: answers.get(a.id) ?? {} }));
  return { latest: history[0], history };
}

/**
 * The latest submission of every actor whose self-assessments the territory reads (the ownership
 * rule: actors that joined it as partners, the territory verified), in alphabetical order.
 */
export async function latestAssessments(db: Executor, territory: TerritoryRef): Promise<AssessedActor[]> {
  const latest = db
    .selectDistinctOn([maturityAssessments.actorId], { id: maturityAssessments.id, actorId: maturityAssessments.actorId, submittedAt: maturityAssessments.submittedAt })
    .from(maturityAssessments)
    .innerJoin(actors, eq(actors.id, maturityAssessments.actorId))
    .where(actorReads(db, territory).assessed)
    .orderBy(maturityAssessments.actorId, desc(maturityAssessments.submittedAt), desc(maturityAssessments.id))
    .as("latest");
  const rows = await db
    .select({ id: latest.id, actorId: latest.actorId, submittedAt: latest.submittedAt, name: actors.name, dimension: maturityAnswers.dimension, level: maturityAnswers.level })
    .from(latest)
    .innerJoin(actors, eq(actors.id, latest.actorId))
    .leftJoin(maturityAnswers, eq(maturityAnswers.assessmentId, latest.id))
    .orderBy(asc(actors.search), asc(actors.id));
  const byActor = new Map<string, AssessedActor>();
  for (const r of rows) {
    const entry = byActor.get(r.actorId) ?? { actorId: r.actorId, name: r.name, submittedAt: r.submittedAt, levels: {} };
    if (r.dimension !== null && r.level !== null && isDimensionId(r.dimension) && isLevel(r.level)) entry.levels[r.dimension] = r.level;
    byActor.set(r.actorId, entry);
  }
  return [...byActor.values()];
}

export type TerritoryMaturity = { visibleActors: number; rows: AssessedActor[]; summary: TerritorySummary };

/**
 * The territory's view: how many actors it sees (public), the heat map (actors × dimensions), medians
 * and weakest dimensions over the self-assessments it may read (actors that joined it as partners,
 * territory verified: none before verification).
 */
export async function territoryMaturity(db: Executor, territory: TerritoryRef): Promise<TerritoryMaturity> {
  const [visible] = await db.select({ n: count() }).from(actors).where(visibleIn(db, territory.id));
  const rows = await latestAssessments(db, territory);
  return { visibleActors: visible?.n ?? 0, rows, summary: summarize(rows) };
}
