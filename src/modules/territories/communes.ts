import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes, resolveWritten, splitWritten, writtenCommuneTable, type WrittenResult } from "@/modules/geo";
import { perimeterAmong, perimeterCodes, perimeterJoin } from "./tenancy";

export type CommuneMatch = { codes: string[]; unknown: string[]; ambiguous: { entry: string; names: string[] }[] };

/**
 * Communes of the territory named the way people write them: INSEE code, postcode, or name (accents
 * and case ignored). A postcode or name shared by several communes of the territory is "ambiguous".
 */
export async function matchTerritoryCommunes(db: Executor, territoryId: string, entries: readonly string[]): Promise<CommuneMatch> {
  const wanted = [...new Set(entries.map((e) => e.trim()).filter(Boolean))];
  const out: CommuneMatch = { codes: [], unknown: [], ambiguous: [] };
  if (wanted.length === 0) return out;
  const rows = await db
    .select({ code: communes.code, name: communes.name, postcodes: communes.postcodes })
    .from(communes)
    .innerJoin(...perimeterJoin(territoryId, communes.code));
  const codes = new Set<string>();
  for (const entry of wanted) {
    const n = normalizeSearch(entry);
    const byCode = rows.filter((r) => r.code === entry.toUpperCase());
    const matches = byCode.length ? byCode : rows.filter((r) => r.postcodes.split(" ").includes(entry) || normalizeSearch(r.name) === n);
    if (matches.length === 1 && matches[0]) codes.add(matches[0].code);
    else if (matches.length === 0) out.unknown.push(entry);
    else out.ambiguous.push({ entry, names: matches.map((m) => `${m.name} (${m.code})`) });
  }
  out.codes = [...codes];
  return out;
}

/** Names of communes by INSEE code (for display). */
export async function communeNames(db: Executor, territoryId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: communes.code, name: communes.name })
    .from(communes)
    .innerJoin(...perimeterJoin(territoryId, communes.code));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Whether one commune lies in the territory's perimeter. */
export async function inPerimeter(db: Executor, territoryId: string, communeCode: string): Promise<boolean> {
  return (await perimeterAmong(db, territoryId, [communeCode])).length > 0;
}

/**
 * The one entry point of every commune field of the forms (geo/written.ts says what is understood):
 * `scope: "territory"` accepts only the territory's communes (a finding's); `"france"` accepts any
 * commune but looks in the territory's first (a structure's location or served communes, which may
 * lie outside). `list`: several communes, where a bare postcode brings all the communes it serves.
 */
export async function resolveCommunesAsWritten(db: Executor, territoryId: string | null, text: string, options: { scope: "territory" | "france"; list: boolean }): Promise<WrittenResult> {
  const entries = options.list ? splitWritten(text) : [text.trim()].filter(Boolean);
  if (entries.length === 0) return { codes: [], problems: [] };
  const inTerritory = territoryId ? new Set((await perimeterCodes(db, territoryId)).map((r) => r.c)) : new Set<string>();
  const table = await writtenCommuneTable(db);
  const scoped = options.scope === "territory" ? table.filter((c) => inTerritory.has(c.code)) : table;
  const result = resolveWritten(scoped, entries, { prefer: options.scope === "france" ? inTerritory : undefined, postcodeTakesAll: options.list });
  if (options.scope === "territory") return { ...result, problems: result.problems.map((p) => p.replace("aucune commune de ce nom", "aucune commune du territoire de ce nom").replace("aucune commune n'a", "aucune commune du territoire n'a")) };
  return result;
}
