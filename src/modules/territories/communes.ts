import type { Executor } from "@/platform/db/client";
import { communes, matchCommunes, resolveWritten, splitWritten, writtenCommuneTable, type WrittenResult } from "@/modules/geo";
import { perimeterAmong, perimeterCodes, perimeterJoin } from "./tenancy";

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
  if (options.scope === "france") return resolveWritten(table, entries, { prefer: inTerritory, postcodeTakesAll: options.list });
  const scoped = table.filter((c) => inTerritory.has(c.code));
  const numbersOnly = entries.every((e) => /^\d[\dAB]\d{3}$/i.test(e));
  const codes = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const here = resolveWritten(scoped, [entry], { postcodeTakesAll: options.list, numbersOnly });
    for (const c of here.codes) codes.add(c);
    if (here.problems.length === 0) continue;
    // A real commune elsewhere ("La Rochelle") is said to be outside, rather than matched to a near name here.
    const elsewhere = matchCommunes(table, entry).kind;
    if (elsewhere === "found" || elsewhere === "choose") problems.push(`« ${entry} » n'est pas une commune du territoire.`);
    else problems.push(...here.problems.map((p) => p.replace("aucune commune de ce nom", "aucune commune du territoire de ce nom").replace("aucune commune n'a", "aucune commune du territoire n'a")));
  }
  return { codes: [...codes].sort(), problems };
}
