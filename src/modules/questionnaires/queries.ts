import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes } from "@/modules/geo";
import { territories, perimeterJoin, requireTerritoryId } from "@/modules/territories";
import { buildStructure, type AnswerValue, type CommuneResolver, type Structure } from "./logic";
import {
  questionnaireAnswers,
  questionnaireCampaigns,
  questionnaireQuestions,
  questionnaireResponses,
  questionnaires,
  questionnaireSections,
  type Campaign,
  type Questionnaire,
} from "./schema";

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Only a hash of a draft's token is stored: the database alone does not open anyone's answers. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function listQuestionnaires(db: Executor, territoryId: string) {
  const responses = db
    .select({ questionnaireId: questionnaireResponses.questionnaireId, n: count().as("n") })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.territoryId, territoryId), isNotNull(questionnaireResponses.submittedAt)))
    .groupBy(questionnaireResponses.questionnaireId)
    .as("r");
  return db
    .select({
      id: questionnaires.id,
      title: questionnaires.title,
      audience: questionnaires.audience,
      status: questionnaires.status,
      demo: questionnaires.demo,
      updatedAt: questionnaires.updatedAt,
      responses: sql<number>`coalesce(${responses.n}, 0)::int`,
    })
    .from(questionnaires)
    .leftJoin(responses, eq(responses.questionnaireId, questionnaires.id))
    .where(eq(questionnaires.territoryId, territoryId))
    .orderBy(desc(questionnaires.createdAt));
}

export type LoadedQuestionnaire = { questionnaire: Questionnaire; structure: Structure };

/** A questionnaire of the territory with its sections and questions in order. */
export async function loadQuestionnaire(db: Executor, territoryId: string, id: string): Promise<LoadedQuestionnaire | undefined> {
  if (!isUuid(id)) return undefined;
  const [questionnaire] = await db.select().from(questionnaires).where(and(eq(questionnaires.territoryId, territoryId), eq(questionnaires.id, id)));
  if (!questionnaire) return undefined;
  return { questionnaire, structure: await loadStructure(db, territoryId, questionnaire.id) };
}

/** The questionnaire `questionnaireId` if it belongs to the territory, as a subquery (tenancy of sections and questions). */
function ownQuestionnaire(db: Executor, territoryId: string, questionnaireId: string) {
  return db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.territoryId, requireTerritoryId(territoryId)), eq(questionnaires.id, questionnaireId)));
}

/** Sections and questions of a questionnaire of the territory (none for another territory's). */
export async function loadStructure(db: Executor, territoryId: string, questionnaireId: string): Promise<Structure> {
  const own = ownQuestionnaire(db, territoryId, questionnaireId);
  const [sections, questions] = await Promise.all([
    db.select().from(questionnaireSections).where(inArray(questionnaireSections.questionnaireId, own)),
    db.select().from(questionnaireQuestions).where(inArray(questionnaireQuestions.questionnaireId, own)),
  ]);
  return buildStructure(sections, questions);
}

/** Submitted responses of a questionnaire (drafts do not count). */
export async function submittedCount(db: Executor, territoryId: string, questionnaireId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.territoryId, territoryId), eq(questionnaireResponses.questionnaireId, questionnaireId), isNotNull(questionnaireResponses.submittedAt)));
  return row?.n ?? 0;
}

/** Questions (of this list) that have at least one submitted answer in the territory. */
export async function answeredQuestions(db: Executor, territoryId: string, questionIds: string[]): Promise<Set<string>> {
  requireTerritoryId(territoryId);
  if (questionIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: questionnaireAnswers.questionId })
    .from(questionnaireAnswers)
    .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
    .where(and(eq(questionnaireResponses.territoryId, territoryId), inArray(questionnaireAnswers.questionId, questionIds), isNotNull(questionnaireResponses.submittedAt)));
  return new Set(rows.map((r) => r.id));
}

/** The choice keys of a question that submitted answers in the territory use (single or multiple). */
export async function answeredChoices(db: Executor, territoryId: string, questionId: string): Promise<Set<string>> {
  requireTerritoryId(territoryId);
  const rows = await db.execute(sql`
    select distinct v from (
      select a.key as v from ${questionnaireAnswers} a join ${questionnaireResponses} r on r.id = a.response_id
        where r.territory_id = ${territoryId} and a.question_id = ${questionId} and r.submitted_at is not null and a.key is not null
      union all
      select unnest(a.keys) as v from ${questionnaireAnswers} a join ${questionnaireResponses} r on r.id = a.response_id
        where r.territory_id = ${territoryId} and a.question_id = ${questionId} and r.submitted_at is not null and a.keys is not null
    ) t`);
  return new Set(rowsOf<{ v: string }>(rows).map((r) => r.v));
}

/** drizzle returns `{ rows }` on PGlite and on node-postgres alike; be tolerant of a plain array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function listCampaigns(db: Executor, territoryId: string, questionnaireId: string) {
  const responses = db
    .select({ campaignId: questionnaireResponses.campaignId, n: count().as("n"), suspect: sql<number>`count(*) filter (where ${questionnaireResponses.suspect})`.as("suspect") })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.territoryId, territoryId), eq(questionnaireResponses.questionnaireId, questionnaireId), isNotNull(questionnaireResponses.submittedAt)))
    .groupBy(questionnaireResponses.campaignId)
    .as("r");
  return db
    .select({ campaign: questionnaireCampaigns, responses: sql<number>`coalesce(${responses.n}, 0)::int`, suspect: sql<number>`coalesce(${responses.suspect}, 0)::int` })
    .from(questionnaireCampaigns)
    .leftJoin(responses, eq(responses.campaignId, questionnaireCampaigns.id))
    .where(and(eq(questionnaireCampaigns.territoryId, territoryId), eq(questionnaireCampaigns.questionnaireId, questionnaireId)))
    .orderBy(desc(questionnaireCampaigns.createdAt));
}

export async function findCampaign(db: Executor, territoryId: string, questionnaireId: string, campaignId: string): Promise<Campaign | undefined> {
  if (!isUuid(campaignId)) return undefined;
  const [row] = await db
    .select()
    .from(questionnaireCampaigns)
    .where(and(eq(questionnaireCampaigns.territoryId, territoryId), eq(questionnaireCampaigns.questionnaireId, questionnaireId), eq(questionnaireCampaigns.id, campaignId)));
  return row;
}

export type PublicCampaign = { campaign: Campaign; questionnaire: Questionnaire; territory: { id: string; slug: string; name: string; isDemo: boolean } };

/** The campaign behind a public link, with its questionnaire and territory. */
export async function campaignByToken(db: Executor, token: string): Promise<PublicCampaign | undefined> {
  if (!/^[A-Za-z0-9_-]{6,40}$/.test(token)) return undefined;
  const [row] = await db
    .select({ campaign: questionnaireCampaigns, questionnaire: questionnaires, territory: { id: territories.id, slug: territories.slug, name: territories.name, isDemo: territories.isDemo } })
    .from(questionnaireCampaigns)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireCampaigns.questionnaireId))
    .innerJoin(territories, eq(territories.id, questionnaireCampaigns.territoryId))
    .where(eq(questionnaireCampaigns.token, token));
  return row;
}

export type CampaignState = "open" | "not_yet" | "ended" | "questionnaire_closed" | "questionnaire_draft";

/** Whether a campaign takes answers now, and if not, why. */
export function campaignState(campaign: Pick<Campaign, "opensAt" | "closesAt">, questionnaire: Pick<Questionnaire, "status">, now = new Date()): CampaignState {
  if (questionnaire.status === "draft") return "questionnaire_draft";
  if (questionnaire.status === "closed") return "questionnaire_closed";
  if (campaign.opensAt && now < campaign.opensAt) return "not_yet";
  if (campaign.closesAt && now >= campaign.closesAt) return "ended";
  return "open";
}

export type Draft = { id: string; campaignId: string; questionnaireId: string; territoryId: string; source: "web" | "paper"; answers: Map<string, AnswerValue> };

/** A response still being filled, found by its token (never a submitted one). */
export async function findDraft(db: Executor, token: string): Promise<Draft | undefined> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
  const [response] = await db
    .select()
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.draftTokenHash, hashToken(token)), isNull(questionnaireResponses.submittedAt)));
  if (!response) return undefined;
  const rows = await db.select().from(questionnaireAnswers).where(eq(questionnaireAnswers.responseId, response.id));
  return {
    id: response.id,
    campaignId: response.campaignId,
    questionnaireId: response.questionnaireId,
    territoryId: response.territoryId,
    source: response.source,
    answers: new Map(rows.map((r) => [r.questionId, { key: r.key, keys: r.keys, number: r.number, text: r.text }])),
  };
}

export type CommuneOption = { code: string; name: string; postcodes: string[] };

/** The territory's communes, by name, for the commune-of-residence question. */
export async function territoryCommuneOptions(db: Executor, territoryId: string): Promise<CommuneOption[]> {
  const rows = await db
    .select({ code: communes.code, name: communes.name, postcodes: communes.postcodes })
    .from(communes)
    .innerJoin(...perimeterJoin(territoryId, communes.code))
    .orderBy(asc(communes.name));
  return rows.map((r) => ({ code: r.code, name: r.name, postcodes: r.postcodes.split(/\s+/).filter(Boolean) }));
}

/** "Angoulême (16000)": how a commune is shown in the field and in its list of suggestions. */
export function communeLabel(c: CommuneOption): string {
  return c.postcodes.length > 0 ? `${c.name} (${c.postcodes.join(", ")})` : c.name;
}

/**
 * Resolves what a person typed: a suggestion picked from the list, a name, a postcode or an INSEE
 * code; one commune of the territory, or a message saying what to do.
 */
export function communeResolver(options: CommuneOption[]): CommuneResolver {
  const byLabel = new Map(options.map((c) => [normalizeSearch(communeLabel(c)), c]));
  return (typed) => {
    const n = normalizeSearch(typed);
    const exact = byLabel.get(n);
    if (exact) return { code: exact.code };
    const digits = typed.replace(/\s/g, "");
    let matches: CommuneOption[];
    if (/^\d{5}$/.test(digits) || /^2[ab]\d{3}$/i.test(digits)) {
      matches = options.filter((c) => c.postcodes.includes(digits) || c.code === digits.toUpperCase());
    } else {
      const name = normalizeSearch(typed.replace(/\(.*\)\s*$/, ""));
      matches = options.filter((c) => normalizeSearch(c.name) === name);
      if (matches.length === 0) matches = options.filter((c) => normalizeSearch(c.name).startsWith(name));
    }
    if (matches.length === 1 && matches[0]) return { code: matches[0].code };
    if (matches.length === 0) {
      return { error: `Aucune commune du territoire ne correspond à « ${typed} ». Vérifiez l'orthographe, ou cochez « Je n'habite pas dans le territoire ».` };
    }
    const shown = matches.slice(0, 6).map(communeLabel).join(", ");
    return { error: `Plusieurs communes correspondent à « ${typed} » : ${shown}${matches.length > 6 ? "…" : ""}. Écrivez le nom complet de votre commune.` };
  };
}

/** Names of communes, by INSEE code. */
export async function communeNames(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: communes.code, name: communes.name }).from(communes).where(inArray(communes.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export const RESPONSES_PAGE_SIZE = 50;

/** Submitted responses for moderation: the suspect ones first, then the newest. */
export async function listResponses(db: Executor, territoryId: string, questionnaireId: string, options: { page: number; suspectOnly: boolean }) {
  const where = and(
    eq(questionnaireResponses.territoryId, territoryId),
    eq(questionnaireResponses.questionnaireId, questionnaireId),
    isNotNull(questionnaireResponses.submittedAt),
    options.suspectOnly ? eq(questionnaireResponses.suspect, true) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(questionnaireResponses).where(where);
  const items = await db
    .select({
      id: questionnaireResponses.id,
      submittedAt: questionnaireResponses.submittedAt,
      source: questionnaireResponses.source,
      suspect: questionnaireResponses.suspect,
      excluded: questionnaireResponses.excluded,
      demo: questionnaireResponses.demo,
      campaign: questionnaireCampaigns.label,
    })
    .from(questionnaireResponses)
    .innerJoin(questionnaireCampaigns, eq(questionnaireCampaigns.id, questionnaireResponses.campaignId))
    .where(where)
    .orderBy(desc(questionnaireResponses.suspect), desc(questionnaireResponses.submittedAt))
    .limit(RESPONSES_PAGE_SIZE)
    .offset((Math.max(1, options.page) - 1) * RESPONSES_PAGE_SIZE);
  return { items, total: total?.n ?? 0 };
}

/** The communes (and "hors") that submitted answers to a commune question give, with their names: the commune filter of the results. */
export async function answeredCommunes(db: Executor, territoryId: string, questionId: string): Promise<{ code: string; name: string }[]> {
  const rows = await db
    .selectDistinct({ code: questionnaireAnswers.key })
    .from(questionnaireAnswers)
    .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
    .where(and(eq(questionnaireResponses.territoryId, requireTerritoryId(territoryId)), eq(questionnaireAnswers.questionId, questionId), isNotNull(questionnaireAnswers.key)));
  const codes = rows.map((r) => r.code).filter((c): c is string => c !== null);
  const names = await communeNames(db, codes.filter((c) => c !== "hors"));
  return codes
    .map((code) => ({ code, name: code === "hors" ? "Hors du territoire" : (names.get(code) ?? code) }))
    .sort((a, b) => (a.code === "hors" ? 1 : b.code === "hors" ? -1 : a.name.localeCompare(b.name, "fr")));
}
