import { aliasedTable, and, asc, eq, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { toCsv, toOdsBook, toXlsxBook, type Cell, type Sheet, type SpreadsheetFormat } from "@/platform/spreadsheet";
import { places } from "@/modules/places";
import { communes } from "@/modules/geo";
import { actors } from "@/modules/actors";
import { accompaniments } from "./schema";
import { accompanimentStatsBy, dimensionTitles, orientationFlows, statsDimensions, type StatsDimension, type StatsFilter } from "./stats";

/**
 * Exports of the accompaniments (decision 029): the records, one line each, and the statistics, one sheet per
 * dimension. Records hold no personal data; the export also leaves out who recorded each one (the account
 * of a mediator is personal data, and nobody needs it to count).
 */

export const recordsHeader = [
  "identifiant",
  "date",
  "lieu",
  "commune",
  "structure",
  "type",
  "personnes",
  "duree_minutes",
  "themes",
  "materiel",
  "ou",
  "autonomie",
  "oriente_vers",
  "titre",
  "niveau",
  "tranches_age",
  "statuts",
  "origine",
];

const oriented = aliasedTable(places, "oriented_place");
const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}:${n}`)
    .join(" ");

function recordWhere(territoryId: string, filter: StatsFilter, afterId?: string): SQL | undefined {
  return and(
    eq(accompaniments.territoryId, territoryId),
    filter.from ? gte(accompaniments.occurredOn, `${filter.from}-01`) : undefined,
    filter.to ? lte(accompaniments.occurredOn, sql`(${`${filter.to}-01`}::date + interval '1 month' - interval '1 day')::date`) : undefined,
    filter.placeId ? eq(accompaniments.placeId, filter.placeId) : undefined,
    filter.communeCode ? inArray(accompaniments.placeId, sql`(select ${places.id} from ${places} where ${places.communeCode} = ${filter.communeCode})`) : undefined,
    afterId ? gt(accompaniments.id, afterId) : undefined,
  );
}

/** One page of records as export rows, in id order (keyset: a page costs the same at the start and the end). */
export async function recordRowsPage(db: Executor, territoryId: string, filter: StatsFilter, afterId: string | undefined, limit: number): Promise<{ rows: Cell[][]; lastId: string | undefined }> {
  const rows = await db
    .select({
      id: accompaniments.id,
      occurredOn: accompaniments.occurredOn,
      place: places.name,
      commune: communes.name,
      actor: actors.name,
      kind: accompaniments.kind,
      people: accompaniments.people,
      minutes: accompaniments.durationMinutes,
      themes: accompaniments.themes,
      equipment: accompaniments.equipment,
      setting: accompaniments.setting,
      autonomy: accompaniments.autonomy,
      oriented: oriented.name,
      title: accompaniments.title,
      level: accompaniments.level,
      ageBands: accompaniments.ageBands,
      statuses: accompaniments.statuses,
      origin: accompaniments.origin,
    })
    .from(accompaniments)
    .leftJoin(places, eq(places.id, accompaniments.placeId))
    .leftJoin(communes, eq(communes.code, places.communeCode))
    .leftJoin(actors, eq(actors.id, accompaniments.actorId))
    .leftJoin(oriented, eq(oriented.id, accompaniments.orientedToPlaceId))
    .where(recordWhere(territoryId, filter, afterId))
    .orderBy(asc(accompaniments.id))
    .limit(limit);
  return {
    rows: rows.map((r) => [
      r.id,
      r.occurredOn,
      r.place ?? "",
      r.commune ?? "",
      r.actor ?? "",
      r.kind,
      r.people,
      r.minutes,
      r.themes.join(" "),
      r.equipment.join(" "),
      r.setting,
      r.autonomy ?? "",
      r.oriented ?? "",
      r.title,
      r.level ?? "",
      counts(r.ageBands),
      counts(r.statuses),
      r.origin,
    ]),
    lastId: rows.at(-1)?.id,
  };
}

/** Every record of the selection, page after page (the CLI writes each page as it comes). */
export async function* recordRows(db: Executor, territoryId: string, filter: StatsFilter = {}, pageSize = 5000): AsyncGenerator<Cell[][]> {
  let after: string | undefined;
  for (;;) {
    const page = await recordRowsPage(db, territoryId, filter, after, pageSize);
    if (page.rows.length > 0) yield page.rows;
    if (page.rows.length < pageSize || !page.lastId) return;
    after = page.lastId;
  }
}

/** The records as one CSV, XLSX or ODS file. */
export async function exportRecords(db: Executor, territoryId: string, filter: StatsFilter, format: SpreadsheetFormat): Promise<string | Uint8Array> {
  const rows: Cell[][] = [];
  for await (const page of recordRows(db, territoryId, filter)) rows.push(...page);
  const sheet: Sheet = { name: "Accompagnements", header: recordsHeader, rows, widths: [38, 12, 30, 20, 30, 12, 10, 10, 30, 20, 10, 14, 30, 24, 10, 20, 20, 10] };
  if (format === "csv") return toCsv(sheet.header, sheet.rows);
  return format === "xlsx" ? toXlsxBook([sheet]) : toOdsBook([sheet]);
}

export const statsExportDimensions = [...statsDimensions, "orientation"] as const;
export type StatsExportDimension = (typeof statsExportDimensions)[number];
export function isStatsExportDimension(s: string): s is StatsExportDimension {
  return (statsExportDimensions as readonly string[]).includes(s);
}

/** One dimension's statistics as a sheet: its key, its label, then numbers (numbers stay numbers). */
export async function statsSheet(db: Executor, territoryId: string, by: StatsExportDimension, filter: StatsFilter = {}): Promise<Sheet> {
  if (by === "orientation") {
    const flows = await orientationFlows(db, territoryId, filter);
    return {
      name: "Orientations",
      header: ["lieu_depart", "lieu_depart_id", "lieu_oriente", "lieu_oriente_id", "accompagnements", "personnes"],
      rows: flows.map((f) => [f.fromName, f.fromPlaceId, f.toName, f.toPlaceId, f.records, f.people]),
      widths: [34, 38, 34, 38, 16, 12],
    };
  }
  const rows = await accompanimentStatsBy(db, territoryId, by, filter);
  return {
    name: dimensionTitles[by],
    header: ["cle", dimensionKeyHeader[by], "accompagnements", "personnes", "minutes"],
    rows: rows.map((r) => [r.key, r.label, r.records, r.people, r.minutes]),
    widths: [38, 40, 16, 12, 12],
  };
}

const dimensionKeyHeader: Record<StatsDimension, string> = {
  theme: "theme",
  month: "mois",
  place: "lieu",
  commune: "commune",
  actor: "structure",
  age: "tranche_age",
  status: "statut",
  kind: "type",
  setting: "ou",
  autonomy: "autonomie",
};

/** CSV: one dimension (`by`); XLSX and ODS: a workbook with every dimension and the flows. */
export async function exportStats(db: Executor, territoryId: string, filter: StatsFilter, format: SpreadsheetFormat, by: StatsExportDimension = "theme"): Promise<string | Uint8Array> {
  if (format === "csv") {
    const sheet = await statsSheet(db, territoryId, by, filter);
    return toCsv(sheet.header, sheet.rows);
  }
  const sheets: Sheet[] = [];
  for (const d of statsExportDimensions) sheets.push(await statsSheet(db, territoryId, d, filter));
  return format === "xlsx" ? toXlsxBook(sheets) : toOdsBook(sheets);
}

