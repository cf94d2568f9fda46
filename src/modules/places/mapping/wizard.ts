/**
 * The steps of « Importer un fichier dans votre propre format », as plain functions that the page and
 * the server action call: open the kept upload, describe it for the form (columns, examples,
 * suggestions or a saved mapping), preview the mapped records, and check or import them through
 * importPlaces (which checks the policy again and writes in one transaction).
 */
import type { Principal } from "@/platform/auth/principal";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parisToday } from "@/platform/dates";
import type { Territory } from "@/modules/territories";
import { importPlaces, type ImportLine, type ImportReport } from "../commands";
import { enumValues, isEnumField, placeFields, type FieldName } from "../standard/schema";
import { takeUpload } from "../uploads";
import { writtenSources } from "../import-view";
import { reportCounts, type ReportCounts } from "../import-outcome";
import { applyMapping, remapReport, standardJson, type Applied, type StandardRecord } from "./apply";
import { mappingPolicy } from "./policy";
import type { SavedMapping } from "./queries";
import { readProducerFile, type ProducerTable } from "./read";
import type { ColumnMapping } from "./schema";
import { examples, suggestMapping } from "./suggest";
import { translationViews, type TranslationView } from "./translation-view";
import { concatFields, concatRows, concatSelects, missingRequired } from "./validation";
import {
  columnInput,
  concatColumnInput,
  concatColumnsInput,
  concatFieldInput,
  concatRowsInput,
  concatSeparatorInput,
  concatShownInput,
  constantInput,
  dayInput,
  MAX_CONCAT_ROWS,
  projectionInput,
} from "./form-names";
import { mappedProjection } from "./normalize/coordinates";
import { projectionLabel, projections } from "./normalize/projections";

export function authorizeUse(principal: Principal, territory: Pick<Territory, "id" | "status">): void {
  if (!mappingPolicy.use(principal, territory)) throw new AppError("forbidden");
}

export const expiredUpload = "Le fichier déposé n'est plus disponible (plus d'une heure, ou lien incomplet) : déposez-le à nouveau.";

/**
 * The producer's file kept at step 1, read again: only by the person who uploaded it, in this
 * territory. `found: false` (unknown, or someone else's) is a 404 for the caller.
 */
export async function openUpload(
  db: Db,
  principal: Principal,
  territory: Pick<Territory, "id">,
  token: string,
): Promise<{ ok: true; table: ProducerTable; filename: string } | { ok: false; found: boolean; error: string }> {
  const upload = await takeUpload(db, principal, territory, token);
  if (!upload) return { ok: false, found: false, error: expiredUpload };
  if (upload === "expired") return { ok: false, found: true, error: expiredUpload };
  const read = await readProducerFile(upload.bytes, upload.filename);
  return read.ok ? { ok: true, table: read.table, filename: upload.filename } : { ok: false, found: true, error: read.error };
}

// ── the form ────────────────────────────────────────────────────────────────────────────────────

export type FieldView = {
  name: FieldName;
  title: string;
  required: boolean;
  /** Label of the "no column" choice: for some fields the import completes the value itself. */
  noneLabel: string;
  /** Shown under the select: what was suggested and why, or what happens without a column. */
  hint: string;
  /** Whether a fixed value makes sense (never for the identifier), and what it accepts. */
  constant: { hint: string } | null;
};

export type ColumnView = { name: string; examples: string[] };

export type MappingView = {
  filename: string;
  format: ProducerTable["format"];
  sheet?: string;
  rows: number;
  skipped: number;
  columns: ColumnView[];
  fields: FieldView[];
  /** Values of the form's inputs, pre-filled with the suggestions or the saved mapping. */
  defaults: Record<string, string>;
  /** Said once above the form (e.g. columns of a saved mapping missing from this file). */
  notices: string[];
  /** Each enumerated field's distinct terms, what they become, with counts. */
  translations: TranslationView[];
  /** The parts of the mapping the selects do not show (translations, composed fields), as JSON for a hidden input. */
  complements: string;
  /** What the longitude/latitude columns are read as (said under them); "" without both columns. */
  projection: string;
  /** The choices of the projection select (after « Automatique »). */
  projections: { code: string; label: string }[];
  /** Fields a concatenation may fill, for the « Champs composés » section. */
  concatFields: { name: FieldName; title: string }[];
};

/** What the selects do not carry, kept from one post to the next. */
export function complementsOf(mapping: ColumnMapping): string {
  return JSON.stringify({ ...(mapping.translations ? { translations: mapping.translations } : {}), ...(mapping.compose ? { compose: mapping.compose } : {}) });
}

const completions: Partial<Record<FieldName, { none: string; hint: string }>> = {
  id: {
    none: "Aucune : identifiant calculé",
    hint: "Sans colonne d'identifiant, il est calculé à partir du nom, de l'adresse, du code postal et de la commune : réimporter le même fichier ne crée pas de doublon, mais un lieu renommé deviendra un nouveau lieu.",
  },
  pivot: {
    none: "Aucune : SIRET inconnu",
    hint: "Sans SIRET ni RNA, la valeur de remplacement du standard (00000000000000) est utilisée, avec un seul avertissement pour tout le fichier.",
  },
  date_maj: { none: "Aucune : date du jour", hint: "Sans colonne de date ni valeur fixe, la date du jour de l'import est utilisée." },
  source: {
    none: "Aucune colonne",
    hint: "Avec l'identifiant, la source sert à reconnaître les lieux déjà importés. Sans source, le nom du fichier est utilisé : donnez plutôt une valeur fixe (le nom de la structure qui produit le fichier), pour que le prochain fichier, même renommé, mette à jour les mêmes lieux.",
  },
};

function constantHint(f: FieldName): string {
  if (isEnumField(f)) return `Valeurs possibles, séparées par « | » : ${enumValues(f).join(" ; ")}.`;
  if (f === "date_maj") return "Au format AAAA-MM-JJ, par exemple 2024-03-31.";
  if (f === "pivot") return "SIRET (14 chiffres) ou numéro RNA (W suivi de 9 chiffres), si tout le fichier concerne la même structure.";
  return "Utilisée pour chaque ligne quand aucune colonne n'est choisie ou que la cellule est vide.";
}

/**
 * The form's values for a mapping (what the selects, fixed-value inputs, projection and composed fields
 * show). One row per concatenation, plus `emptyRows` empty ones (« Ajouter un champ composé »); an empty
 * row when there is none, so that the first one can be written.
 */
export function formValues(mapping: ColumnMapping, emptyRows = 0): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of placeFields) {
    out[columnInput(f.name)] = mapping.fields[f.name] ?? "";
    if (f.name !== "id") out[constantInput(f.name)] = mapping.constants?.[f.name] ?? "";
  }
  out[projectionInput] = mapping.projection ?? "";
  const filled = concatRows(mapping.compose);
  const rows = [...filled, ...Array.from({ length: filled.length === 0 ? Math.max(1, emptyRows) : emptyRows }, () => undefined)].slice(0, Math.max(MAX_CONCAT_ROWS, filled.length));
  out[concatRowsInput] = String(rows.length);
  rows.forEach((row, i) => {
    const k = i + 1;
    out[concatFieldInput(k)] = row?.field ?? "";
    out[concatShownInput(k)] = row?.field ?? "";
    const selects = concatSelects(row?.columns.length ?? 0);
    out[concatColumnsInput(k)] = String(selects);
    for (let n = 1; n <= selects; n++) out[concatColumnInput(k, n)] = row?.columns[n - 1] ?? "";
    // A space by default: « 8 » and « rue de la Paix » make « 8 rue de la Paix ».
    out[concatSeparatorInput(k)] = row?.separator ?? " ";
  });
  const hours = mapping.compose?.horaires;
  for (let d = 0; d < 7; d++) out[dayInput(d)] = hours?.kind === "hours_by_day" ? (hours.days[d] ?? "") : "";
  return out;
}

/**
 * What the longitude/latitude columns are read as, in words: the projection chosen with the mapping,
 * else the one detected from the file's values (as apply.ts does at the import); "" without both columns.
 */
export function projectionNote(table: ProducerTable, mapping: ColumnMapping): string {
  const { longitude, latitude } = mapping.fields;
  if (longitude === undefined || latitude === undefined) return "";
  const code = mapping.projection ?? mappedProjection(table.rows, { longitude, latitude })?.code;
  const chosen = mapping.projection ? " (projection choisie)" : "";
  if (code === undefined) return "Projection des coordonnées non reconnue : les valeurs sont lues telles quelles, en degrés (WGS84). Choisissez la projection si ce n'est pas le cas.";
  if (code === "4326") return `Coordonnées lues en degrés (WGS84)${chosen}, sans conversion.`;
  if (code === "4326-inverse") return `Coordonnées lues en degrés (WGS84), latitude et longitude inversées${chosen} : remises dans l'ordre.`;
  return `Coordonnées lues en ${projectionLabel(code)}${chosen}, converties en degrés (WGS84).`;
}

/** Everything the mapping form shows, from the suggestions or from a saved mapping. */
export function mappingView(table: ProducerTable, filename: string, saved?: SavedMapping): MappingView {
  const suggestions = suggestMapping(table);
  const columns = new Set(table.columns);
  const notices: string[] = [];
  let mapping: ColumnMapping;
  if (saved) {
    const missing = Object.entries(saved.mapping.fields ?? {}).filter(([, c]) => !columns.has(c));
    const fields = Object.fromEntries(Object.entries(saved.mapping.fields).filter(([, c]) => columns.has(c)));
    // Translations and composed fields travel with it (a mapping of the first shape has none).
    mapping = { ...saved.mapping, fields };
    notices.push(`Correspondance « ${saved.name} » appliquée.`);
    if (missing.length > 0) {
      notices.push(`Colonnes de la correspondance absentes de ce fichier (champs laissés sans colonne) : ${missing.map(([f, c]) => `« ${c} » pour ${f}`).join(", ")}.`);
    }
  } else {
    mapping = { fields: Object.fromEntries(Object.entries(suggestions).map(([f, s]) => [f, s.column])) };
  }
  const fields = placeFields.map((f): FieldView => {
    const s = suggestions[f.name];
    const completion = completions[f.name];
    const suggested = s ? `Suggestion : « ${s.column} » (${s.reason}).` : "Aucune colonne suggérée.";
    return {
      name: f.name,
      title: f.title,
      required: f.required,
      noneLabel: completion?.none ?? "Aucune colonne",
      hint: [suggested, completion?.hint].filter(Boolean).join(" "),
      constant: f.name === "id" ? null : { hint: constantHint(f.name) },
    };
  });
  // Required first (in the standard's order), then the rest.
  fields.sort((a, b) => Number(b.required) - Number(a.required));
  return {
    filename,
    format: table.format,
    ...(table.sheet ? { sheet: table.sheet } : {}),
    rows: table.rows.length,
    skipped: table.skipped,
    columns: table.columns.map((c) => ({ name: c, examples: examples(table, c) })),
    fields,
    defaults: formValues(mapping),
    notices,
    translations: translationViews(table, mapping),
    complements: complementsOf(mapping),
    projection: projectionNote(table, mapping),
    projections: projections.map((p) => ({ code: p.code, label: p.label })),
    concatFields: placeFields.filter((f) => concatFields.includes(f.name)).map((f) => ({ name: f.name, title: f.title })),
  };
}

// ── preview, check, import ──────────────────────────────────────────────────────────────────────

export const PREVIEW_ROWS = 10;

export type Preview = {
  rows: number;
  fields: { name: FieldName; title: string }[];
  records: { line: number; values: StandardRecord; errors: string[] }[];
  translations: TranslationView[];
  complements: string;
};

/** The first records as they will be sent to the standard's validation, with their line in the file. */
export function previewMapping(table: ProducerTable, mapping: ColumnMapping, today = parisToday()): Preview {
  const head: ProducerTable = { ...table, rows: table.rows.slice(0, PREVIEW_ROWS), lines: table.lines.slice(0, PREVIEW_ROWS) };
  const { records, lines, issues } = applyMapping(head, mapping, { today });
  const used = placeFields.filter((f) => records.some((r) => r[f.name] !== undefined)).map((f) => ({ name: f.name, title: f.title }));
  return {
    rows: table.rows.length,
    fields: used,
    records: records.map((values, i) => ({ line: lines[i] ?? i + 1, values, errors: issues.filter((x) => x.line === i + 1).map((x) => x.message) })),
    translations: translationViews(table, mapping),
    complements: complementsOf(mapping),
  };
}

/** Refuses a check or an import that would reject every line for want of a required field. */
export function requireEssentials(mapping: ColumnMapping): void {
  const missing = missingRequired(mapping);
  if (missing.length === 0) return;
  const message = "Ce champ obligatoire du standard n'a ni colonne ni valeur fixe.";
  throw new AppError("validation", {
    message: `Choisissez une colonne (ou une valeur fixe) pour : ${missing.join(", ")}.`,
    fieldErrors: Object.fromEntries(missing.map((f) => [columnInput(f), [message]])),
  });
}

/**
 * Dry run or import of the mapped file through the standard pipeline; the report's line numbers
 * are the producer's (see apply.ts).
 */
export async function importMapped(
  db: Db,
  principal: Principal,
  input: { territory: Territory; table: ProducerTable; filename: string; mapping: ColumnMapping; today: string; dryRun: boolean },
): Promise<ImportReport> {
  authorizeUse(principal, input.territory);
  requireEssentials(input.mapping);
  const applied = applyMapping(input.table, input.mapping, { today: input.today });
  const kept = keptRecords(applied);
  const report = await importPlaces(db, principal, { bytes: standardJson(kept.records), filename: input.filename, territory: input.territory, dryRun: input.dryRun });
  return withMappingIssues(remapReport(report, kept.lines), applied);
}

/** The records the mapping did not refuse, with their lines in the producer's file. */
export function keptRecords(applied: Applied): { records: StandardRecord[]; lines: number[] } {
  const records: StandardRecord[] = [];
  const lines: number[] = [];
  applied.records.forEach((r, i) => {
    if (applied.refused.has(i + 1)) return;
    records.push(r);
    lines.push(applied.lines[i] ?? i + 1);
  });
  return { records, lines };
}

/**
 * Adds the mapping's own findings to a report whose lines are already the producer's: refused
 * records count as read and rejected, their errors sit among the others in line order, and the
 * file-wide summaries (unknown terms) come first.
 */
export function withMappingIssues<R extends { records: number; rejected: number; issues: ImportReport["issues"]; lines?: ImportLine[] }>(report: R, applied: Applied): R {
  const own = remapReport({ issues: applied.issues }, applied.lines).issues;
  const refusedLines = [...applied.refused].map((n) => ({ line: applied.lines[n - 1] ?? n, id: applied.records[n - 1]?.id ?? "", status: "rejected" as const }));
  const issues = [...own, ...report.issues].sort((a, b) => a.line - b.line);
  return {
    ...report,
    records: report.records + applied.refused.size,
    rejected: report.rejected + applied.refused.size,
    issues,
    ...(report.lines ? { lines: [...report.lines, ...refusedLines].sort((a, b) => a.line - b.line) } : {}),
  };
}

const MAX_SHOWN = 300;

/** What the page shows of a report, small enough to travel in the form's state: its counts and first rows. */
export type ReportView = ReportCounts & {
  issues: ImportReport["issues"];
  totalIssues: number;
  /** Lines refused or outside the perimeter (the first ones). */
  notImported: ImportLine[];
  totalNotImported: number;
  /** The sources of the places written (or to write): the result links to them. */
  sources: string[];
};

export function reportView(report: ImportReport): ReportView {
  const notImported = report.lines.filter((l) => l.status === "rejected" || l.status === "skipped" || l.status === "conflict");
  return {
    ...reportCounts(report),
    issues: report.issues.slice(0, MAX_SHOWN),
    totalIssues: report.issues.length,
    notImported: notImported.slice(0, MAX_SHOWN),
    totalNotImported: notImported.length,
    sources: writtenSources(report.lines),
  };
}
