import type { Executor } from "@/platform/db/client";
import { statsChoices, statsOverview, statsRevision, type StatsFilter } from "./stats";
import type { StatsViewData } from "./ui/stats-view";

/**
 * The page's figures kept per territory, filter and statistics revision (decision 029, amended): the revision
 * grows in the transaction of every write of a record, so a view at the same revision is the same view. A hit
 * costs one read of 16 rows; a miss reads the pre-aggregates as before. Per process, the 16 last views (a
 * view of 10,000 flows is a few megabytes).
 */
const kept = new Map<string, { at: number; view: Promise<StatsViewData> }>();
const KEPT = 16;
/** Names of places and structures are joined at read time and bump no revision: a renamed place shows within a minute. */
const FRESH_MS = 60_000;

async function computed(db: Executor, territoryId: string, filter: StatsFilter): Promise<StatsViewData> {
  const [overview, choices] = await Promise.all([statsOverview(db, territoryId, filter), statsChoices(db, territoryId)]);
  return { ...overview, choices };
}

/** Everything the statistics page shows: the overview (four queries) and the filters' choices, side by side. */
export async function statsViewData(db: Executor, territoryId: string, filter: StatsFilter, options: { cache?: boolean } = {}): Promise<StatsViewData> {
  if (options.cache === false) return computed(db, territoryId, filter);
  const revision = await statsRevision(db, territoryId);
  const key = JSON.stringify([territoryId, revision, filter.from ?? "", filter.to ?? "", filter.placeId ?? "", filter.communeCode ?? ""]);
  const hit = kept.get(key);
  kept.delete(key);
  if (hit && Date.now() - hit.at < FRESH_MS) {
    // Most recently used last: the first key is the one to drop.
    kept.set(key, hit);
    return hit.view;
  }
  const view = computed(db, territoryId, filter);
  kept.set(key, { at: Date.now(), view });
  view.catch(() => kept.delete(key));
  while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return view;
}
