import { and, arrayContains, arrayOverlaps, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import type { Executor } from "@/platform/db/client";
import { actors, visibleIn, type World } from "@/modules/actors";
import { memberships, requireTerritoryId, type TerritoryRef } from "@/modules/territories";
import { worldsBalance, type WorldsBalance } from "./balance";
import type { GroupRef } from "./policy";
import { groupMembers, groupProposalComments, groupProposals, groupProposalSupports, groups, roleRank, watchDigestSubscriptions, watchItems, workingGroupKinds, type GroupKind, type GroupRole } from "./schema";
import type { WatchFilters } from "./validation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

export type GroupSummary = { id: string; name: string; purpose: string; kind: GroupKind; members: number; openProposals: number; updatedAt: Date };

// Correlated subqueries name the outer table in full ("groups"."id"): drizzle writes a lone column unqualified
// when the query has one table, and an unqualified "id" would then be the inner table's own id (counts were 0).

/**
 * The territory's working groups (or, given `kinds`, its governance bodies: they are groups too), by name, with
 * their number of people and open proposals. The default keeps bodies out of every working-group list.
 */
export async function listGroups(db: Executor, territoryId: string, kinds: readonly GroupKind[] = workingGroupKinds): Promise<GroupSummary[]> {
  requireTerritoryId(territoryId);
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      purpose: groups.purpose,
      kind: groups.kind,
      updatedAt: groups.updatedAt,
      members: sql<number>`(select count(*)::int from ${groupMembers} m where m.group_id = "groups"."id")`,
      openProposals: sql<number>`(select count(*)::int from ${groupProposals} p where p.group_id = "groups"."id" and p.status = 'ouverte')`,
    })
    .from(groups)
    .where(and(eq(groups.territoryId, territoryId), inArray(groups.kind, [...kinds])))
    .orderBy(asc(groups.name));
  return rows.map((r) => ({ ...r, members: Number(r.members), openProposals: Number(r.openProposals) }));
}

export async function findGroup(db: Executor, territoryId: string, groupId: string) {
  requireTerritoryId(territoryId);
  if (!isUuid(groupId)) return undefined;
  const [row] = await db.select().from(groups).where(and(eq(groups.id, groupId), eq(groups.territoryId, territoryId)));
  return row;
}

/** The group as its rules read it (GroupRef), or undefined when it is not the territory's. */
export async function groupRefOf(db: Executor, territory: TerritoryRef, groupId: string): Promise<GroupRef | undefined> {
  const group = await findGroup(db, territory.id, groupId);
  if (!group) return undefined;
  const rows = await db.select({ userId: groupMembers.userId, role: groupMembers.role }).from(groupMembers).where(and(eq(groupMembers.groupId, groupId), isNotNull(groupMembers.userId)));
  const people: Record<string, GroupRole> = {};
  for (const r of rows) if (r.userId && (!people[r.userId] || roleRank[r.role] > roleRank[people[r.userId] as GroupRole])) people[r.userId] = r.role;
  return { id: territory.id, ...(territory.status ? { status: territory.status } : {}), people };
}

export type GroupMemberItem = {
  id: string;
  userId: string | null;
  name: string;
  email: string | null;
  role: GroupRole;
  actorId: string | null;
  actorName: string | null;
  worlds: string[];
  addedAt: Date;
};

/** The people of a group, animateur·rice·s first, with their structure and its worlds. */
export async function membersOf(db: Executor, territoryId: string, groupId: string): Promise<GroupMemberItem[]> {
  requireTerritoryId(territoryId);
  const rows = await db
    .select({
      id: groupMembers.id,
      userId: groupMembers.userId,
      name: groupMembers.name,
      email: groupMembers.email,
      role: groupMembers.role,
      actorId: groupMembers.actorId,
      actorName: actors.name,
      worlds: actors.worlds,
      addedAt: groupMembers.addedAt,
    })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.id, groupMembers.groupId), eq(groups.territoryId, territoryId)))
    .leftJoin(actors, eq(actors.id, groupMembers.actorId))
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(sql`case ${groupMembers.role} when 'animateur' then 0 when 'membre' then 1 else 2 end`, asc(groupMembers.name));
  return rows.map((r) => ({ ...r, worlds: r.worlds ?? [] }));
}

export type InviteSuggestion = { id: string; name: string; worlds: World[]; hasPublicEmail: boolean };

/**
 * Mapped actors of the territory (those it sees) from the missing worlds, not yet in the group: whom to invite.
 * At most `perWorld` per missing world, by name.
 */
export async function inviteSuggestions(db: Executor, territoryId: string, groupId: string, missing: readonly World[], perWorld = 5): Promise<{ world: World; actors: InviteSuggestion[] }[]> {
  requireTerritoryId(territoryId);
  if (missing.length === 0) return [];
  const rows = await db
    .select({ id: actors.id, name: actors.name, worlds: actors.worlds, publicEmail: actors.publicEmail })
    .from(actors)
    .where(and(visibleIn(db, territoryId), arrayOverlaps(actors.worlds, [...missing]), sql`${actors.id} not in (select ${groupMembers.actorId} from ${groupMembers} where ${groupMembers.groupId} = ${groupId} and ${groupMembers.actorId} is not null)`))
    .orderBy(asc(actors.name))
    .limit(500);
  // Sorted here, in French: the database's collation differs (PGlite sorts "CCAS" before "Caisse", PostgreSQL not).
  rows.sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return missing
    .map((world) => ({
      world,
      actors: rows
        .filter((r) => r.worlds.includes(world))
        .slice(0, perWorld)
        .map((r) => ({ id: r.id, name: r.name, worlds: r.worlds as World[], hasPublicEmail: Boolean(r.publicEmail) })),
    }))
    .filter((w) => w.actors.length > 0);
}

/** The balance of a group computed from its members' structures (pure core in balance.ts). */
export function balanceOfMembers(members: readonly GroupMemberItem[]): WorldsBalance {
  return worldsBalance(members.map((m) => ({ role: m.role, worlds: m.worlds })));
}

/** Accounts of the territory, to add as members (name and e-mail are shown to the territory's members only). */
export async function territoryPeople(db: Executor, territoryId: string): Promise<{ userId: string; name: string; email: string }[]> {
  requireTerritoryId(territoryId);
  return db
    .select({ userId: user.id, name: user.name, email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.territoryId, territoryId))
    .orderBy(asc(user.name));
}

/** Structures the territory sees, as choices for a member's structure. */
export async function actorChoicesIn(db: Executor, territoryId: string): Promise<{ id: string; name: string }[]> {
  requireTerritoryId(territoryId);
  return db.select({ id: actors.id, name: actors.name }).from(actors).where(visibleIn(db, territoryId)).orderBy(asc(actors.name)).limit(2000);
}

export type ProposalItem = {
  id: string;
  groupId: string;
  title: string;
  text: string;
  authorName: string;
  status: "ouverte" | "transformee";
  actionId: string | null;
  createdAt: Date;
  supports: number;
  comments: number;
  supportedByMe: boolean;
};

function proposalColumns(userId?: string) {
  return {
    id: groupProposals.id,
    groupId: groupProposals.groupId,
    title: groupProposals.title,
    text: groupProposals.text,
    authorName: groupProposals.authorName,
    status: groupProposals.status,
    actionId: groupProposals.actionId,
    createdAt: groupProposals.createdAt,
    supports: sql<number>`(select count(*)::int from ${groupProposalSupports} s where s.proposal_id = "group_proposals"."id")`,
    comments: sql<number>`(select count(*)::int from ${groupProposalComments} c where c.proposal_id = "group_proposals"."id")`,
    supportedByMe: userId
      ? sql<boolean>`exists (select 1 from ${groupProposalSupports} s where s.proposal_id = "group_proposals"."id" and s.user_id = ${userId})`
      : sql<boolean>`false`,
  };
}

const asProposal = (r: Omit<ProposalItem, "supports" | "comments"> & { supports: unknown; comments: unknown }): ProposalItem => ({ ...r, supports: Number(r.supports), comments: Number(r.comments), supportedByMe: Boolean(r.supportedByMe) });

/** A group's proposals: open ones first, the most supported first. */
export async function listProposals(db: Executor, territoryId: string, groupId: string, userId?: string): Promise<ProposalItem[]> {
  requireTerritoryId(territoryId);
  const rows = await db
    .select(proposalColumns(userId))
    .from(groupProposals)
    .where(and(eq(groupProposals.territoryId, territoryId), eq(groupProposals.groupId, groupId)))
    .orderBy(asc(groupProposals.status), desc(sql`(select count(*) from ${groupProposalSupports} s where s.proposal_id = "group_proposals"."id")`), desc(groupProposals.createdAt));
  return rows.map(asProposal);
}

export async function findProposal(db: Executor, territoryId: string, proposalId: string, userId?: string): Promise<ProposalItem | undefined> {
  requireTerritoryId(territoryId);
  if (!isUuid(proposalId)) return undefined;
  const [row] = await db.select(proposalColumns(userId)).from(groupProposals).where(and(eq(groupProposals.id, proposalId), eq(groupProposals.territoryId, territoryId)));
  return row ? asProposal(row) : undefined;
}

export async function commentsOf(db: Executor, territoryId: string, proposalId: string) {
  requireTerritoryId(territoryId);
  return db
    .select({ id: groupProposalComments.id, authorName: groupProposalComments.authorName, text: groupProposalComments.text, createdAt: groupProposalComments.createdAt })
    .from(groupProposalComments)
    .innerJoin(groupProposals, and(eq(groupProposals.id, groupProposalComments.proposalId), eq(groupProposals.territoryId, territoryId)))
    .where(eq(groupProposalComments.proposalId, proposalId))
    .orderBy(asc(groupProposalComments.createdAt));
}

export type WatchItem = { id: string; url: string; title: string; summary: string; themes: string[]; groupId: string | null; groupName: string | null; postedBy: string | null; postedByName: string; createdAt: Date };

/** The territory's shared watch, newest first, filtered by theme or group. */
export async function listWatchItems(db: Executor, territoryId: string, filters: WatchFilters = {}, limit = 200): Promise<WatchItem[]> {
  requireTerritoryId(territoryId);
  const where: SQL[] = [eq(watchItems.territoryId, territoryId)];
  if (filters.theme) where.push(arrayContains(watchItems.themes, [filters.theme]));
  if (filters.group) where.push(eq(watchItems.groupId, filters.group));
  return db
    .select({
      id: watchItems.id,
      url: watchItems.url,
      title: watchItems.title,
      summary: watchItems.summary,
      themes: watchItems.themes,
      groupId: watchItems.groupId,
      groupName: groups.name,
      postedBy: watchItems.postedBy,
      postedByName: watchItems.postedByName,
      createdAt: watchItems.createdAt,
    })
    .from(watchItems)
    .leftJoin(groups, eq(groups.id, watchItems.groupId))
    .where(and(...where))
    .orderBy(desc(watchItems.createdAt))
    .limit(limit);
}

export async function findWatchItem(db: Executor, territoryId: string, itemId: string) {
  requireTerritoryId(territoryId);
  if (!isUuid(itemId)) return undefined;
  const [row] = await db.select().from(watchItems).where(and(eq(watchItems.id, itemId), eq(watchItems.territoryId, territoryId)));
  return row;
}

export async function isSubscribed(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.select({ u: watchDigestSubscriptions.userId }).from(watchDigestSubscriptions).where(eq(watchDigestSubscriptions.userId, userId));
  return Boolean(row);
}

/** Counts for the journey: groups, open proposals, watch items. */
export async function groupCounts(db: Executor, territoryId: string) {
  requireTerritoryId(territoryId);
  const [g] = await db
    .select({ n: count(), last: sql<Date | null>`max(${groups.updatedAt})` })
    .from(groups)
    .where(and(eq(groups.territoryId, territoryId), inArray(groups.kind, [...workingGroupKinds])));
  const [w] = await db.select({ n: count(), last: sql<Date | null>`max(${watchItems.createdAt})` }).from(watchItems).where(eq(watchItems.territoryId, territoryId));
  return { groups: Number(g?.n ?? 0), groupsLast: g?.last ? new Date(g.last) : null, watch: Number(w?.n ?? 0), watchLast: w?.last ? new Date(w.last) : null };
}
