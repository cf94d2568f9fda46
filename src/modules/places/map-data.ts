import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Executor } from "@/platform/db/client";
import { openAt } from "./hours";
import { placesForMap, placesVersion, type PlaceFilters } from "./queries";

/**
 * The public map's data (GeoJSON points of a territory's places, with the list's filters), built once
 * per version and kept ready to send, with an ETag.
 *
 * Building it for 20,000 places costs ~100 ms of server CPU (query, rows, JSON: see bench/RESULTS.md);
 * the answer only changes when a place, the perimeter or the filters change, or with "open now",
 * when the minute changes. A warm request then costs one territory look-up, one version query (a
 * count and a max over the places) and writing the bytes; a browser that already has them gets a 304.
 *
 * Compression: Next.js drops a route's own `content-encoding` header and gzips every JSON answer
 * itself, on every request; for 3.5 MB that alone takes ~100 ms. So the gzip bytes are made once,
 * with the answer, and sent as a file (`application/gzip`, which Next.js leaves alone) to the map,
 * which inflates them in the browser (DecompressionStream); plain JSON stays available.
 */

export type MapAnswer = {
  /** Weak validator of the JSON (the gzip file's is the same with "-gz"). */
  etag: string;
  features: number;
  body: Buffer;
  gzip: Buffer;
};

export type MapFilters = PlaceFilters & { openNow: boolean };

type Entry = { answer: Promise<MapAnswer>; bytes: number };
type Cache = { entries: Map<string, Entry>; bytes: number };

/** Bytes of answers kept per database (an answer for 20,000 places is 3.5 MB, and 0.9 MB of gzip). */
export const MAP_CACHE_BYTES = 64 * 1024 * 1024;

// Keyed by database (tests open several), kept on globalThis: Next.js may load this module more than once.
const shared = globalThis as unknown as { __maillageMapAnswers?: WeakMap<Executor, Cache> };
const caches = (shared.__maillageMapAnswers ??= new WeakMap<Executor, Cache>());
const gzip = promisify(zlib.gzip);

/** The same filters always give the same key, whatever the order of the values in the URL. */
function filtersKey(f: MapFilters): string {
  const list = (v: string[] | undefined) => (v?.length ? [...new Set(v)].sort() : null);
  return JSON.stringify([f.q?.trim() || null, list(f.services), list(f.publics), list(f.support), list(f.fees), list(f.access), f.commune ?? null, f.openNow]);
}

async function build(db: Executor, territoryId: string, filters: MapFilters, now: Date): Promise<MapAnswer> {
  const rows = await placesForMap(db, territoryId, filters, filters.openNow ? openAt(now) : undefined);
  const features = rows.map((r) => ({ type: "Feature", geometry: { type: "Point", coordinates: [r.lon, r.lat] }, properties: { id: r.id, n: r.name } }));
  const body = Buffer.from(JSON.stringify({ type: "FeatureCollection", features }));
  // On libuv's thread pool: the event loop serves other requests meanwhile.
  const gz = await gzip(body, { level: 6 });
  const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { etag, features: features.length, body, gzip: gz };
}

/**
 * The map answer of a territory for these filters. `territory.updatedAt` is the perimeter's version;
 * the places' version is read from the database on every call, so a change shows at once.
 * Concurrent requests for the same answer share one build.
 */
export async function mapAnswer(db: Executor, territory: { id: string; updatedAt: Date }, filters: MapFilters, now: Date = new Date()): Promise<MapAnswer> {
  const version = await placesVersion(db);
  // "Open now" changes with the minute (opening hours are minute-grained).
  const minute = filters.openNow ? Math.floor(now.getTime() / 60_000) : null;
  const key = JSON.stringify([territory.id, territory.updatedAt.getTime(), version, filtersKey(filters), minute]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { entries: new Map(), bytes: 0 }));
  const known = cache.entries.get(key);
  if (known) {
    // Most recently used last: eviction takes the oldest first.
    cache.entries.delete(key);
    cache.entries.set(key, known);
    return known.answer;
  }
  const entry: Entry = { answer: build(db, territory.id, filters, now), bytes: 0 };
  cache.entries.set(key, entry);
  const store = cache;
  entry.answer.then(
    (a) => {
      if (store.entries.get(key) !== entry) return;
      entry.bytes = a.body.length + a.gzip.length;
      store.bytes += entry.bytes;
      for (const [k, e] of store.entries) {
        if (store.bytes <= MAP_CACHE_BYTES || k === key) break;
        store.entries.delete(k);
        store.bytes -= e.bytes;
      }
    },
    () => {
      // A failed build is not kept: the next request tries again.
      if (store.entries.get(key) === entry) store.entries.delete(key);
    },
  );
  return entry.answer;
}

/** True when the client's `If-None-Match` holds this ETag (weak comparison, as for a GET). */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
