/**
 * Answers kept in memory under a key that holds the versions of their inputs (so a change gives a new key
 * and the old answer is never served again), most recently used first, at most `maxEntries` per database.
 * Concurrent requests for the same key share one build; a failed build is not kept.
 */
export class VersionedCache<T> {
  // Keyed by database (tests open several).
  private readonly byDb = new WeakMap<object, Map<string, Promise<T>>>();

  constructor(private readonly maxEntries: number) {}

  get(db: object, key: string, build: () => Promise<T>): Promise<T> {
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map()));
    const known = entries.get(key);
    if (known) {
      entries.delete(key);
      entries.set(key, known);
      return known;
    }
    const building = build();
    entries.set(key, building);
    for (const k of entries.keys()) {
      if (entries.size <= this.maxEntries) break;
      entries.delete(k);
    }
    const store = entries;
    building.catch(() => {
      if (store.get(key) === building) store.delete(key);
    });
    return building;
  }
}

/** One cache per name and process, on globalThis: Next.js may load a module more than once. */
export function versionedCache<T>(name: string, maxEntries: number): VersionedCache<T> {
  const shared = globalThis as unknown as { __maillageVersionedCaches?: Map<string, VersionedCache<unknown>> };
  const all = (shared.__maillageVersionedCaches ??= new Map());
  let cache = all.get(name) as VersionedCache<T> | undefined;
  if (!cache) all.set(name, (cache = new VersionedCache<T>(maxEntries)));
  return cache;
}
