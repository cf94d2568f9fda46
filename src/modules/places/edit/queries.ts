import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { communes } from "@/modules/geo/schema";
import { territoryCommunes } from "@/modules/territories/schema";
import { places } from "../schema";

/** The places of an actor that lie in the territory (tenancy by perimeter), for its page. */
export async function placesOfActor(db: Executor, territoryId: string, actorId: string) {
  return db
    .select({ id: places.id, name: places.name, communeName: communes.name, modifiedAt: places.modifiedAt })
    .from(places)
    .leftJoin(communes, eq(communes.code, places.communeCode))
    .where(
      and(
        eq(places.actorId, actorId),
        inArray(places.communeCode, db.select({ c: territoryCommunes.communeCode }).from(territoryCommunes).where(eq(territoryCommunes.territoryId, territoryId))),
      ),
    )
    .orderBy(asc(places.name))
    .limit(500);
}
