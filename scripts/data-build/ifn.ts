import { readFileSync } from "node:fs";
import type { CogCommune, CurrentCommune } from "./cog";
import { parseCsv } from "./csv";
import { IFN_DECIMALS, IFN_FIELDS, IFN_KEYS, type IfnValues } from "./settings";
import { round } from "./util";

// ---------------------------------------------------------------------------
// IFN
// ---------------------------------------------------------------------------

export interface IfnRow {
  code: string;
  name: string;
  values: IfnValues;
}

/** Rows whose values are all empty (e.g. Marseille 13055) are treated as absent. */
export function loadIfn(file: string): { rows: Map<string, IfnRow>; duplicates: string[]; empty: string[] } {
  const rows = new Map<string, IfnRow>();
  const duplicates: string[] = [];
  const empty: string[] = [];
  for (const record of parseCsv(readFileSync(file, "utf8"))) {
    const code = record["code"]?.trim();
    if (!code) throw new Error(`${file}: row without code`);
    const values = Object.fromEntries(
      IFN_FIELDS.map(([key, column]) => {
        const raw = record[column]?.trim() ?? "";
        const value = raw === "" ? Number.NaN : Number(raw);
        return [key, Number.isFinite(value) ? value : null];
      }),
    ) as IfnValues;
    if (IFN_KEYS.every((key) => values[key] === null)) {
      empty.push(code);
      continue;
    }
    if (rows.has(code)) {
      duplicates.push(code); // keep the first one: there is no better rule
      continue;
    }
    rows.set(code, { code, name: record["name"] ?? "", values });
  }
  return { rows, duplicates, empty };
}

export function roundIfn(values: IfnValues | null): (number | null)[] {
  return IFN_KEYS.map((key) => {
    const value = values?.[key] ?? null;
    return value === null ? null : round(value, IFN_DECIMALS);
  });
}

/** Per field, weighted mean over the parts that have a value for that field. */
export function weightedMeanIfn(parts: { values: IfnValues; weight: number }[]): IfnValues {
  const result = {} as IfnValues;
  for (const key of IFN_KEYS) {
    let sum = 0;
    let weights = 0;
    for (const { values, weight } of parts) {
      const value = values[key];
      if (value !== null && weight > 0) {
        sum += value * weight;
        weights += weight;
      }
    }
    result[key] = weights > 0 ? sum / weights : null;
  }
  return result;
}

export type IfnSource = "own" | "parts-population-weighted" | "parts-unweighted" | "none";

export interface IfnMatch {
  values: IfnValues | null;
  source: IfnSource;
  usedCodes: string[];
}

/**
 * IFN row for a current commune: its own code first. Failing that (commune
 * nouvelle created after the IFN's COG, or Paris/Lyon/Marseille whose IFN is
 * only given per arrondissement), the mean of the rows of its parts:
 * weighted by population when every contributing part has one (arrondissements
 * municipaux), unweighted otherwise — the package has no population for former
 * communes, and the inputs hold no other source for it.
 */
export function matchCommuneIfn(
  commune: CurrentCommune,
  rows: Map<string, IfnRow>,
  formerCodes: readonly string[],
  arrondissements: readonly CogCommune[],
): IfnMatch {
  const own = rows.get(commune.code);
  if (own) return { values: own.values, source: "own", usedCodes: [commune.code] };

  const parts: { code: string; values: IfnValues; population: number | null }[] = [];
  for (const code of formerCodes) {
    const row = code === commune.code ? undefined : rows.get(code);
    if (row) parts.push({ code, values: row.values, population: null });
  }
  for (const arrondissement of arrondissements) {
    const row = rows.get(arrondissement.code);
    if (row) parts.push({ code: arrondissement.code, values: row.values, population: arrondissement.population ?? null });
  }
  if (parts.length === 0) return { values: null, source: "none", usedCodes: [] };

  const weighted = parts.every((p) => p.population !== null && p.population > 0);
  const values = weightedMeanIfn(parts.map((p) => ({ values: p.values, weight: weighted ? (p.population ?? 0) : 1 })));
  return {
    values,
    source: weighted ? "parts-population-weighted" : "parts-unweighted",
    usedCodes: parts.map((p) => p.code),
  };
}
