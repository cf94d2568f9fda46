import { and, asc, count, eq, inArray, isNotNull, max } from "drizzle-orm";
import KDBush from "kdbush";
import { around } from "geokdbush";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes } from "@/modules/geo/schema";
import { places } from "@/modules/places/schema";
import { isOpenAt, statusText } from "@/modules/places/hours";
import { territories, territoryCommunes } from "@/modules/territories/schema";
import { findAccessibilityNeed, findNeed, type AccessibilityKey, type NeedKey } from "./needs";

/**
 * "Where can I get help near me?" across the whole instance: help does not stop at a territory's
 * border, and someone living at the edge of a département is often closest to a place in the next one.
 *
 * The places are kept in an in-memory k-d tree (kdbush) searched by great-circle distance (geokdbush):
 * tens of thousands of points answer in well under a millisecond, with no geographic extension in the
 * database (PGlite has none) and no distance formula written in SQL.
 */

export const EARTH_RADIUS_KM = 6371;
/** How long an index is trusted before asking the database whether the places changed. */
export const RECHECK_MS = 5_000;
/** "Ce lieu n'accueille pas de public": such a place cannot be an answer to a person looking for help. */
const NO_PUBLIC = "Ce lieu n'accueille pas de public";

/** Great-circle distance in km (haversine), on a sphere of the Earth's mean radius. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Only what filtering needs stays in memory; the full records are read for the few results. */
type IndexedPlace = {
  id: string;
  lon: number;
  lat: number;
  /** Same name at the same point: the same place published twice (by two sources, say). */
  sameAs: string;
  services: ReadonlySet<string>;
  support: ReadonlySet<string>;
  hours: string | null;
};
export type PlaceIndex = { tree: KDBush; places: readonly IndexedPlace[]; version: string };

async function placesVersion(db: Executor): Promise<string> {
  const [row] = await db.select({ n: count(), last: max(places.modifiedAt) }).from(places);
  return `${row?.n ?? 0}:${row?.last?.toISOString() ?? ""}`;
}

async function buildIndex(db: Executor, version: string): Promise<PlaceIndex> {
  const rows = await db
    .select({ id: places.id, name: places.name, lon: places.lon, lat: places.lat, services: places.services, support: places.support, access: places.access, hours: places.hours })
    .from(places)
    .where(and(isNotNull(places.lon), isNotNull(places.lat)));
  const kept: IndexedPlace[] = [];
  for (const r of rows) {
    if (r.lon === null || r.lat === null || Math.abs(r.lat) > 90 || Math.abs(r.lon) > 180) continue;
    if (r.access.includes(NO_PUBLIC)) continue;
    const sameAs = `${normalizeSearch(r.name)}|${r.lon.toFixed(5)}|${r.lat.toFixed(5)}`;
    kept.push({ id: r.id, lon: r.lon, lat: r.lat, sameAs, services: new Set(r.services), support: new Set(r.support), hours: r.hours });
  }
  const tree = new KDBush(kept.length);
  for (const p of kept) tree.add(p.lon, p.lat);
  tree.finish();
  return { tree, places: kept, version };
}

type Holder = { checkedAt: number; version?: string; index?: Promise<PlaceIndex> };
// Keyed by database (tests open several; the application has one), and kept on globalThis because
// Next.js may load this module more than once: one index per process, not one per bundle.
const shared = globalThis as unknown as { __maillagePlaceIndexes?: WeakMap<Executor, Holder> };
const holders = (shared.__maillagePlaceIndexes ??= new WeakMap<Executor, Holder>());

/**
 * The index of the database's places, built on first use and rebuilt when the places changed.
 * The change check (one count and one max) runs at most every `maxAgeMs`; concurrent requests share
 * one build. The version is read before the build, so a change during the build triggers another.
 */
export async function placeIndex(db: Executor, maxAgeMs = RECHECK_MS): Promise<PlaceIndex> {
  const holder = holders.get(db) ?? { checkedAt: -Infinity };
  holders.set(db, holder);
  const clock = Date.now();
  if (holder.index && clock - holder.checkedAt < maxAgeMs) return holder.index;
  holder.checkedAt = clock;
  const version = await placesVersion(db);
  if (holder.index && holder.version === version) return holder.index;
  const building = buildIndex(db, version);
  holder.version = version;
  holder.index = building;
  building.catch(() => {
    // A failed build must not be served forever: the next request tries again.
    if (holder.index === building) Object.assign(holder, { index: undefined, version: undefined, checkedAt: -Infinity });
  });
  return building;
}

export type HelpQuery = {
  communeCode?: string;
  lon?: number;
  lat?: number;
  need?: NeedKey;
  openNow?: boolean;
  accessibility?: readonly AccessibilityKey[];
  limit?: number;
  maxKm?: number;
};

export type HelpPlace = {
  id: string;
  name: string;
  /** Great-circle distance from the starting point, rounded to 0.1 km. */
  distanceKm: number;
  address: { street: string; complement?: string; postcode: string; commune: string };
  hours: string | null;
  /** "Ouvert jusqu’à 17 h 30", "Ouvre lundi à 9 h"…; null when the place gives no hours. */
  status: string | null;
  contact: { phone?: string; emails: string[]; websites: string[]; appointment?: string };
  /** How to get in (modalites_acces): "Se présenter", "Téléphoner"… */
  access: string[];
  services: string[];
  support: string[];
  /** A public territory whose perimeter holds the place, for the link to its page. */
  territorySlug?: string;
};

export type HelpOrigin = { lon: number; lat: number; commune?: { code: string; name: string } };
export type HelpAnswer = { ok: true; origin: HelpOrigin; places: HelpPlace[] } | { ok: false; reason: "unknown-commune" | "no-position" };

async function originOf(db: Executor, query: HelpQuery): Promise<HelpOrigin | HelpAnswer> {
  if (query.communeCode !== undefined) {
    const [c] = await db.select({ code: communes.code, name: communes.name, lon: communes.lon, lat: communes.lat }).from(communes).where(eq(communes.code, query.communeCode.toUpperCase()));
    if (!c) return { ok: false, reason: "unknown-commune" };
    if (c.lon === null || c.lat === null) return { ok: false, reason: "no-position" };
    return { lon: c.lon, lat: c.lat, commune: { code: c.code, name: c.name } };
  }
  if (query.lon === undefined || query.lat === undefined || !Number.isFinite(query.lon) || !Number.isFinite(query.lat)) return { ok: false, reason: "no-position" };
  return { lon: query.lon, lat: query.lat };
}

/** The nearest places matching the need, the accessibility needs and (if asked) open at `now`. */
export async function findHelp(db: Executor, query: HelpQuery, now: Date = new Date()): Promise<HelpAnswer> {
  const origin = await originOf(db, query);
  if ("ok" in origin) return origin;
  const limit = Math.max(1, Math.min(query.limit ?? 10, 50));
  const maxKm = Math.max(0, Math.min(query.maxKm ?? 50, 500));
  const services = findNeed(query.need)?.services ?? [];
  const supports = (query.accessibility ?? []).flatMap((k) => {
    const a = findAccessibilityNeed(k);
    return a ? [a.support] : [];
  });
  const index = await placeIndex(db);
  const seen = new Set<string>();
  // Many places share the same hours ("Mo-Fr 09:00-12:00,14:00-17:00"): parse each text once per search.
  const openByHours = new Map<string, boolean>();
  const isOpen = (hours: string): boolean => {
    let open = openByHours.get(hours);
    if (open === undefined) {
      open = isOpenAt(hours, now)?.state === "open";
      openByHours.set(hours, open);
    }
    return open;
  };
  const matches = (i: number): boolean => {
    const p = index.places[i];
    if (!p) return false;
    if (services.length && !services.some((s) => p.services.has(s))) return false;
    if (!supports.every((values) => values.some((v) => p.support.has(v)))) return false;
    // Unknown or unreadable hours are not "open": sending someone to a closed door is the worse mistake.
    if (query.openNow && !(p.hours && isOpen(p.hours))) return false;
    // Duplicates lie at the same distance: keeping the first one met loses nothing and lists the place once.
    if (seen.has(p.sameAs)) return false;
    seen.add(p.sameAs);
    return true;
  };
  const found = index.tree.numItems === 0 ? [] : around(index.tree, origin.lon, origin.lat, limit, maxKm, matches);
  const nearest = found.flatMap((i) => {
    const p = index.places[i];
    return p ? [{ id: p.id, km: distanceKm(origin.lon, origin.lat, p.lon, p.lat) }] : [];
  });
  if (nearest.length === 0) return { ok: true, origin, places: [] };

  const ids = nearest.map((n) => n.id);
  const rows = await db
    .select({ id: places.id, name: places.name, data: places.data, hours: places.hours, communeCode: places.communeCode, services: places.services, support: places.support, access: places.access })
    .from(places)
    .where(inArray(places.id, ids));
  const slugs = await territorySlugs(db, rows.flatMap((r) => (r.communeCode ? [r.communeCode] : [])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result = nearest.flatMap(({ id, km }): HelpPlace[] => {
    const r = byId.get(id);
    if (!r) return []; // deleted since the index was built
    const d = r.data;
    return [
      {
        id,
        name: r.name,
        distanceKm: Math.round(km * 10) / 10,
        address: { street: d.adresse, complement: d.complement_adresse, postcode: d.code_postal, commune: d.commune },
        hours: r.hours,
        status: r.hours ? statusText(r.hours, now) : null,
        contact: { phone: d.telephone, emails: d.courriels ?? [], websites: d.site_web ?? [], appointment: d.prise_rdv },
        access: r.access,
        services: r.services,
        support: r.support,
        territorySlug: r.communeCode ? slugs.get(r.communeCode) : undefined,
      },
    ];
  });
  return { ok: true, origin, places: result };
}

/** For each commune, the most local territory holding it (a commune's before an EPCI's, and so on). */
async function territorySlugs(db: Executor, communeCodes: string[]): Promise<Map<string, string>> {
  if (communeCodes.length === 0) return new Map();
  const rows = await db
    .select({ commune: territoryCommunes.communeCode, slug: territories.slug })
    .from(territoryCommunes)
    .innerJoin(territories, eq(territories.id, territoryCommunes.territoryId))
    .where(inArray(territoryCommunes.communeCode, [...new Set(communeCodes)]))
    // The perimeter_kind enum is declared from the most local (commune) to the widest (region, then custom).
    .orderBy(asc(territories.kind), asc(territories.slug));
  const slugs = new Map<string, string>();
  for (const r of rows) if (!slugs.has(r.commune)) slugs.set(r.commune, r.slug);
  return slugs;
}
