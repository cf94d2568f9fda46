/**
 * The État des lieux (a document of the composition layer: it reads many modules, and no module imports it):
 * the portrait, the actors and their maturity, what questionnaires said and the
 * findings, in one document. Built as plain data (ReportData), rendered as an HTML page and printed to
 * PDF. A published version keeps its data (snapshot), so that version N reads the same next year.
 */
import { and, count, desc, eq, max, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { z } from "zod";
import { shortLabel } from "@/modules/places";
import { actors, followUpStatus, visibleIn, type World, worldLabels, worlds } from "@/modules/actors";
import { type DimensionId, grid, median, strongest, territoryMaturity, weakest } from "@/modules/maturity";
import { listFindings } from "@/modules/findings";
import { themeLabel } from "@/modules/themes";
import { territoryCommuneCodes, type TerritoryRef, type TerritoryStatus } from "@/modules/territories";
import { cachedOutline } from "@/modules/geo";
import { choroplethSvg, classify, diagnosticPolicy, diagnosticReports, NO_VALUE, SERVICES, territoryPortrait, type IndicatorDef } from "@/modules/diagnostic";
import { surveyHighlights, type SurveyHighlights } from "@/modules/questionnaires";

export type ReportMap = { title: string; svg: string; legend: { color: string; label: string; communes: number }[]; unknown: number };
export type ReportFinding = { text: string; themes: string[]; votes: number; origin: string };
/** The questionnaires' part: their shape is the questionnaires module's (it computes them). */
export type ReportSurvey = SurveyHighlights;

export type ReportData = {
  territory: { name: string; slug: string; kind: string; isDemo: boolean };
  generatedAt: string;
  settings: { distanceKm: number; ifnThreshold: number };
  figures: {
    communes: number;
    population: number;
    places: number;
    placesPer10k: number | null;
    ifnMedian: number | null;
    fragileCommunes: number;
    far: { population: number; communes: number };
    whiteZones: { population: number; communes: number };
  };
  farByService: { service: string; population: number; communes: number }[];
  priorities: { name: string; code: string; whiteZone: boolean; explanation: string }[];
  maps: ReportMap[];
  actors: { total: number; engaged: number; toMobilise: number; byWorld: { label: string; count: number }[] };
  maturity: { assessed: number; dimensions: { title: string; median: number | null; belowShare: number | null }[]; weakest: string[]; strongest: string[] };
  surveys: ReportSurvey[];
  findings: { strengths: ReportFinding[]; questions: ReportFinding[]; byTheme: { theme: string; strengths: number; questions: number }[] };
};


async function mapOf(territory: { id: string; updatedAt: Date; name: string }, codes: () => Promise<string[]>, rows: { code: string }[], def: IndicatorDef, values: Map<string, number | null>): Promise<ReportMap | null> {
  const outline = await cachedOutline(`${territory.id}:${territory.updatedAt.getTime()}`, codes, { detailed: true });
  if (!outline) return null;
  const { classes, classOf } = classify([...values.values()], def);
  const title = `${territory.name} : ${def.label.toLowerCase()}`;
  const svg = choroplethSvg(outline, (code) => classes[classOf(values.get(code) ?? null)]?.color ?? NO_VALUE, title);
  return { title: def.label, svg, legend: classes.map((c) => ({ color: c.color, label: c.label, communes: c.communes })), unknown: rows.filter((r) => values.get(r.code) === null).length };
}

/** Everything the État des lieux shows, computed now. */
export async function buildReport(db: Executor, territory: { id: string; slug: string; name: string; kind: string; isDemo: boolean; updatedAt: Date; status: TerritoryStatus }): Promise<ReportData> {
  const portrait = await territoryPortrait(db, territory.id);
  const codes = () => territoryCommuneCodes(db, territory.id);
  const byId = new Map(portrait.indicators.map((i) => [i.id, i]));
  const maps: ReportMap[] = [];
  for (const id of ["ifn_total", "nearest_place_km"]) {
    const def = byId.get(id);
    if (!def) continue;
    const map = await mapOf(territory, codes, portrait.rows, def, new Map(portrait.rows.map((r) => [r.code, def.value(r)])));
    if (map) maps.push(map);
  }
  const ifnValues = portrait.rows.map((r) => r.ifn?.total).filter((v): v is number => typeof v === "number");

  const visible = visibleIn(db, territory.id);
  const [totalRow] = await db.select({ n: count() }).from(actors).where(visible);
  const [engagedRow] = await db.select({ n: count() }).from(actors).where(and(visible, sql`${followUpStatus(territory.id)} = 'engaged'`));
  const worldRows = await db
    .select({ world: sql<string>`unnest(${actors.worlds})`, n: count() })
    .from(actors)
    .where(visible)
    .groupBy(sql`1`);
  const worldCount = new Map(worldRows.map((r) => [r.world, Number(r.n)]));

  const maturity = await territoryMaturity(db, territory);
  const title = (id: DimensionId) => grid.find((d) => d.id === id)?.title ?? id;

  const all = await listFindings(db, territory.id);
  const asReport = (f: (typeof all)[number]): ReportFinding => ({ text: f.text, themes: f.themes.map(themeLabel), votes: f.votes, origin: f.originLabel });
  const themeIds = [...new Set(all.flatMap((f) => f.themes))];

  return {
    territory: { name: territory.name, slug: territory.slug, kind: territory.kind, isDemo: territory.isDemo },
    generatedAt: new Date().toISOString(),
    settings: portrait.settings,
    figures: {
      communes: portrait.totals.communes,
      population: portrait.totals.population,
      places: portrait.totals.places,
      placesPer10k: portrait.totals.placesPer10k,
      ifnMedian: median(ifnValues),
      fragileCommunes: ifnValues.filter((v) => v > portrait.settings.ifnThreshold).length,
      far: portrait.totals.far,
      whiteZones: portrait.totals.whiteZones,
    },
    farByService: SERVICES.map((s) => ({ service: shortLabel(s), ...portrait.totals.farByService[s] })),
    priorities: portrait.priorities.slice(0, 10).map((p) => ({ name: p.commune.name, code: p.commune.code, whiteZone: p.commune.whiteZone === true, explanation: p.explanation })),
    maps,
    actors: {
      total: totalRow?.n ?? 0,
      engaged: engagedRow?.n ?? 0,
      toMobilise: (totalRow?.n ?? 0) - (engagedRow?.n ?? 0),
      byWorld: worlds.map((w) => ({ label: worldLabels[w as World], count: worldCount.get(w) ?? 0 })).filter((w) => w.count > 0),
    },
    maturity: {
      assessed: maturity.summary.assessed,
      dimensions: maturity.summary.dimensions.map((d) => ({ title: title(d.dimension), median: d.median, belowShare: d.belowShare })),
      weakest: weakest(maturity.summary).map((d) => title(d.dimension)),
      strongest: strongest(maturity.summary).map((d) => title(d.dimension)),
    },
    surveys: await surveyHighlights(db, territory.id),
    findings: {
      strengths: all.filter((f) => f.kind === "strength").map(asReport),
      questions: all.filter((f) => f.kind === "question").map(asReport),
      byTheme: themeIds
        .map((t) => ({ theme: themeLabel(t), strengths: all.filter((f) => f.kind === "strength" && f.themes.includes(t)).length, questions: all.filter((f) => f.kind === "question" && f.themes.includes(t)).length }))
        .sort((a, b) => b.strengths + b.questions - (a.strengths + a.questions)),
    },
  };
}

export type PublishedReport = { version: number; publishedAt: Date; publishedBy: string; data: ReportData };

/** A published version can never change: publishing requires the person to say they understand it (a checkbox, no JavaScript needed). */
export const publishReportSchema = z.object({
  comprends: z.literal("oui", { error: "Cochez « Je comprends que cette version ne pourra plus être modifiée » pour publier." }),
});

/** Publishes the current État des lieux as the next numbered version (its figures are kept as they are). */
export async function publishReport(db: Db, principal: Principal, territory: TerritoryRef & Parameters<typeof buildReport>[1], raw: Record<string, unknown>): Promise<{ version: number }> {
  if (!diagnosticPolicy.publishReport(principal, territory)) throw new AppError("forbidden");
  parseOrThrow(publishReportSchema, raw);
  const data = await buildReport(db, territory);
  const by = principalLabel(principal, { show: "nameOrEmail", anonymous: "" });
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ v: max(diagnosticReports.version) }).from(diagnosticReports).where(eq(diagnosticReports.territoryId, territory.id));
    const version = (last?.v ?? 0) + 1;
    await tx.insert(diagnosticReports).values({ territoryId: territory.id, version, publishedBy: by, snapshot: data });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "diagnostic_report", entityId: `${territory.id}:${version}`, action: "publish", after: { version } });
    return { version };
  });
}

export async function listReports(db: Executor, territoryId: string): Promise<{ version: number; publishedAt: Date; publishedBy: string }[]> {
  return db
    .select({ version: diagnosticReports.version, publishedAt: diagnosticReports.publishedAt, publishedBy: diagnosticReports.publishedBy })
    .from(diagnosticReports)
    .where(eq(diagnosticReports.territoryId, territoryId))
    .orderBy(desc(diagnosticReports.version));
}

export async function findReport(db: Executor, territoryId: string, version: number): Promise<PublishedReport | undefined> {
  if (!Number.isInteger(version) || version < 1) return undefined;
  const [row] = await db.select().from(diagnosticReports).where(and(eq(diagnosticReports.territoryId, territoryId), eq(diagnosticReports.version, version)));
  return row ? { version: row.version, publishedAt: row.publishedAt, publishedBy: row.publishedBy, data: row.snapshot as ReportData } : undefined;
}
