import type { Executor } from "@/platform/db/client";

const entries = new Set(["execute", "select", "selectDistinct", "selectDistinctOn", "insert", "update", "delete", "transaction", "query"]);

/**
 * The database, counting the statements started through it (each call of `execute`, `select`, `insert`… is one
 * query sent): for decision 024's rule that a journey contribution costs one query. `query` (the relational API)
 * counts once per access, which is at least once per query.
 */
export function countingQueries<T extends Executor>(db: T): { db: T; count: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== "function") {
        if (key === "query" && value) n++;
        return value;
      }
      if (!entries.has(String(key))) return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        n++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: proxy, count: () => n };
}
