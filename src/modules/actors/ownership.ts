import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { isAdmin } from "@/platform/auth/policy";
import type { Executor } from "@/platform/db/client";
import { isVerified, territoryPolicy, type TerritoryRef, inPerimeterOf, perimeterJoin, requireTerritoryId } from "@/modules/territories";
import { actorCommunes, actorContacts, actors, territoryActors } from "./schema";

/**
 * Who reads what about an actor (decision 006). Written once: the pure rule says which field a
 * person may read from a territory, and `actorReads` gives the SQL conditions that every read of
 * actors, their contacts, their follow-up and their self-assessments goes through.
 *
 * - the public record (name, SIRET, location, public contact): everyone;
 * - private contacts, follow-up status and internal notes: owned by the territory that wrote them,
 *   read by its members only (another territory seeing the same actor reads its own, not these);
 * - self-assessments: they belong to the actor; read by its own people (its speakers), and by the
 *   members of a verified territory the actor joined as a partner, not by every territory whose
 *   perimeter contains it.
 */
export const ownedFields = ["publicRecord", "privateContacts", "followUp", "selfAssessments"] as const;
export type OwnedField = (typeof ownedFields)[number];

/**
 * What the rule needs about the actor seen from the territory: its speakers, whether it joined the
 * territory as a partner, and which territory wrote the private data in question (contacts, follow-up).
 */
export type OwnershipSubject = { speakerIds: readonly string[]; joined: boolean; writtenBy?: string | null };

const isMember = (viewer: Principal, t: TerritoryRef) => territoryPolicy.viewWorkspace(viewer, t);

export const readRule: Record<OwnedField, (viewer: Principal, t: TerritoryRef, s: OwnershipSubject) => boolean> = {
  publicRecord: () => true,
  privateContacts: (viewer, t, s) => s.writtenBy === t.id && isMember(viewer, t),
  followUp: (viewer, t, s) => s.writtenBy === t.id && isMember(viewer, t),
  selfAssessments: (viewer, t, s) =>
    isAdmin(viewer) || (viewer.kind === "user" && s.speakerIds.includes(viewer.userId)) || (isMember(viewer, t) && isVerified(t) && s.joined),
};

export function mayRead(field: OwnedField, viewer: Principal, t: TerritoryRef, s: OwnershipSubject): boolean {
  return readRule[field](viewer, t, s);
}

/**
 * An editor's e-mail in a place's history: shown for the writes made from the viewer's own territory
 * (its members know each other) and to platform administrators; other editors appear by name only.
 */
export function mayReadEditorEmail(viewer: Principal, t: TerritoryRef, writtenFrom: string | null): boolean {
  return isAdmin(viewer) || (writtenFrom === t.id && isMember(viewer, t));
}

/**
 * Tenancy by perimeter: a territory sees the actors located in its perimeter OR serving at least one
 * of its communes. One shared registry: an actor is never copied per territory, only seen from several.
 */
export function visibleIn(db: Executor, territoryId: string): SQL {
  const serving = db
    .select({ id: actorCommunes.actorId })
    .from(actorCommunes)
    .innerJoin(...perimeterJoin(territoryId, actorCommunes.communeCode));
  // `or` of two conditions is never undefined; the fallback only keeps the type honest and fails closed.
  return or(inPerimeterOf(db, territoryId, actors.communeCode), inArray(actors.id, serving)) ?? sql`false`;
}

/** The SQL side of the rule, for one territory: what each read of actor data filters on. */
export function actorReads(db: Executor, t: TerritoryRef) {
  requireTerritoryId(t.id);
  return {
    /** Actors the territory sees (public record). */
    seen: visibleIn(db, t.id),
    /** Private contacts written by this territory. */
    contacts: eq(actorContacts.territoryId, t.id),
    /** Join condition of the territory's own follow-up row (status, notes) for `actors.id`. */
    followUp: and(eq(territoryActors.territoryId, t.id), eq(territoryActors.actorId, actors.id)) ?? sql`false`,
    /** Actors whose self-assessments the territory reads as a whole (heat map, medians): joined as partners, territory verified. */
    assessed: isVerified(t)
      ? and(
          visibleIn(db, t.id),
          inArray(actors.id, db.select({ id: territoryActors.actorId }).from(territoryActors).where(and(eq(territoryActors.territoryId, t.id), isNotNull(territoryActors.joinedAt)))),
        ) ?? sql`false`
      : sql`false`,
  };
}

/** The territory's follow-up status of `actors.id` ("à mobiliser" until the territory says otherwise). */
export function followUpStatus(territoryId: string): SQL<"engaged" | "to_mobilise"> {
  requireTerritoryId(territoryId);
  return sql<"engaged" | "to_mobilise">`coalesce((select ${territoryActors.status} from ${territoryActors} where ${territoryActors.territoryId} = ${territoryId} and ${territoryActors.actorId} = ${actors.id}), 'to_mobilise')`;
}

/** Whether the actor joined the territory as a partner (the `joined` of OwnershipSubject). */
export async function hasJoined(db: Executor, territoryId: string, actorId: string): Promise<boolean> {
  requireTerritoryId(territoryId);
  const [row] = await db
    .select({ joinedAt: territoryActors.joinedAt })
    .from(territoryActors)
    .where(and(eq(territoryActors.territoryId, territoryId), eq(territoryActors.actorId, actorId)));
  return row?.joinedAt != null;
}
