import type { Executor } from "@/platform/db/client";
import { statsChoices, statsOverview, type StatsFilter } from "./stats";
import type { StatsViewData } from "./ui/stats-view";

/** Everything the statistics page shows: the overview (four queries) and the filters' choices, side by side. */
export async function statsViewData(db: Executor, territoryId: string, filter: StatsFilter): Promise<StatsViewData> {
  const [overview, choices] = await Promise.all([statsOverview(db, territoryId, filter), statsChoices(db, territoryId)]);
  return { ...overview, choices };
}
