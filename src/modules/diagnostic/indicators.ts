/**
 * A coordinator's own indicators per commune: a CSV (or XLSX) keyed by INSEE code, one column per
 * indicator. Checked line by line (unknown code, commune outside the territory, not a number); a dry run
 * writes nothing; a commit replaces each indicator's values in one transaction. Re-importing the same
 * file changes nothing.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { slugify } from "@/platform/text";
import { communes } from "@/modules/geo";
import { readProducerFile } from "@/modules/places";
import { type TerritoryRef, perimeterAmong, perimeterJoin } from "@/modules/territories";
import { diagnosticPolicy } from "./policy";
import { customIndicators, customIndicatorValues } from "./schema";

export const CODE_COLUMN = "code_insee";
const NAME_COLUMNS = new Set(["nom", "nom_commune", "commune", "libelle", "libellé"]);
const MAX_INDICATORS = 20;

export type IndicatorIssue = { line: number; column: string; message: string };
export type IndicatorColumn = { key: string; label: string; unit: string; values: number };
export type IndicatorReport = {
  rows: number;
  /** Lines whose every value was read. */
  accepted: number;
  rejected: number;
  indicators: IndicatorColumn[];
  issues: IndicatorIssue[];
  dryRun: boolean;
};

/** "Taux de chômage (%)" → label "Taux de chômage", unit "%". */
export function parseHeader(header: string): { key: string; label: string; unit: string } {
  const m = /^(.*?)\s*\(([^()]{1,20})\)\s*$/.exec(header.trim());
  const label = (m?.[1] ?? header).trim().slice(0, 120) || header.trim();
  return { key: slugify(label).slice(0, 60), label, unit: (m?.[2] ?? "").trim() };
}

/** A number as people type it: "12,5", "1 234", "12.5", "-3", "45 %". Empty → null. */
export function parseNumber(text: string): number | null | "invalid" {
  const t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "");
  if (t === "") return null;
  const normalized = /^-?\d+(,\d+)?$/.test(t) ? t.replace(",", ".") : t;
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(normalized)) return "invalid";
  const n = Number(normalized);
  return Number.isFinite(n) ? n : "invalid";
}

/** The downloadable template: the territory's communes, one empty example column. */
export async function indicatorTemplate(db: Executor, territoryId: string): Promise<string> {
  const rows = await db
    .select({ code: communes.code, name: communes.name })
    .from(communes)
    .innerJoin(...perimeterJoin(territoryId, communes.code))
    .orderBy(asc(communes.code));
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `\uFEFF${[`${CODE_COLUMN};nom;Mon indicateur (unité)`, ...rows.map((r) => `${r.code};${quote(r.name)};`)].join("\r\n")}\r\n`;
}

type Parsed = { report: IndicatorReport; values: Map<string, Map<string, number>>; columns: { key: string; label: string; unit: string }[] };

async function check(db: Executor, territoryId: string, bytes: Uint8Array, filename: string): Promise<Parsed> {
  const read = await readProducerFile(bytes, filename);
  const empty: Parsed = { report: { rows: 0, accepted: 0, rejected: 0, indicators: [], issues: [], dryRun: true }, values: new Map(), columns: [] };
  if (!read.ok) return { ...empty, report: { ...empty.report, issues: [{ line: 0, column: "", message: read.error }] } };
  const { table } = read;
  const codeColumn = table.columns.find((c) => slugify(c).replace(/-/g, "_") === CODE_COLUMN || /^(code[\s_-]?insee|insee|code[\s_-]?commune|codgeo)$/i.test(c.trim()));
  if (!codeColumn) {
    return { ...empty, report: { ...empty.report, issues: [{ line: 1, column: "", message: `La première ligne doit nommer une colonne « ${CODE_COLUMN} » (le code INSEE de la commune, 5 caractères). Téléchargez le modèle pour voir la forme attendue.` }] } };
  }
  const valueColumns = table.columns.filter((c) => c !== codeColumn && !NAME_COLUMNS.has(c.trim().toLowerCase()));
  const issues: IndicatorIssue[] = [];
  if (valueColumns.length === 0) issues.push({ line: 1, column: "", message: "Aucune colonne d'indicateur : ajoutez au moins une colonne de valeurs après le code INSEE." });
  if (valueColumns.length > MAX_INDICATORS) issues.push({ line: 1, column: "", message: `Le fichier compte ${valueColumns.length} colonnes d'indicateurs : ${MAX_INDICATORS} au plus par import.` });
  const columns = valueColumns.slice(0, MAX_INDICATORS).map(parseHeader);
  const seenKeys = new Set<string>();
  for (const [i, c] of columns.entries()) {
    if (!c.key || seenKeys.has(c.key)) issues.push({ line: 1, column: valueColumns[i] ?? "", message: "Deux colonnes portent le même nom (ou un nom vide) : renommez-les." });
    seenKeys.add(c.key);
  }
  if (issues.length) return { ...empty, report: { ...empty.report, rows: table.rows.length, issues } };

  const codes = [...new Set(table.rows.map((r) => (r[codeColumn] ?? "").trim().toUpperCase().padStart(5, "0")))];
  const known = new Set((codes.length ? await db.select({ c: communes.code }).from(communes).where(inArray(communes.code, codes)) : []).map((r) => r.c));
  const perimeter = new Set(await perimeterAmong(db, territoryId, codes));
  const values = new Map(columns.map((c) => [c.key, new Map<string, number>()]));
  const seenCodes = new Map<string, number>();
  let accepted = 0;
  for (const [i, row] of table.rows.entries()) {
    const line = table.lines[i] ?? i + 2;
    const raw = (row[codeColumn] ?? "").trim().toUpperCase();
    // Spreadsheets drop the leading zero of 01001…09999: put it back, as the places import does.
    const code = /^\d{4}$/.test(raw) ? `0${raw}` : raw;
    const lineIssues: IndicatorIssue[] = [];
    if (!/^[0-9][0-9AB][0-9]{3}$/.test(code)) lineIssues.push({ line, column: codeColumn, message: `« ${raw} » n'est pas un code INSEE de commune (5 caractères, par exemple 16015).` });
    else if (!known.has(code)) lineIssues.push({ line, column: codeColumn, message: `Le code INSEE ${code} ne correspond à aucune commune actuelle.` });
    else if (!perimeter.has(code)) lineIssues.push({ line, column: codeColumn, message: `La commune ${code} n'est pas dans le territoire : ligne ignorée.` });
    else if (seenCodes.has(code)) lineIssues.push({ line, column: codeColumn, message: `La commune ${code} figure déjà ligne ${seenCodes.get(code)} : cette ligne est ignorée.` });
    const parsed = columns.map((c, j) => ({ key: c.key, column: valueColumns[j] ?? "", value: parseNumber(row[valueColumns[j] ?? ""] ?? "") }));
    for (const p of parsed) if (p.value === "invalid") lineIssues.push({ line, column: p.column, message: `« ${row[p.column]} » n'est pas un nombre (exemples acceptés : 12 ; 12,5 ; 1 234).` });
    if (lineIssues.length) {
      issues.push(...lineIssues);
      continue;
    }
    seenCodes.set(code, line);
    accepted++;
    for (const p of parsed) if (typeof p.value === "number") values.get(p.key)?.set(code, p.value);
  }
  const indicators = columns.map((c) => ({ ...c, values: values.get(c.key)?.size ?? 0 }));
  return { report: { rows: table.rows.length, accepted, rejected: table.rows.length - accepted, indicators, issues, dryRun: true }, values, columns };
}

/** Checks (dry run) or imports a file of indicators. */
export async function importIndicators(db: Db, principal: Principal, territory: TerritoryRef, input: { bytes: Uint8Array; filename: string; dryRun: boolean }): Promise<IndicatorReport> {
  if (!diagnosticPolicy.importIndicators(principal, territory)) throw new AppError("forbidden");
  const parsed = await check(db, territory.id, input.bytes, input.filename);
  if (input.dryRun || parsed.columns.length === 0) return parsed.report;
  if (parsed.report.accepted === 0) throw new AppError("validation", { message: "Aucune ligne valable dans ce fichier : rien n'a été importé. Corrigez les lignes signalées." });
  const by = principalLabel(principal, { show: "email", anonymous: "" });
  await db.transaction(async (tx) => {
    for (const c of parsed.columns) {
      const [indicator] = await tx
        .insert(customIndicators)
        .values({ territoryId: territory.id, key: c.key, label: c.label, unit: c.unit, source: input.filename.slice(0, 200), createdBy: by })
        .onConflictDoUpdate({ target: [customIndicators.territoryId, customIndicators.key], set: { label: c.label, unit: c.unit, source: input.filename.slice(0, 200), updatedAt: new Date() } })
        .returning({ id: customIndicators.id });
      if (!indicator) throw new Error("upsert returned nothing");
      await tx.delete(customIndicatorValues).where(eq(customIndicatorValues.indicatorId, indicator.id));
      const rows = [...(parsed.values.get(c.key) ?? new Map<string, number>())].map(([communeCode, value]) => ({ indicatorId: indicator.id, communeCode, value }));
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(customIndicatorValues).values(rows.slice(i, i + 1000));
    }
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "custom_indicator", entityId: input.filename.slice(0, 200), action: "import", after: { indicators: parsed.report.indicators, rejected: parsed.report.rejected } });
  });
  return { ...parsed.report, dryRun: false };
}

export async function deleteIndicator(db: Db, principal: Principal, territory: TerritoryRef, indicatorId: string): Promise<void> {
  if (!diagnosticPolicy.importIndicators(principal, territory)) throw new AppError("forbidden");
  if (!/^[0-9a-f-]{36}$/i.test(indicatorId)) throw new AppError("not_found");
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(customIndicators).where(and(eq(customIndicators.id, indicatorId), eq(customIndicators.territoryId, territory.id))).returning();
    if (!gone) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "custom_indicator", entityId: indicatorId, action: "delete", before: { key: gone.key, label: gone.label } });
  });
}

export type CustomIndicator = { id: string; key: string; label: string; unit: string; source: string; updatedAt: Date; values: Map<string, number> };

/** The territory's own indicators with their values per commune. */
export async function listCustomIndicators(db: Executor, territoryId: string): Promise<CustomIndicator[]> {
  const list = await db.select().from(customIndicators).where(eq(customIndicators.territoryId, territoryId)).orderBy(asc(customIndicators.label));
  if (list.length === 0) return [];
  const values = await db
    .select()
    .from(customIndicatorValues)
    .where(inArray(customIndicatorValues.indicatorId, list.map((i) => i.id)));
  return list.map((i) => ({
    id: i.id,
    key: i.key,
    label: i.label,
    unit: i.unit,
    source: i.source,
    updatedAt: i.updatedAt,
    values: new Map(values.filter((v) => v.indicatorId === i.id).map((v) => [v.communeCode, v.value])),
  }));
}
