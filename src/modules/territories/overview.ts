import type { Executor } from "@/platform/db/client";
import { listTerritoryCommunes, territorySummary, type Territory } from "./queries";

type Summary = Awaited<ReturnType<typeof territorySummary>>;
const summaries = new Map<string, Summary>();

/**
 * Everything the public page and the workspace show about a perimeter. The figures change only
 * with the perimeter (kept in `updatedAt`), so they are computed once per process and version.
 */
export async function territoryOverview(db: Executor, territory: Territory, options: { page: number; q: string }) {
  const key = `${territory.id}:${territory.updatedAt.getTime()}`;
  let summary = summaries.get(key);
  if (!summary) {
    summary = await territorySummary(db, territory.id);
    summaries.set(key, summary);
    if (summaries.size > 256) summaries.delete(summaries.keys().next().value as string);
  }
  const communes = await listTerritoryCommunes(db, territory.id, { ...options, knownTotal: options.q ? undefined : summary.communeCount });
  return { summary, communes };
}
