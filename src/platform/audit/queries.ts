import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { auditEvents } from "./schema";

export type AuditFilters = {
  entityType?: string | undefined;
  action?: string | undefined;
  actorUserId?: string | undefined;
  /** Inclusive day, YYYY-MM-DD (Europe/Paris is close enough: filters are by day). */
  from?: string | undefined;
  to?: string | undefined;
};

export const AUDIT_PAGE_SIZE = 25;

export async function listAuditEvents(db: Executor, territoryId: string, filters: AuditFilters, page: number) {
  const where: SQL[] = [eq(auditEvents.territoryId, territoryId)];
  if (filters.entityType) where.push(eq(auditEvents.entityType, filters.entityType));
  if (filters.action) where.push(eq(auditEvents.action, filters.action));
  if (filters.actorUserId) where.push(eq(auditEvents.actorUserId, filters.actorUserId));
  if (filters.from) where.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(auditEvents.at, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  const condition = and(...where);
  const [total] = await db.select({ n: count() }).from(auditEvents).where(condition);
  const items = await db
    .select()
    .from(auditEvents)
    .where(condition)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE);
  return { items, total: total?.n ?? 0 };
}

/** The values the filters offer (only what this territory's log contains). */
export async function auditFilterOptions(db: Executor, territoryId: string) {
  const rows = await db
    .selectDistinct({ entityType: auditEvents.entityType, action: auditEvents.action, actorUserId: auditEvents.actorUserId, actorLabel: auditEvents.actorLabel })
    .from(auditEvents)
    .where(eq(auditEvents.territoryId, territoryId));
  const actors = new Map<string, string>();
  for (const r of rows) if (r.actorUserId) actors.set(r.actorUserId, r.actorLabel);
  return {
    entityTypes: [...new Set(rows.map((r) => r.entityType))].sort(),
    actions: [...new Set(rows.map((r) => r.action))].sort(),
    actors: [...actors.entries()].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label, "fr")),
  };
}
