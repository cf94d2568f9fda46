import { eq, getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes, departements, epcis, referenceMeta, regions } from "./schema";
import { readTable, records, referenceVersion } from "./reference-files";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v == null ? "" : String(v));

function ifn(r: Record<string, unknown>) {
  return {
    ifnTotal: num(r.ifn_total),
    ifnNoThd: num(r.ifn_no_thd),
    ifnNo4g: num(r.ifn_no_4g),
    ifnPoverty: num(r.ifn_poverty),
    ifnOlder65: num(r.ifn_older_65),
    ifnNoDiploma: num(r.ifn_no_diploma),
  };
}

async function upsertInBatches<T extends Record<string, unknown>>(
  rows: T[],
  write: (batch: T[]) => Promise<unknown>,
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** `SET col = excluded.col` for every column: an upsert that refreshes the whole row. */
function excludedAll(table: PgTable) {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
}

/** Loads data/*.json into the shared reference tables when they changed; returns true if it loaded. */
export async function loadReferenceData(db: Db): Promise<boolean> {
  const version = referenceVersion();
  const [current] = await db.select().from(referenceMeta).where(eq(referenceMeta.key, "reference_version"));
  if (current?.value === version) return false;

  const regionRows = records(readTable("regions.json")).map((r) => ({
    code: str(r.code),
    name: str(r.name),
    population: num(r.population) ?? 0,
    search: normalizeSearch(`${str(r.name)} ${str(r.code)}`),
  }));
  const depRows = records(readTable("departements.json")).map((r) => ({
    code: str(r.code),
    name: str(r.name),
    region: str(r.region),
    population: num(r.population) ?? 0,
    search: normalizeSearch(`${str(r.name)} ${str(r.code)}`),
  }));
  const epciRows = records(readTable("epci.json")).map((r) => ({
    code: str(r.code),
    name: str(r.name),
    type: r.type == null ? null : str(r.type),
    population: num(r.population) ?? 0,
    search: normalizeSearch(`${str(r.name)} ${str(r.code)}`),
    ...ifn(r),
  }));
  const communeRows = records(readTable("communes.json")).map((r) => ({
    code: str(r.code),
    name: str(r.name),
    departement: str(r.departement),
    region: str(r.region),
    epci: r.epci == null ? null : str(r.epci),
    population: num(r.population) ?? 0,
    postcodes: str(r.postcodes),
    lon: num(r.lon),
    lat: num(r.lat),
    search: normalizeSearch(`${str(r.name)} ${str(r.code)} ${str(r.postcodes)}`),
    ...ifn(r),
  }));

  await db.transaction(async (tx) => {
    await upsertInBatches(regionRows, (b) => tx.insert(regions).values(b).onConflictDoUpdate({ target: regions.code, set: excludedAll(regions) }));
    await upsertInBatches(depRows, (b) =>
      tx.insert(departements).values(b).onConflictDoUpdate({ target: departements.code, set: excludedAll(departements) }),
    );
    await upsertInBatches(epciRows, (b) => tx.insert(epcis).values(b).onConflictDoUpdate({ target: epcis.code, set: excludedAll(epcis) }));
    await upsertInBatches(communeRows, (b) =>
      tx.insert(communes).values(b).onConflictDoUpdate({ target: communes.code, set: excludedAll(communes) }),
    );
    await tx
      .insert(referenceMeta)
      .values({ key: "reference_version", value: version })
      .onConflictDoUpdate({ target: referenceMeta.key, set: { value: version } });
  });
  // Fresh statistics right away: without them PostgreSQL plans the first queries on ~35,000 rows blind.
  await db.execute(sql`analyze ${communes}, ${epcis}, ${departements}, ${regions}`);
  return true;
}
