import { asc, count, eq, max } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes, referenceMeta } from "@/modules/geo";
import { territories, territoryCommunes } from "@/modules/territories";

/**
 * What the help finder keeps in memory, per database and per version of what it was built from.
 * A search then runs no SQL: with 20 searches in flight on one event loop, every round trip and
 * every row mapped shows in the p95. Each holder asks the database whether its source changed at
 * most every `maxAgeMs` (one cheap query), concurrent callers share one build, and the version is
 * read before the build, so a change during the build triggers another.
 */

/** How long data is trusted before asking the database whether it changed. */
export const RECHECK_MS = 5_000;

type Holder<T> = { checkedAt: number; version?: string; value?: Promise<T> };
// Keyed by database (tests open several; the application has one), and kept on globalThis because
// Next.js may load this module more than once: one copy per process, not one per bundle.
const shared = globalThis as unknown as { __maillageOrientationMemory?: WeakMap<Executor, Map<string, Holder<unknown>>> };
const holders = (shared.__maillageOrientationMemory ??= new WeakMap<Executor, Map<string, Holder<unknown>>>());

export async function versioned<T>(
  name: string,
  db: Executor,
  maxAgeMs: number,
  version: (db: Executor) => Promise<string>,
  build: (db: Executor, version: string) => Promise<T>,
): Promise<T> {
  let byName = holders.get(db);
  if (!byName) holders.set(db, (byName = new Map()));
  let holder = byName.get(name) as Holder<T> | undefined;
  if (!holder) byName.set(name, (holder = { checkedAt: -Infinity }));
  const clock = Date.now();
  if (holder.value && clock - holder.checkedAt < maxAgeMs) return holder.value;
  holder.checkedAt = clock;
  const current = await version(db);
  if (holder.value && holder.version === current) return holder.value;
  const building = build(db, current);
  holder.version = current;
  holder.value = building;
  const h = holder;
  building.catch(() => {
    // A failed build must not be served forever: the next request tries again.
    if (h.value === building) Object.assign(h, { value: undefined, version: undefined, checkedAt: -Infinity });
  });
  return building;
}

export type CommuneRecord = { code: string; name: string; postcodes: string[]; departement: string; population: number; lon: number | null; lat: number | null; /** The normalised name, worked out once (match.ts). */ search: string };

/** Reference data changes only when the data files are reloaded (their version is recorded). */
async function referenceVersion(db: Executor): Promise<string> {
  const [row] = await db.select({ value: referenceMeta.value }).from(referenceMeta).where(eq(referenceMeta.key, "reference_version"));
  const [n] = await db.select({ n: count() }).from(communes);
  return `${row?.value ?? ""}:${n?.n ?? 0}`;
}

/** Every commune with its name, postcodes, département and representative point (~35,000: a few MB). */
export function communeTable(db: Executor, maxAgeMs = RECHECK_MS): Promise<Map<string, CommuneRecord>> {
  return versioned("communes", db, maxAgeMs, referenceVersion, async (d) => {
    const rows = await d
      .select({ code: communes.code, name: communes.name, postcodes: communes.postcodes, departement: communes.departement, population: communes.population, lon: communes.lon, lat: communes.lat })
      .from(communes);
    return new Map(rows.map((r) => [r.code, { ...r, postcodes: r.postcodes.split(" ").filter(Boolean), search: normalizeSearch(r.name) }]));
  });
}

async function territoriesVersion(db: Executor): Promise<string> {
  const [row] = await db.select({ n: count(), last: max(territories.updatedAt) }).from(territories);
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? ""}`;
}

/**
 * For each commune inside at least one territory, the most local territory holding it (a commune's
 * before an EPCI's, and so on): the link from a place to its page.
 */
export function territorySlugs(db: Executor, maxAgeMs = RECHECK_MS): Promise<Map<string, string>> {
  return versioned("territory-slugs", db, maxAgeMs, territoriesVersion, async (d) => {
    const rows = await d
      .select({ commune: territoryCommunes.communeCode, slug: territories.slug })
      .from(territoryCommunes)
      .innerJoin(territories, eq(territories.id, territoryCommunes.territoryId))
      // The perimeter_kind enum is declared from the most local (commune) to the widest (region, then custom).
      .orderBy(asc(territories.kind), asc(territories.slug));
    const slugs = new Map<string, string>();
    for (const r of rows) if (!slugs.has(r.commune)) slugs.set(r.commune, r.slug);
    return slugs;
  });
}
