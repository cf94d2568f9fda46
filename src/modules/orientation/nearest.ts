import { and, isNotNull, sql } from "drizzle-orm";
import KDBush from "kdbush";
import { around } from "geokdbush";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { openAt, places, placesVersion, statusText } from "@/modules/places";
import { findAccessibilityNeed, findNeed, type AccessibilityKey, type NeedKey } from "./needs";
import { communeTable, RECHECK_MS, territorySlugs, versioned } from "./memory";

export { RECHECK_MS };

/**
 * "Where can I get help near me?" across the whole instance: help does not stop at a territory's
 * border, and someone living at the edge of a département is often closest to a place in the next one.
 *
 * The places are kept in an in-memory k-d tree (kdbush) searched by great-circle distance (geokdbush):
 * tens of thousands of points answer in well under a millisecond, with no geographic extension in the
 * database (PGlite has none) and no distance formula written in SQL. What an answer shows (address,
 * contacts, lists), the communes' positions and the territories' links are in memory too (memory.ts),
 * so a search runs no SQL; the data is at most a few seconds old (RECHECK_MS).
 */

export const EARTH_RADIUS_KM = 6371;
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

export type PlaceKey = { name: string; address: string; lon: number; lat: number };
/** Two records this close (in km) with the same name are one place whose sources placed it a little apart. */
export const SAME_PLACE_KM = 0.15;

/**
 * The same place published by several sources (the national data, a territory's import, a proposal):
 * same normalised name, and the same normalised address or points less than SAME_PLACE_KM apart.
 * Two branches of one network ("France Services") have different addresses and lie far apart.
 */
export function samePlace(a: PlaceKey, b: PlaceKey): boolean {
  if (a.name !== b.name) return false;
  if (a.address !== "" && a.address === b.address) return true;
  return distanceKm(a.lon, a.lat, b.lon, b.lat) < SAME_PLACE_KM;
}

type IndexedPlace = {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** The normalised name and address: with the position, what tells one place published twice (samePlace). */
  key: PlaceKey;
  services: readonly string[];
  support: readonly string[];
  serviceSet: ReadonlySet<string>;
  supportSet: ReadonlySet<string>;
  access: readonly string[];
  hours: string | null;
  communeCode: string | null;
  address: HelpPlace["address"];
  contact: { phone?: string; emails: readonly string[]; websites: readonly string[]; appointment?: string };
};
export type PlaceIndex = { tree: KDBush; places: readonly IndexedPlace[]; version: string };

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

async function buildIndex(db: Executor, version: string): Promise<PlaceIndex> {
  // Only the fields an answer shows are read out of the record (not the descriptions).
  const d = places.data;
  const rows = await db
    .select({
      id: places.id,
      name: places.name,
      lon: places.lon,
      lat: places.lat,
      services: places.services,
      support: places.support,
      access: places.access,
      hours: places.hours,
      communeCode: places.communeCode,
      street: sql<unknown>`${d}->>'adresse'`,
      complement: sql<unknown>`${d}->>'complement_adresse'`,
      postcode: sql<unknown>`${d}->>'code_postal'`,
      commune: sql<unknown>`${d}->>'commune'`,
      phone: sql<unknown>`${d}->>'telephone'`,
      emails: sql<unknown>`${d}->'courriels'`,
      websites: sql<unknown>`${d}->'site_web'`,
      appointment: sql<unknown>`${d}->>'prise_rdv'`,
    })
    .from(places)
    .where(and(isNotNull(places.lon), isNotNull(places.lat)));
  const kept: IndexedPlace[] = [];
  for (const r of rows) {
    if (r.lon === null || r.lat === null || Math.abs(r.lat) > 90 || Math.abs(r.lon) > 180) continue;
    if (r.access.includes(NO_PUBLIC)) continue;
    kept.push({
      id: r.id,
      name: r.name,
      lon: r.lon,
      lat: r.lat,
      key: { name: normalizeSearch(r.name), address: normalizeSearch(`${text(r.street) ?? ""} ${text(r.postcode) ?? ""}`), lon: r.lon, lat: r.lat },
      services: r.services,
      support: r.support,
      serviceSet: new Set(r.services),
      supportSet: new Set(r.support),
      access: r.access,
      hours: r.hours,
      communeCode: r.communeCode,
      address: { street: text(r.street) ?? "", complement: text(r.complement), postcode: text(r.postcode) ?? "", commune: text(r.commune) ?? "" },
      contact: { phone: text(r.phone), emails: texts(r.emails), websites: texts(r.websites), appointment: text(r.appointment) },
    });
  }
  const tree = new KDBush(kept.length);
  for (const p of kept) tree.add(p.lon, p.lat);
  tree.finish();
  return { tree, places: kept, version };
}

/**
 * The index of the database's places, built on first use and rebuilt when the places changed.
 * The change check (one count and one max) runs at most every `maxAgeMs`; concurrent requests share
 * one build. The version is read before the build, so a change during the build triggers another.
 */
export function placeIndex(db: Executor, maxAgeMs = RECHECK_MS): Promise<PlaceIndex> {
  return versioned("places", db, maxAgeMs, placesVersion, buildIndex);
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

export type HelpOrigin = { lon: number; lat: number; commune?: { code: string; name: string; departement: string } };
/**
 * `covered`: this instance holds places in the starting commune's département. When it does not, an
 * empty list means "not in our data yet", not "no help there" — the page says so and points elsewhere.
 */
export type HelpAnswer = { ok: true; origin: HelpOrigin; places: HelpPlace[]; covered: boolean } | { ok: false; reason: "unknown-commune" | "no-position" };

async function originOf(db: Executor, query: HelpQuery): Promise<HelpOrigin | HelpAnswer> {
  if (query.communeCode !== undefined) {
    const c = (await communeTable(db)).get(query.communeCode.toUpperCase());
    if (!c) return { ok: false, reason: "unknown-commune" };
    if (c.lon === null || c.lat === null) return { ok: false, reason: "no-position" };
    return { lon: c.lon, lat: c.lat, commune: { code: c.code, name: c.name, departement: c.departement } };
  }
  if (query.lon === undefined || query.lat === undefined || !Number.isFinite(query.lon) || !Number.isFinite(query.lat)) return { ok: false, reason: "no-position" };
  return { lon: query.lon, lat: query.lat };
}

const coveredByIndex = new WeakMap<PlaceIndex, Set<string>>();
/** The départements where the index holds at least one place (computed once per index). */
async function coveredDepartements(db: Executor, index: PlaceIndex): Promise<Set<string>> {
  const known = coveredByIndex.get(index);
  if (known) return known;
  const table = await communeTable(db);
  const set = new Set<string>();
  for (const p of index.places) {
    const d = p.communeCode ? table.get(p.communeCode)?.departement : undefined;
    if (d) set.add(d);
  }
  coveredByIndex.set(index, set);
  return set;
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
  const [index, slugs] = await Promise.all([placeIndex(db), territorySlugs(db)]);
  const kept: PlaceKey[] = [];
  // Many places share the same hours ("Mo-Fr 09:00-12:00,14:00-17:00"): each text is evaluated once.
  const isOpen = openAt(now);
  const matches = (i: number): boolean => {
    const p = index.places[i];
    if (!p) return false;
    if (services.length && !services.some((s) => p.serviceSet.has(s))) return false;
    if (!supports.every((values) => values.some((v) => p.supportSet.has(v)))) return false;
    // Unknown or unreadable hours are not "open": sending someone to a closed door is the worse mistake.
    if (query.openNow && !isOpen(p.hours)) return false;
    // Duplicates lie at (nearly) the same distance: keeping the first one met lists the place once, and
    // leaves its other copies no slot among the ten. At most `limit` places are kept: the scan stays short.
    if (kept.some((k) => samePlace(k, p.key))) return false;
    kept.push(p.key);
    return true;
  };
  const found = index.tree.numItems === 0 ? [] : around(index.tree, origin.lon, origin.lat, limit, maxKm, matches);
  const result = found.flatMap((i): HelpPlace[] => {
    const p = index.places[i];
    if (!p) return [];
    return [
      {
        id: p.id,
        name: p.name,
        distanceKm: Math.round(distanceKm(origin.lon, origin.lat, p.lon, p.lat) * 10) / 10,
        address: { ...p.address },
        hours: p.hours,
        status: p.hours ? statusText(p.hours, now) : null,
        contact: { phone: p.contact.phone, emails: [...p.contact.emails], websites: [...p.contact.websites], appointment: p.contact.appointment },
        access: [...p.access],
        services: [...p.services],
        support: [...p.support],
        territorySlug: p.communeCode ? slugs.get(p.communeCode) : undefined,
      },
    ];
  });
  // A search from a point (no commune) is covered when anything is found; from a commune, by its département.
  const covered = origin.commune ? (await coveredDepartements(db, index)).has(origin.commune.departement) : result.length > 0;
  return { ok: true, origin, places: result, covered };
}
