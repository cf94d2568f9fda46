import type { Principal } from "@/platform/auth/principal";
import { principalLabel } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import { forgetSessionsFor } from "@/platform/auth/session-cache";
import { invalidatePublicFor } from "@/platform/web/public-cache";
import { auditEvents } from "./schema";

export type AuditEntry = {
  territoryId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Records one write; call it inside the transaction of the write so both commit or neither. Every write is
 * audited, so this is also where the cached public pages showing what changed are expired (applied when the
 * request ends, after the commit: src/platform/web/public-cache.ts).
 */
export async function recordAudit(tx: Executor, principal: Principal, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: principal.kind === "user" ? principal.userId : null,
    actorLabel: principalLabel(principal),
    territoryId: entry.territoryId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  invalidatePublicFor(entry);
  // Roles and platform rights are kept a few seconds per session: a change of them is seen at the next request.
  forgetSessionsFor(entry);
}
