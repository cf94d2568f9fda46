import type { Executor } from "@/platform/db/client";
import { cachedOutline } from "@/modules/geo/outline";
import { listTerritoryCommunes, territoryCommuneCodes, territorySummary, type Territory } from "./queries";

/** Everything the public page and the workspace show about a perimeter. */
export async function territoryOverview(db: Executor, territory: Territory, options: { page: number; q: string }) {
  const summary = await territorySummary(db, territory.id);
  const communes = await listTerritoryCommunes(db, territory.id, options);
  const outline = await cachedOutline(`${territory.id}:${territory.updatedAt.getTime()}`, () => territoryCommuneCodes(db, territory.id));
  return { summary, communes, outline };
}
