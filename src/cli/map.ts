/**
 * `npx maillage places map FILE [--mapping M.json] [--save-mapping OUT.json] [--territory SLUG] [--dry-run] [--report FILE]`:
 * maps a producer's own file (XLSX, CSV, JSON) to the national standard with the suggested mapping
 * or the one given, prints the mapping it used (the mapping file of decision 014) on stdout, and the
 * same line report as `places validate` on stderr (or in --report FILE).
 *
 * Without --territory nothing is written and no database is opened: the mapped places are checked
 * as `places validate` checks a file. With --territory they are imported into it through the same
 * command as the web wizard (--dry-run: checked against the territory, nothing written).
 *
 * Exit codes: 0 the file was mapped (even if places were rejected); 2 usage, unreadable file or
 * invalid mapping file; 3 refused by the application (e.g. a required field without column, on import).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parisToday } from "@/platform/dates";
import { countOf } from "@/platform/text";
import type { Db } from "@/platform/db/client";
import type { Territory } from "@/modules/territories";
import { contourCheck } from "@/modules/places/standard/contour-check";
import { validateFile } from "@/modules/places/standard/normalize";
import { applyMapping, remapReport, standardJson } from "@/modules/places/mapping/apply";
import { compositionColumns } from "@/modules/places/mapping/compose";
import { readProducerFile } from "@/modules/places/mapping/read";
import type { ColumnMapping } from "@/modules/places/mapping/schema";
import { suggestMapping } from "@/modules/places/mapping/suggest";
import { mappingFileText, readMappingFile } from "@/modules/places/mapping/validation";
import { importMapped, keptRecords, withMappingIssues } from "@/modules/places/mapping/wizard";

export const MAP_USAGE = "Utilisation : npx maillage places map FICHIER [--mapping CORRESPONDANCE.json] [--save-mapping SORTIE.json] [--territory ADRESSE] [--dry-run] [--report RAPPORT.json]";

const VALUE_OPTIONS = ["--mapping", "--save-mapping", "--territory", "--report"];

export type MapArgs = { file: string; mapping?: string; saveMapping?: string; territory?: string; dryRun: boolean; report?: string };

/** The arguments, or a French message saying what is wrong. */
export function mapArgs(args: string[]): MapArgs | { error: string } {
  const out: MapArgs = { file: "", dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--dry-run") out.dryRun = true;
    else if (VALUE_OPTIONS.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith("--")) return { error: `L'option ${a} attend une valeur.\n${MAP_USAGE}` };
      if (a === "--mapping") out.mapping = v;
      else if (a === "--save-mapping") out.saveMapping = v;
      else if (a === "--territory") out.territory = v;
      else out.report = v;
    } else if (a.startsWith("--")) return { error: `Option inconnue : « ${a} ».\n${MAP_USAGE}` };
    else if (out.file) return { error: `Un seul fichier à la fois (« ${out.file} », « ${a} »).\n${MAP_USAGE}` };
    else out.file = a;
  }
  return out.file ? out : { error: MAP_USAGE };
}

/** Every column a mapping reads (to name those missing from this file). */
function usedColumns(m: ColumnMapping): string[] {
  return [...new Set([...Object.values(m.fields), ...Object.values(m.translations ?? {}).flatMap((t) => t.columns ?? []), ...Object.values(m.compose ?? {}).flatMap(compositionColumns)])];
}

type Report = { records: number; accepted: number; warned: number; rejected: number; issues: { line: number; id: string; field: string; level: string; message: string }[] } & Record<string, unknown>;

/** The documented keys, in `places validate`'s order (then the import's counts when there was one). */
function reportText(r: Report, imported: boolean): string {
  const issues = r.issues.map(({ line, id, field, level, message }) => ({ line, id, field, level, message }));
  const base = { records: r.records, accepted: r.accepted, warned: r.warned, rejected: r.rejected, issues };
  const extra = imported ? { dryRun: r.dryRun, created: r.created, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped, conflicts: r.conflicts } : {};
  return `${JSON.stringify({ ...base, ...extra })}\n`;
}

const fail = (message: string) => (console.error(message), 2);

/**
 * Runs the command. `target` is given when --territory named a territory (the caller opened the
 * database); without it, nothing is written.
 */
export async function placesMap(args: MapArgs, target?: { db: Db; territory: Territory }): Promise<number> {
  const bytes = await fs.readFile(args.file).catch(() => undefined);
  if (!bytes) return fail(`Impossible de lire le fichier « ${args.file} ».`);
  const read = await readProducerFile(new Uint8Array(bytes), path.basename(args.file));
  if (!read.ok) return fail(`« ${args.file} » : ${read.error}`);
  const table = read.table;

  let mapping: ColumnMapping;
  let name: string | undefined;
  if (args.mapping) {
    const text = await fs.readFile(args.mapping, "utf8").catch(() => undefined);
    if (text === undefined) return fail(`Impossible de lire la correspondance « ${args.mapping} ».`);
    const file = readMappingFile(text);
    if (!file.ok) return fail(`Correspondance « ${args.mapping} » refusée :\n${file.errors.map((e) => `- ${e}`).join("\n")}`);
    mapping = file.mapping;
    name = file.name;
    const columns = new Set(table.columns);
    const missing = usedColumns(mapping).filter((c) => !columns.has(c));
    if (missing.length > 0) console.error(`Colonnes de la correspondance absentes du fichier (cellules lues vides) : ${missing.map((c) => `« ${c} »`).join(", ")}.`);
  } else {
    mapping = { fields: Object.fromEntries(Object.entries(suggestMapping(table)).map(([f, s]) => [f, s.column])) };
  }

  const text = mappingFileText(mapping, name);
  process.stdout.write(text);
  if (args.saveMapping) await fs.writeFile(args.saveMapping, text);

  const today = parisToday();
  let report: Report;
  if (target) {
    const { lines: _lines, ...imported } = await importMapped(target.db, { kind: "system", label: "ligne de commande" }, { territory: target.territory, table, filename: path.basename(args.file), mapping, today, dryRun: args.dryRun });
    report = imported;
  } else {
    const applied = applyMapping(table, mapping, { today });
    const kept = keptRecords(applied);
    const { results: _results, ...validated } = withMappingIssues(remapReport(validateFile(standardJson(kept.records), "correspondance.json", { check: contourCheck }), kept.lines), applied);
    report = validated;
  }
  const out = reportText(report, target !== undefined);
  if (args.report) await fs.writeFile(args.report, out);
  else process.stderr.write(out);
  console.error(`${countOf(report.records, "ligne lue", "lignes lues")} : ${countOf(report.accepted, "acceptée", "acceptées")}, ${report.warned} avec avertissement, ${countOf(report.rejected, "refusée", "refusées")}.`);
  return 0;
}
