import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes, departements, epcis, regions } from "./schema";

export type PerimeterOption = { kind: "commune" | "epci" | "departement" | "region"; code: string; name: string; detail: string; population: number };

const CODE_LIKE = /^[0-9][0-9AB][0-9]{3}$/i;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Communes matching a query by name (accent- and case-insensitive), INSEE code or postcode. */
function communeMatch(q: string): SQL | undefined {
  const n = normalizeSearch(q);
  if (!n) return undefined;
  const byText = ilike(communes.search, `%${escapeLike(n)}%`);
  return CODE_LIKE.test(q.trim()) ? or(eq(communes.code, q.trim().toUpperCase()), byText) : byText;
}

/** Search for a perimeter of the given kind; a commune name or postcode also finds the EPCI, département or région containing it. */
export async function searchPerimeters(db: Executor, kind: PerimeterOption["kind"], q: string, limit = 15): Promise<PerimeterOption[]> {
  const n = normalizeSearch(q);
  if (n.length < 2 && !CODE_LIKE.test(q.trim())) return [];
  const like = `%${escapeLike(n)}%`;
  const starts = `${escapeLike(n)}%`;
  const match = communeMatch(q);
  if (kind === "commune") {
    const rows = await db
      .select({ code: communes.code, name: communes.name, postcodes: communes.postcodes, departement: communes.departement, population: communes.population })
      .from(communes)
      .where(match)
      .orderBy(desc(sql`${communes.search} like ${starts}`), desc(communes.population))
      .limit(limit);
    return rows.map((r) => ({ kind, code: r.code, name: r.name, population: r.population, detail: `INSEE ${r.code} · ${r.postcodes.split(" ").slice(0, 3).join(", ")} · département ${r.departement}` }));
  }
  if (kind === "epci") {
    const viaCommune = db.select({ c: communes.epci }).from(communes).where(match);
    const rows = await db
      .select()
      .from(epcis)
      .where(or(ilike(epcis.search, like), eq(epcis.code, q.trim()), inArray(epcis.code, viaCommune)))
      .orderBy(desc(sql`${epcis.search} like ${starts}`), desc(epcis.population))
      .limit(limit);
    return rows.map((r) => ({ kind, code: r.code, name: r.name, population: r.population, detail: `${r.type ?? "EPCI"} · SIREN ${r.code}` }));
  }
  if (kind === "departement") {
    const viaCommune = db.select({ c: communes.departement }).from(communes).where(match);
    const rows = await db
      .select()
      .from(departements)
      .where(or(ilike(departements.search, like), eq(departements.code, q.trim().toUpperCase()), inArray(departements.code, viaCommune)))
      .orderBy(desc(sql`${departements.search} like ${starts}`), asc(departements.code))
      .limit(limit);
    return rows.map((r) => ({ kind, code: r.code, name: r.name, population: r.population, detail: `Département ${r.code}` }));
  }
  const viaCommune = db.select({ c: communes.region }).from(communes).where(match);
  const rows = await db
    .select()
    .from(regions)
    .where(or(ilike(regions.search, like), eq(regions.code, q.trim()), inArray(regions.code, viaCommune)))
    .orderBy(desc(sql`${regions.search} like ${starts}`), asc(regions.name))
    .limit(limit);
  return rows.map((r) => ({ kind, code: r.code, name: r.name, population: r.population, detail: `Région ${r.code}` }));
}

/** The perimeter's own record (to name a territory after it), or undefined when the code is unknown. */
export async function findPerimeter(db: Executor, kind: PerimeterOption["kind"], code: string): Promise<PerimeterOption | undefined> {
  const table = { commune: communes, epci: epcis, departement: departements, region: regions }[kind];
  const [row] = await db.select({ code: table.code, name: table.name, population: table.population }).from(table).where(eq(table.code, code.toUpperCase()));
  return row ? { kind, code: row.code, name: row.name, population: row.population, detail: "" } : undefined;
}

/** INSEE codes of the communes inside a standard perimeter. */
export async function communesOfPerimeter(db: Executor, kind: PerimeterOption["kind"], code: string): Promise<string[]> {
  const column = { commune: communes.code, epci: communes.epci, departement: communes.departement, region: communes.region }[kind];
  const rows = await db.select({ code: communes.code }).from(communes).where(eq(column, code.toUpperCase()));
  return rows.map((r) => r.code);
}

/**
 * Resolves a pasted list of INSEE codes or postcodes to communes.
 * A postcode may cover several communes: all are taken. Unknown entries are reported, never guessed.
 */
export async function resolveCommuneCodes(db: Executor, entries: string[]): Promise<{ codes: string[]; unknown: string[] }> {
  if (entries.length === 0) return { codes: [], unknown: [] };
  const valid = entries.filter((e) => CODE_LIKE.test(e));
  const byCode = valid.length
    ? await db.select({ code: communes.code }).from(communes).where(inArray(communes.code, valid))
    : [];
  const found = new Set(byCode.map((r) => r.code));
  const codes = new Set(found);
  const unknown: string[] = [];
  const rest = entries.filter((e) => !found.has(e));
  for (const entry of rest) {
    if (!/^[0-9]{5}$/.test(entry)) {
      unknown.push(entry);
      continue;
    }
    const byPostcode = await db
      .select({ code: communes.code })
      .from(communes)
      .where(and(sql`(' ' || ${communes.postcodes} || ' ') like ${`% ${entry} %`}`));
    if (byPostcode.length === 0) unknown.push(entry);
    for (const r of byPostcode) codes.add(r.code);
  }
  return { codes: [...codes].sort(), unknown };
}
