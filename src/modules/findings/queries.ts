import { and, arrayContains, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import type { TerritoryRef } from "@/modules/territories";
import { findingAbilities, type FindingAbilities } from "./policy";
import { diagnosticSettings, findingGroups, findings, findingVotes } from "./schema";
import type { FindingFilters, FindingKind } from "./validation";

export async function findingsSetting(db: Executor, territoryId: string): Promise<{ partnersRecordFindings: boolean }> {
  const [row] = await db.select({ p: diagnosticSettings.partnersRecordFindings }).from(diagnosticSettings).where(eq(diagnosticSettings.territoryId, territoryId));
  return { partnersRecordFindings: row?.p ?? false };
}

/**
 * What a person may do with the territory's findings, decided by the policy with the territory's real
 * setting (partners may record findings when it says so). Pages of other modules that offer a finding
 * shortcut ask this, never the policy with a setting of their own.
 */
export async function findingAbilitiesIn(db: Executor, principal: Principal, territory: TerritoryRef): Promise<FindingAbilities> {
  return findingAbilities(principal, { ...territory, ...(await findingsSetting(db, territory.id)) });
}

export type FindingItem = {
  id: string;
  kind: FindingKind;
  text: string;
  origin: string;
  originLabel: string;
  originRef: string | null;
  themes: string[];
  communes: string[];
  groupId: string | null;
  groupTitle: string | null;
  createdBy: string;
  createdAt: Date;
  votes: number;
  votedByMe: boolean;
};

/** The territory's findings (merged ones left out), most voted first unless asked otherwise. */
export async function listFindings(db: Executor, territoryId: string, filters: FindingFilters = {}, userId?: string): Promise<FindingItem[]> {
  const where: SQL[] = [eq(findings.territoryId, territoryId), isNull(findings.mergedInto)];
  if (filters.kind) where.push(eq(findings.kind, filters.kind));
  if (filters.theme) where.push(arrayContains(findings.themes, [filters.theme]));
  if (filters.commune) where.push(arrayContains(findings.communes, [filters.commune]));
  if (filters.group) where.push(eq(findings.groupId, filters.group));
  // Counted per finding of this territory (a grouped subquery over every territory's votes grew with all of them).
  const votes = sql<number>`(select count(*)::int from ${findingVotes} v where v.finding_id = ${findings.id})`;
  const rows = await db
    .select({
      id: findings.id,
      kind: findings.kind,
      text: findings.text,
      origin: findings.origin,
      originLabel: findings.originLabel,
      originRef: findings.originRef,
      themes: findings.themes,
      communes: findings.communes,
      groupId: findings.groupId,
      groupTitle: findingGroups.title,
      createdBy: findings.createdBy,
      createdAt: findings.createdAt,
      votes,
      votedByMe: userId
        ? sql<boolean>`exists (select 1 from ${findingVotes} v where v.finding_id = ${findings.id} and v.user_id = ${userId})`
        : sql<boolean>`false`,
    })
    .from(findings)
    .leftJoin(findingGroups, eq(findingGroups.id, findings.groupId))
    .where(and(...where))
    .orderBy(...(filters.tri === "recent" ? [desc(findings.createdAt)] : [desc(votes), desc(findings.createdAt)]))
    .limit(1000);
  return rows.map((r) => ({ ...r, kind: r.kind as FindingKind, votes: Number(r.votes) }));
}

export async function listGroups(db: Executor, territoryId: string) {
  return db.select({ id: findingGroups.id, title: findingGroups.title }).from(findingGroups).where(eq(findingGroups.territoryId, territoryId)).orderBy(findingGroups.title);
}

export async function findFinding(db: Executor, territoryId: string, findingId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(findingId)) return undefined;
  const [row] = await db.select().from(findings).where(and(eq(findings.id, findingId), eq(findings.territoryId, territoryId)));
  return row;
}
