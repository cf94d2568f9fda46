import { and, arrayContains, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { user } from "@/platform/auth/schema";
import { normalizeSearch } from "@/platform/text";
import { communes } from "@/modules/geo";
import { memberships, perimeterJoin } from "@/modules/territories";
import { followUpStatus, visibleIn } from "./ownership";
import { actorCommunes, actorContacts, actorMembers, actors, speakerRequests, territoryActors } from "./schema";
import type { ActorFilters } from "./validation";

export type ActorRow = typeof actors.$inferSelect;

export const ACTOR_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// The ownership rule (what a territory reads about an actor) lives in ownership.ts, written once.
export { visibleIn } from "./ownership";

function conditions(db: Executor, territoryId: string, f: ActorFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [visibleIn(db, territoryId)];
  // Each word must appear somewhere (accents and case ignored): "federation charente" finds "Fédération … de la Charente".
  for (const word of normalizeSearch(f.q ?? "").split(" ").filter(Boolean).slice(0, 8)) where.push(ilike(actors.search, `%${escapeLike(word)}%`));
  if (f.world) where.push(arrayContains(actors.worlds, [f.world]));
  if (f.legalType) where.push(eq(actors.legalType, f.legalType));
  if (f.status) where.push(sql`${followUpStatus(territoryId)} = ${f.status}`);
  if (f.commune) {
    const serving = db.select({ id: actorCommunes.actorId }).from(actorCommunes).where(eq(actorCommunes.communeCode, f.commune));
    where.push(or(eq(actors.communeCode, f.commune), inArray(actors.id, serving)));
  }
  return and(...where);
}

/** One page of the actors a territory sees, filtered, in alphabetical order (accents ignored). */
export async function listActors(db: Executor, territoryId: string, filters: ActorFilters, page: number) {
  const where = conditions(db, territoryId, filters);
  const [total] = await db.select({ n: count() }).from(actors).where(where);
  const items = await db
    .select({ id: actors.id, name: actors.name, legalType: actors.legalType, worlds: actors.worlds, status: followUpStatus(territoryId), communeCode: actors.communeCode, communeName: communes.name })
    .from(actors)
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(where)
    .orderBy(asc(actors.search), asc(actors.id))
    .limit(ACTOR_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * ACTOR_PAGE_SIZE);
  return { items, total: total?.n ?? 0 };
}

/** Communes of the territory where an actor is located or that an actor serves (for the commune filter). */
export async function communesWithActors(db: Executor, territoryId: string): Promise<{ code: string; name: string }[]> {
  const inPerimeter = perimeterJoin(territoryId, communes.code);
  const located = await db.selectDistinct({ code: communes.code, name: communes.name }).from(actors).innerJoin(communes, eq(communes.code, actors.communeCode)).innerJoin(...inPerimeter);
  const served = await db.selectDistinct({ code: communes.code, name: communes.name }).from(actorCommunes).innerJoin(communes, eq(communes.code, actorCommunes.communeCode)).innerJoin(...inPerimeter);
  const all = new Map([...located, ...served].map((c) => [c.code, c]));
  return [...all.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** An actor seen from a territory, with its public fields, served communes and speakers; undefined if the territory does not see it. */
export async function findActor(db: Executor, territoryId: string, actorId: string) {
  if (!UUID.test(actorId)) return undefined;
  const [row] = await db
    .select({ actor: actors, communeName: communes.name, communePostcodes: communes.postcodes })
    .from(actors)
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(and(eq(actors.id, actorId), visibleIn(db, territoryId)));
  if (!row) return undefined;
  const served = await db
    .select({ code: communes.code, name: communes.name, postcodes: communes.postcodes })
    .from(actorCommunes)
    .innerJoin(communes, eq(communes.code, actorCommunes.communeCode))
    .where(eq(actorCommunes.actorId, actorId))
    .orderBy(asc(communes.name));
  // A speaker's e-mail is shown only where the person is a member (members of a territory see each
  // other's addresses on its members page); from any other territory, the name alone.
  const speakers = (
    await db
      .select({
        userId: user.id,
        name: user.name,
        email: user.email,
        member: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.userId} = ${user.id} and ${memberships.territoryId} = ${territoryId})`,
      })
      .from(actorMembers)
      .innerJoin(user, eq(user.id, actorMembers.userId))
      .where(eq(actorMembers.actorId, actorId))
      .orderBy(asc(user.name))
  ).map(({ member, ...s }) => ({ ...s, email: member ? s.email : "" }));
  // What this territory (and only it) recorded about the actor: follow-up status, notes, partnership.
  const [own] = await db
    .select({ status: territoryActors.status, notes: territoryActors.notes, joinedAt: territoryActors.joinedAt })
    .from(territoryActors)
    .where(and(eq(territoryActors.territoryId, territoryId), eq(territoryActors.actorId, actorId)));
  return {
    ...row.actor,
    communeName: row.communeName,
    communePostcodes: row.communePostcodes,
    served,
    speakers,
    speakerIds: speakers.map((s) => s.userId),
    status: own?.status ?? ("to_mobilise" as const),
    notes: own?.notes ?? "",
    joined: own?.joinedAt != null,
  };
}

export type ActorDetails = NonNullable<Awaited<ReturnType<typeof findActor>>>;

/**
 * Private contacts of an actor the territory sees, written by this territory (another territory's
 * contacts of the same actor are never read). Callers check actorPolicy.viewPrivateContacts first.
 */
export async function listContacts(db: Executor, territoryId: string, actorId: string) {
  if (!UUID.test(actorId)) return [];
  const seen = db.select({ id: actors.id }).from(actors).where(and(eq(actors.id, actorId), visibleIn(db, territoryId)));
  return db
    .select()
    .from(actorContacts)
    .where(and(eq(actorContacts.actorId, actorId), eq(actorContacts.territoryId, territoryId), inArray(actorContacts.actorId, seen)))
    .orderBy(asc(actorContacts.name), asc(actorContacts.id));
}

/** Public fields only, for the exports: private contacts are never read here. */
export async function actorsForExport(db: Executor, territoryId: string, filters: ActorFilters = {}) {
  const where = conditions(db, territoryId, filters);
  const rows = await db
    .select({
      id: actors.id,
      name: actors.name,
      siret: actors.siret,
      rna: actors.rna,
      legalType: actors.legalType,
      worlds: actors.worlds,
      status: followUpStatus(territoryId),
      communeCode: actors.communeCode,
      communeName: communes.name,
      publicEmail: actors.publicEmail,
      publicPhone: actors.publicPhone,
      website: actors.website,
      description: actors.description,
    })
    .from(actors)
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(where)
    .orderBy(asc(actors.search), asc(actors.id));
  const served = await db
    .select({ actorId: actorCommunes.actorId, name: communes.name, code: communes.code })
    .from(actorCommunes)
    .innerJoin(communes, eq(communes.code, actorCommunes.communeCode))
    .where(inArray(actorCommunes.actorId, db.select({ id: actors.id }).from(actors).where(where)))
    .orderBy(asc(communes.name));
  const byActor = new Map<string, string[]>();
  for (const s of served) byActor.set(s.actorId, [...(byActor.get(s.actorId) ?? []), `${s.name} (${s.code})`]);
  return rows.map((r) => ({ ...r, served: byActor.get(r.id) ?? [] }));
}

export type ExportedActor = Awaited<ReturnType<typeof actorsForExport>>[number];

/** Actors the territory sees, as choices of a select (a place's structure, for instance). */
export async function actorChoices(db: Executor, territoryId: string): Promise<{ id: string; name: string; communeName: string | null }[]> {
  return db
    .select({ id: actors.id, name: actors.name, communeName: communes.name })
    .from(actors)
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(visibleIn(db, territoryId))
    .orderBy(asc(actors.name))
    .limit(2000);
}

/** Who speaks for an actor (actor_members), for the policies of its places. */
export async function speakerIdsOf(db: Executor, actorId: string | null): Promise<string[]> {
  if (!actorId) return [];
  const rows = await db.select({ userId: actorMembers.userId }).from(actorMembers).where(eq(actorMembers.actorId, actorId));
  return rows.map((r) => r.userId);
}

/**
 * Members of the territory a coordinator may name to speak for an actor (partners and coordinators),
 * for the select of the actor page: names and e-mails, as on the members page.
 */
export async function speakerCandidates(db: Executor, territoryId: string): Promise<{ userId: string; name: string; email: string; role: "partner" | "coordinator" }[]> {
  const rows = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: memberships.role })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.territoryId, territoryId), inArray(memberships.role, ["partner", "coordinator"])))
    .orderBy(asc(user.name), asc(user.email));
  return rows.flatMap((r) => (r.role === "partner" || r.role === "coordinator" ? [{ ...r, role: r.role }] : []));
}

/** Requests to speak for actors waiting for this territory's coordination (optionally for one actor), oldest first. */
export async function pendingSpeakerRequests(db: Executor, territoryId: string, actorId?: string) {
  if (actorId !== undefined && !UUID.test(actorId)) return [];
  return db
    .select({ actorId: actors.id, actorName: actors.name, userId: user.id, name: user.name, email: user.email, createdAt: speakerRequests.createdAt })
    .from(speakerRequests)
    .innerJoin(actors, eq(actors.id, speakerRequests.actorId))
    .innerJoin(user, eq(user.id, speakerRequests.userId))
    // Only people still members of the territory: a request of someone who left is moot.
    .innerJoin(memberships, and(eq(memberships.userId, speakerRequests.userId), eq(memberships.territoryId, territoryId)))
    .where(and(eq(speakerRequests.territoryId, territoryId), actorId ? eq(speakerRequests.actorId, actorId) : undefined, visibleIn(db, territoryId)))
    .orderBy(asc(speakerRequests.createdAt), asc(actors.name));
}

/**
 * A partner's structures as this territory sees them: those it speaks for, and those it asked to
 * speak for (waiting for the coordination). What the workspace home offers as the partner's next step.
 */
export async function structuresOf(db: Executor, territoryId: string, userId: string) {
  const spoken = await db
    .select({ id: actors.id, name: actors.name, communeName: communes.name })
    .from(actorMembers)
    .innerJoin(actors, eq(actors.id, actorMembers.actorId))
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(and(eq(actorMembers.userId, userId), visibleIn(db, territoryId)))
    .orderBy(asc(actors.name));
  const requested = await db
    .select({ id: actors.id, name: actors.name, communeName: communes.name })
    .from(speakerRequests)
    .innerJoin(actors, eq(actors.id, speakerRequests.actorId))
    .leftJoin(communes, eq(communes.code, actors.communeCode))
    .where(and(eq(speakerRequests.userId, userId), eq(speakerRequests.territoryId, territoryId), visibleIn(db, territoryId)))
    .orderBy(asc(actors.name));
  return { spoken, requested };
}
