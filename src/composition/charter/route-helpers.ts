import { searchInt } from "@/platform/web/search-params";
import type { Executor } from "@/platform/db/client";
import { findCharterVersion, type CharterVersion } from "@/modules/charter";

/** The version named by a route's `[n]`, in this territory (anything else: undefined, a 404). */
export async function versionOfParam(db: Executor, territoryId: string, n: string): Promise<CharterVersion | undefined> {
  const number = searchInt(n, { min: 1 });
  return number === undefined ? undefined : findCharterVersion(db, territoryId, number);
}
