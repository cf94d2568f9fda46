/**
 * Results of a questionnaire: the database counts answers by question and value (a few grouped
 * queries, whatever the number of responses); this module turns the counts into tables. Excluded
 * responses and drafts never count.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import type { TerritoryRef } from "@/modules/territories";
import { mayReadAnswers } from "./policy";
import { allQuestions, choicesOf, isCategorical, parseFrenchNumber, type QuestionDef, type Structure } from "./logic";
import { communeNames, isUuid, rowsOf } from "./queries";
import { OTHER, OUTSIDE, type QuestionType } from "./types";

export type ProfileFilter = { questionId: string; value: string };
export type ResultFilters = { campaignId?: string | undefined; commune?: string | undefined; profile: ProfileFilter[] };

export const noFilters: ResultFilters = { profile: [] };

export type ResultRow = { value: string; label: string; count: number; percent: number };
export type TextAnswer = { text: string; at: Date };

export type QuestionResult = {
  id: string;
  number: number;
  label: string;
  type: QuestionType;
  /** Respondents who answered this question (the base of the percentages). */
  answered: number;
  /**
   * A conditional question: how many of the counted responses it was asked to (its condition held),
   * out of how many, and the number of the question it depends on.
   */
  asked?: { to: number; of: number; after: number };
  rows: ResultRow[];
  stats?: { mean: number; median: number; min: number; max: number };
  /** Latest free texts (answers to a text question, or "autre, précisez"), and how many there are. */
  texts: TextAnswer[];
  textCount: number;
};

export type Results = { responses: number; suspect: number; questions: QuestionResult[] };

/**
 * What one person may read of the results: questions marked personal are left out (neither figures nor texts,
 * nor usable as a filter, which would count their answers) unless the policy lets this person read them.
 */
export function readableResults(principal: Principal, territory: TerritoryRef, structure: Structure) {
  const hidden = new Set(allQuestions(structure).filter((q) => !mayReadAnswers(principal, territory, q)).map((q) => q.id));
  const commune = allQuestions(structure).find((q) => q.type === "commune");
  return {
    readable: (questionId: string) => !hidden.has(questionId),
    filters: (filters: ResultFilters): ResultFilters => ({
      ...filters,
      profile: filters.profile.filter((p) => !hidden.has(p.questionId)),
      commune: commune && !hidden.has(commune.id) ? filters.commune : undefined,
    }),
    results: (results: Results): Results => ({
      ...results,
      questions: results.questions.map(({ stats, ...q }) => (hidden.has(q.id) ? { ...q, rows: [], texts: [], textCount: 0, answered: 0 } : { ...q, ...(stats ? { stats } : {}) })),
    }),
  };
}

/** Filters read from the page's query string (?campagne=&commune=&f=<question>:<value>). */
export function parseFilters(sp: Record<string, string | string[] | undefined>, structure: Structure): ResultFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const questions = new Map(allQuestions(structure).map((q) => [q.id, q]));
  const campaign = one(sp.campagne);
  const commune = one(sp.commune);
  const profile: ProfileFilter[] = [];
  for (const raw of (Array.isArray(sp.f) ? sp.f : sp.f ? [sp.f] : []).slice(0, 4)) {
    const [questionId = "", value = ""] = raw.split(":");
    const q = questions.get(questionId);
    if (q && isCategorical(q.type) && q.type !== "commune" && choicesOf(q).some((c) => c.value === value)) profile.push({ questionId, value });
  }
  return {
    campaignId: isUuid(campaign) ? campaign : undefined,
    commune: /^(\d[0-9AB]\d{3}|hors)$/.test(commune) ? commune : undefined,
    profile,
  };
}

export function filtersQuery(filters: ResultFilters): string {
  const params = new URLSearchParams();
  if (filters.campaignId) params.set("campagne", filters.campaignId);
  if (filters.commune) params.set("commune", filters.commune);
  for (const p of filters.profile) params.append("f", `${p.questionId}:${p.value}`);
  return params.toString();
}

/** The responses that count, as a SQL condition on `r` (questionnaire_responses). */
function responsesWhere(territoryId: string, questionnaireId: string, structure: Structure, filters: ResultFilters): SQL {
  const parts: SQL[] = [sql`r.territory_id = ${territoryId}`, sql`r.questionnaire_id = ${questionnaireId}`, sql`r.submitted_at is not null`, sql`not r.excluded`];
  if (filters.campaignId) parts.push(sql`r.campaign_id = ${filters.campaignId}`);
  const communeQuestion = allQuestions(structure).find((q) => q.type === "commune");
  if (filters.commune && communeQuestion) {
    parts.push(sql`exists (select 1 from questionnaire_answers f where f.response_id = r.id and f.question_id = ${communeQuestion.id} and f.key = ${filters.commune})`);
  }
  const byId = new Map(allQuestions(structure).map((q) => [q.id, q]));
  for (const p of filters.profile) {
    const q = byId.get(p.questionId);
    if (!q) continue;
    const match =
      q.type === "multiple" ? sql`f.keys @> array[${p.value}]::text[]` : q.type === "scale" ? sql`f.number = ${Number(p.value)}` : sql`f.key = ${p.value}`;
    parts.push(sql`exists (select 1 from questionnaire_answers f where f.response_id = r.id and f.question_id = ${p.questionId} and ${match})`);
  }
  return sql.join(parts, sql` and `);
}

const TEXTS_SHOWN = 5;

/**
 * The answers to `source` that make `q`'s condition hold, as a SQL condition on `c` (the same rules as
 * `conditionHolds`). Answers of questions that stopped applying are removed when a person changes an
 * earlier answer, so an answer to the source means that the source itself was asked: chains follow.
 */
function conditionMatch(source: Pick<QuestionDef, "type">, condition: NonNullable<QuestionDef["condition"]>): SQL {
  const v = condition.value;
  if (condition.operator === "contains") {
    if (source.type === "multiple") return sql`c.keys @> array[${v}]::text[]`;
    if (source.type === "short_text" || source.type === "long_text") return sql`strpos(lower(c.text), lower(${v})) > 0`;
    return sql`c.key = ${v}`;
  }
  if (source.type === "multiple") return sql`c.keys = array[${v}]::text[]`;
  if (source.type === "scale" || source.type === "number") {
    const n = parseFrenchNumber(v);
    return Number.isFinite(n) ? sql`c.number = ${n}` : sql`false`;
  }
  return sql`c.key = ${v}`;
}

type Group = { question_id: string; key: string | null; number: number | null; keys: string[] | null; n: number; texts: number };

/** Counts every question's answers for the responses that pass the filters. */
export async function computeResults(db: Executor, territoryId: string, questionnaireId: string, structure: Structure, filters: ResultFilters = noFilters): Promise<Results> {
  const where = responsesWhere(territoryId, questionnaireId, structure, filters);
  const questions = allQuestions(structure);
  const withTexts = questions.filter((q) => q.type === "short_text" || q.type === "long_text" || q.settings.allowOther).map((q) => q.id);
  const ids = (list: string[]) => sql`array[${sql.join(list.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

  const unfiltered = !filters.campaignId && !filters.commune && filters.profile.length === 0;
  const all = ids(questions.map((q) => q.id));
  // Responses that do not count (drafts, set aside): few, reached through their own index.
  const notCounted = sql`r.territory_id = ${territoryId} and r.questionnaire_id = ${questionnaireId} and (r.submitted_at is null or r.excluded)`;
  // One pass over the answers, grouped once: multiple choices are grouped by their whole set of keys
  // (a few dozen sets per question) and split into keys here, which costs far less than a second pass
  // with unnest (bench/questionnaire-results.ts: 121 ms of 220 on PostgreSQL under load).
  const grouped = sql`a.question_id, a.key, a.number, a.keys, count(*)::int as n, count(a.text)::int as texts`;
  const [totals, groups, texts, minusGroups] = await Promise.all([
    db.execute(sql`select count(*)::int as n, (count(*) filter (where r.suspect))::int as suspect from questionnaire_responses r where ${where}`),
    // Without filters, every answer to these questions is counted without joining its response (the
    // costly part at 10,000 responses), then the answers of the responses that do not count are taken off.
    unfiltered
      ? db.execute(sql`select ${grouped} from questionnaire_answers a where a.question_id = any(${all}) group by a.question_id, a.key, a.number, a.keys`)
      : db.execute(sql`select ${grouped} from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id
          where ${where} group by a.question_id, a.key, a.number, a.keys`),
    // The latest free texts of each question: responses walked newest first through their index, each
    // answer found by its primary key, stopping at the fifth text (a window over every text answer,
    // sorted, cost 71 ms at 10,000 responses).
    withTexts.length
      ? db.execute(sql`select q.id as question_id, t.text, t.submitted_at from unnest(${ids(withTexts)}) as q(id)
          cross join lateral (
            select a.text, r.submitted_at from questionnaire_responses r join questionnaire_answers a on a.response_id = r.id and a.question_id = q.id
            where ${where} and a.text is not null order by r.submitted_at desc, r.id limit ${TEXTS_SHOWN}) t`)
      : Promise.resolve([]),
    unfiltered
      ? db.execute(sql`select ${grouped} from questionnaire_responses r join questionnaire_answers a on a.response_id = r.id where ${notCounted} group by a.question_id, a.key, a.number, a.keys`)
      : Promise.resolve([]),
  ]);
  const total = rowsOf<{ n: number; suspect: number }>(totals)[0];
  // A conditional question is asked only to some: count them (one small query per such question).
  const byIdQ = new Map(questions.map((q) => [q.id, q]));
  const conditional = questions.flatMap((q) => {
    const source = q.condition ? byIdQ.get(q.condition.questionId) : undefined;
    return q.condition && source ? [{ q, source, condition: q.condition }] : [];
  });
  const askedCounts = new Map(
    await Promise.all(
      conditional.map(async ({ q, source, condition }) => {
        const rows = await db.execute(sql`select count(*)::int as n from questionnaire_responses r where ${where}
          and exists (select 1 from questionnaire_answers c where c.response_id = r.id and c.question_id = ${source.id} and ${conditionMatch(source, condition)})`);
        return [q.id, { to: rowsOf<{ n: number }>(rows)[0]?.n ?? 0, of: total?.n ?? 0, after: source.number }] as const;
      }),
    ),
  );
  const normal = (raw: Group): Group => ({ ...raw, number: raw.number === null ? null : Number(raw.number), keys: raw.keys ? [...raw.keys].sort() : null });
  const groupKey = (g: Group) => `${g.question_id}|${g.key ?? ""}|${g.number ?? ""}|${g.keys ? JSON.stringify(g.keys) : ""}`;
  // Summed by group first: the same set of keys written in two orders is one group once sorted.
  const summed = (rows: Group[]) => {
    const map = new Map<string, Group>();
    for (const raw of rows) {
      const g = normal(raw);
      const seen = map.get(groupKey(g));
      if (seen) {
        seen.n += g.n;
        seen.texts += g.texts;
      } else map.set(groupKey(g), g);
    }
    return map;
  };
  const minus = summed(rowsOf<Group>(minusGroups));
  const byQuestion = new Map<string, Group[]>();
  const multiCounts = new Map<string, Map<string, number>>();
  for (const [key, g] of summed(rowsOf<Group>(groups))) {
    const off = minus.get(key);
    const n = g.n - (off?.n ?? 0);
    if (n <= 0) continue;
    const list = byQuestion.get(g.question_id) ?? [];
    list.push({ ...g, n, texts: g.texts - (off?.texts ?? 0) });
    byQuestion.set(g.question_id, list);
    if (g.keys) {
      const map = multiCounts.get(g.question_id) ?? new Map<string, number>();
      for (const k of new Set(g.keys)) map.set(k, (map.get(k) ?? 0) + n);
      multiCounts.set(g.question_id, map);
    }
  }
  const latest = new Map<string, TextAnswer[]>();
  for (const t of rowsOf<{ question_id: string; text: string; submitted_at: string | Date }>(texts)) {
    const list = latest.get(t.question_id) ?? [];
    list.push({ text: t.text, at: new Date(t.submitted_at) });
    latest.set(t.question_id, list);
  }
  const communeCodes = new Set<string>();
  for (const q of questions) if (q.type === "commune") for (const g of byQuestion.get(q.id) ?? []) if (g.key && g.key !== OUTSIDE) communeCodes.add(g.key);
  const names = await communeNames(db, [...communeCodes]);

  const results = questions.map((q): QuestionResult => {
    const list = byQuestion.get(q.id) ?? [];
    const answered = list.reduce((s, g) => s + g.n, 0);
    const percent = (n: number) => (answered > 0 ? (100 * n) / answered : 0);
    const asked = askedCounts.get(q.id);
    const base = { id: q.id, number: q.number, label: q.label, type: q.type, answered, ...(asked ? { asked } : {}), texts: (latest.get(q.id) ?? []).sort((a, b) => b.at.getTime() - a.at.getTime()), textCount: list.reduce((s, g) => s + g.texts, 0) };
    switch (q.type) {
      case "single":
      case "multiple": {
        const counts = q.type === "multiple" ? (multiCounts.get(q.id) ?? new Map<string, number>()) : new Map(list.map((g) => [g.key ?? "", g.n]));
        const rows = choicesOf(q).map((c) => ({ value: c.value, label: c.value === OTHER ? "Autre" : c.label, count: counts.get(c.value) ?? 0, percent: percent(counts.get(c.value) ?? 0) }));
        // Answers kept from a choice renamed since stay visible under their key.
        for (const [value, n] of counts) if (value && !rows.some((r) => r.value === value)) rows.push({ value, label: value, count: n, percent: percent(n) });
        return { ...base, rows };
      }
      case "scale": {
        const counts = new Map(list.map((g) => [g.number ?? 0, g.n]));
        const rows = [1, 2, 3, 4, 5].map((v) => {
          const words = v === 1 ? q.settings.scaleMin : v === 5 ? q.settings.scaleMax : undefined;
          return { value: String(v), label: words ? `${v} — ${words}` : String(v), count: counts.get(v) ?? 0, percent: percent(counts.get(v) ?? 0) };
        });
        return { ...base, rows, ...(answered > 0 ? { stats: numberStats(list) } : {}) };
      }
      case "number":
        return { ...base, rows: numberRows(list, answered), ...(answered > 0 ? { stats: numberStats(list) } : {}) };
      case "commune": {
        const rows = list
          .filter((g) => g.key)
          .map((g) => ({ value: g.key ?? "", label: g.key === OUTSIDE ? "Hors du territoire" : (names.get(g.key ?? "") ?? g.key ?? ""), count: g.n, percent: percent(g.n) }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
        return { ...base, rows };
      }
      default:
        return { ...base, rows: [] };
    }
  });
  return { responses: total?.n ?? 0, suspect: total?.suspect ?? 0, questions: results };
}

function numberStats(list: Group[]): { mean: number; median: number; min: number; max: number } {
  const values = list.filter((g) => g.number !== null).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const n = values.reduce((s, g) => s + g.n, 0);
  const sum = values.reduce((s, g) => s + (g.number ?? 0) * g.n, 0);
  const at = (rank: number) => {
    let seen = 0;
    for (const g of values) {
      seen += g.n;
      if (seen >= rank) return g.number ?? 0;
    }
    return 0;
  };
  // The median of an even count is the mean of the two middle values.
  const median = n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
  return { mean: n > 0 ? sum / n : 0, median, min: values[0]?.number ?? 0, max: values.at(-1)?.number ?? 0 };
}

const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** Every distinct value when there are few, else 8 classes of equal width. */
function numberRows(list: Group[], answered: number): ResultRow[] {
  const values = list.filter((g) => g.number !== null).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const percent = (n: number) => (answered > 0 ? (100 * n) / answered : 0);
  if (values.length <= 12) return values.map((g) => ({ value: String(g.number), label: numberFormat.format(g.number ?? 0), count: g.n, percent: percent(g.n) }));
  const min = values[0]?.number ?? 0;
  const max = values.at(-1)?.number ?? 0;
  const width = (max - min) / 8;
  const rows = Array.from({ length: 8 }, (_, i) => {
    const from = min + i * width;
    const to = i === 7 ? max : min + (i + 1) * width;
    return { value: `${from}-${to}`, label: `de ${numberFormat.format(from)} à ${i === 7 ? "" : "moins de "}${numberFormat.format(to)}`, count: 0, percent: 0 };
  });
  for (const g of values) {
    const i = Math.min(7, Math.floor(((g.number ?? 0) - min) / width));
    const row = rows[i];
    if (row) row.count += g.n;
  }
  return rows.map((r) => ({ ...r, percent: percent(r.count) }));
}

export type CrossTab = {
  rows: { value: string; label: string }[];
  columns: { value: string; label: string }[];
  /** counts[row][column] */
  counts: number[][];
  /** Respondents per row who answered both questions (the base of the row percentages). */
  rowTotals: number[];
  total: number;
};

/** Value labels of a categorical question, in its order (communes: those that have answers). */
function valuesOf(result: QuestionResult | undefined): { value: string; label: string }[] {
  return (result?.rows ?? []).map((r) => ({ value: r.value, label: r.label }));
}

/** The answers to question `a` (rows) crossed with those to `b` (columns), for the responses that pass the filters. */
export async function crossTabulate(db: Executor, territoryId: string, questionnaireId: string, structure: Structure, results: Results, a: string, b: string, filters: ResultFilters = noFilters): Promise<CrossTab | undefined> {
  const byId = new Map(allQuestions(structure).map((q) => [q.id, q]));
  const qa = byId.get(a);
  const qb = byId.get(b);
  if (!qa || !qb || a === b || !isCategorical(qa.type) || !isCategorical(qb.type)) return undefined;
  const where = responsesWhere(territoryId, questionnaireId, structure, filters);
  const values = (id: string) => sql`select a.response_id, v from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id
      cross join unnest(coalesce(a.keys, array[coalesce(a.key, (a.number::int)::text)])) v where ${where} and a.question_id = ${id}`;
  const [pairs, bases] = await Promise.all([
    db.execute(sql`with x as (${values(a)}), y as (${values(b)}) select x.v as a, y.v as b, count(*)::int as n from x join y using (response_id) group by 1, 2`),
    db.execute(sql`with x as (${values(a)}), y as (${values(b)}) select x.v as a, count(distinct x.response_id)::int as n from x join y using (response_id) group by 1`),
  ]);
  const resultsById = new Map(results.questions.map((r) => [r.id, r]));
  const rows = valuesOf(resultsById.get(a));
  const columns = valuesOf(resultsById.get(b));
  const counts = rows.map(() => columns.map(() => 0));
  for (const p of rowsOf<{ a: string; b: string; n: number }>(pairs)) {
    const i = rows.findIndex((r) => r.value === p.a);
    const j = columns.findIndex((c) => c.value === p.b);
    const row = counts[i];
    if (row && j >= 0) row[j] = p.n;
  }
  const baseOf = new Map(rowsOf<{ a: string; n: number }>(bases).map((r) => [r.a, r.n]));
  const rowTotals = rows.map((r) => baseOf.get(r.value) ?? 0);
  return { rows, columns, counts, rowTotals, total: rowTotals.reduce((s, n) => s + n, 0) };
}

export const TEXT_PAGE_SIZE = 50;

/** Every free text of a question (or its "autre" precisions), newest first, a page at a time. */
export async function textAnswers(db: Executor, territoryId: string, questionnaireId: string, structure: Structure, questionId: string, filters: ResultFilters, page: number) {
  const where = responsesWhere(territoryId, questionnaireId, structure, filters);
  const [total, items] = await Promise.all([
    db.execute(sql`select count(*)::int as n from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id where ${where} and a.question_id = ${questionId} and a.text is not null`),
    db.execute(sql`select a.text, r.submitted_at, a.key from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id
      where ${where} and a.question_id = ${questionId} and a.text is not null order by r.submitted_at desc, r.id limit ${TEXT_PAGE_SIZE} offset ${(Math.max(1, page) - 1) * TEXT_PAGE_SIZE}`),
  ]);
  return {
    total: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    items: rowsOf<{ text: string; submitted_at: string | Date }>(items).map((r) => ({ text: r.text, at: new Date(r.submitted_at) })),
  };
}

// ---------- cache ----------

/** A small LRU kept per process (on globalThis: Next.js may load this module more than once). */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void {
    this.map.clear();
  }
}

const holder = globalThis as unknown as { __maillageQuestionnaireResults?: Lru<Results> };
const resultsCache = (holder.__maillageQuestionnaireResults ??= new Lru<Results>(100));

export function clearResultsCache(): void {
  resultsCache.clear();
}

/**
 * What the results depend on besides the filters: the submitted responses (how many, the latest
 * change of one: a submission, a response set aside or flagged) and the questionnaire's version
 * (its questions). Cheap: one index range of the questionnaire's responses.
 */
async function resultsStamp(db: Executor, territoryId: string, questionnaireId: string): Promise<string> {
  const rows = rowsOf<{ n: number; at: string | Date | null; version: number | null }>(
    await db.execute(sql`select count(*)::int as n, max(r.updated_at) as at, (select q.version from questionnaires q where q.id = ${questionnaireId} and q.territory_id = ${territoryId}) as version
      from questionnaire_responses r where r.territory_id = ${territoryId} and r.questionnaire_id = ${questionnaireId} and r.submitted_at is not null`),
  );
  const row = rows[0];
  return `${row?.n ?? 0}|${row?.at ? new Date(row.at).getTime() : 0}|${row?.version ?? 0}`;
}

/** computeResults, kept until a response arrives or changes, or the questionnaire changes. */
export async function cachedResults(db: Executor, territoryId: string, questionnaireId: string, structure: Structure, filters: ResultFilters = noFilters): Promise<Results> {
  const key = `${territoryId}|${questionnaireId}|${await resultsStamp(db, territoryId, questionnaireId)}|${filtersQuery(filters)}`;
  const hit = resultsCache.get(key);
  if (hit) return hit;
  const results = await computeResults(db, territoryId, questionnaireId, structure, filters);
  resultsCache.set(key, results);
  return results;
}
