import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import { mayReadEditorEmail } from "@/modules/actors";
import { auditEvents } from "@/platform/audit/schema";
import { communes } from "@/modules/geo";
import { inPerimeterOf, type TerritoryRef } from "@/modules/territories";
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
        inPerimeterOf(db, territoryId, places.communeCode),
      ),
    )
    .orderBy(asc(places.name))
    .limit(500);
}

/** "Name <email>" (the audit label of a person) without the e-mail. */
export function withoutEmail(label: string): string {
  return label.replace(/\s*<[^<>]*@[^<>]*>\s*$/, "");
}

/**
 * Who changed what on a place, newest first: its direct edits and accepted corrections, whichever
 * territory they were made from (one registry). Read only for a place the territory sees. An editor's
 * e-mail is kept only where the ownership rule lets the viewer read it (writes made from the viewer's
 * territory; administrators): other editors are named without it.
 */
export async function placeHistory(db: Executor, viewer: Principal, territory: TerritoryRef, placeId: string, limit = 20) {
  const territoryId = territory.id;
  const visible = db
    .select({ id: sql`${places.id}::text` })
    .from(places)
    .where(
      and(
        eq(places.id, placeId),
        inPerimeterOf(db, territoryId, places.communeCode),
      ),
    );
  const rows = await db
    .select({ at: auditEvents.at, who: auditEvents.actorLabel, from: auditEvents.territoryId, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "place"), inArray(auditEvents.entityId, visible)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ at: r.at, who: mayReadEditorEmail(viewer, territory, r.from) ? r.who : withoutEmail(r.who), action: r.action, fields: changedKeys(r.before, r.after) }));
}

/** The standard fields whose value differs between two records (date_maj aside: it changes every time). */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== "date_maj" && JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
