import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes } from "@/modules/geo";
import { perimeterAmong, perimeterJoin } from "./tenancy";

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
