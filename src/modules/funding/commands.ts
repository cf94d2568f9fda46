import { and, eq } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import { isForeignKeyViolation } from "@/platform/db/foreign-keys";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { perimeterAmong, territories, territoryCommuneCodes, type TerritoryRef } from "@/modules/territories";
import { fundingPolicy } from "./policy";
import { findSource } from "./queries";
import { fundingDeadlines, fundingResources, fundingSources } from "./schema";
import { deadlineSchema, resourceSchema, sourceSchema, type SourceInput } from "./validation";

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/** The scope stored for a local source: the territory's own perimeter, the country, or listed communes. */
async function scopeOf(tx: Executor, territoryId: string, input: SourceInput): Promise<{ scopeKind: "national" | "region" | "departement" | "epci" | "communes"; scopeCodes: string[] }> {
  if (input.scope === "national") return { scopeKind: "national", scopeCodes: [] };
  if (input.scope === "communes") {
    const inside = await perimeterAmong(tx, territoryId, input.communes);
    if (inside.length !== input.communes.length) throw new AppError("validation", { fieldErrors: { communesText: ["Choisissez des communes du territoire."] } });
    return { scopeKind: "communes", scopeCodes: [...input.communes].sort() };
  }
  const [t] = await tx.select({ kind: territories.kind, code: territories.sourceCode }).from(territories).where(eq(territories.id, territoryId));
  if (t && t.kind !== "custom" && t.code) return { scopeKind: t.kind === "commune" ? "communes" : t.kind, scopeCodes: [t.code] };
  // A custom perimeter has no single code: its communes, listed.
  return { scopeKind: "communes", scopeCodes: (await territoryCommuneCodes(tx, territoryId)).sort() };
}

function sourceValues(input: SourceInput) {
  return {
    name: input.name,
    funder: input.funder,
    aidKind: input.aidKind,
    finances: input.finances,
    themes: input.themes,
    bearers: input.bearers,
    publics: input.publics,
    rateMin: input.rateMin ?? null,
    rateMax: input.rateMax ?? null,
    amountMin: input.amountMin ?? null,
    amountMax: input.amountMax ?? null,
    rhythm: input.rhythm,
    url: input.url,
    notes: input.notes,
  };
}

/** A local source of this territory, for a write: a reference source is refused in words, another territory's is not found. */
async function ownSource(tx: Executor, territoryId: string, id: string) {
  const source = await findSource(tx, territoryId, id);
  if (!source) throw new AppError("not_found");
  if (source.territoryId === null) throw new AppError("reference_source_readonly");
  return source;
}

/**
 * Adds a local source; with `deadline` (its first known deadline) in the same write. Returns its id.
 */
export async function createSource(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, rawDeadline?: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(sourceSchema, raw);
  const deadline = rawDeadline === undefined ? undefined : parseOrThrow(deadlineSchema, rawDeadline);
  return db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    const scope = await scopeOf(tx, territory.id, input);
    const [row] = await tx
      .insert(fundingSources)
      .values({ territoryId: territory.id, ...sourceValues(input), ...scope, createdBy: by(principal) })
      .returning({ id: fundingSources.id });
    if (!row) throw new Error("insert returned nothing");
    if (deadline) await tx.insert(fundingDeadlines).values({ territoryId: territory.id, sourceId: row.id, ...deadline });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_source", entityId: row.id, action: "create", after: { ...input, ...scope, deadline } });
    return row;
  });
}

export async function updateSource(db: Db, principal: Principal, territory: TerritoryRef, sourceId: string, raw: unknown): Promise<void> {
  const input = parseOrThrow(sourceSchema, raw);
  await db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    const before = await ownSource(tx, territory.id, sourceId);
    const after = { ...sourceValues(input), ...(await scopeOf(tx, territory.id, input)) };
    await tx
      .update(fundingSources)
      .set({ ...after, updatedAt: new Date() })
      .where(and(eq(fundingSources.id, sourceId), eq(fundingSources.territoryId, territory.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_source", entityId: sourceId, action: "update", before, after });
  });
}

/**
 * Deletes a local source and its deadlines. A source that co-funding rows of the plan point to is refused
 * (`still_used`): the plan sits above funding, so the refusal comes from its restrict key, and the source's page
 * lists those actions (read by the composition layer).
 */
export async function deleteSource(db: Db, principal: Principal, territory: TerritoryRef, sourceId: string): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      authorize(fundingPolicy.manage(principal, territory));
      const before = await ownSource(tx, territory.id, sourceId);
      await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_source", entityId: sourceId, action: "delete", before });
      await tx.delete(fundingSources).where(and(eq(fundingSources.id, sourceId), eq(fundingSources.territoryId, territory.id)));
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) {
      throw new AppError("still_used", { message: "Cette source finance encore des actions du plan (cofinancements) : retirez-la de ces actions, puis supprimez-la.", cause: e });
    }
    throw e;
  }
}

/** A deadline of any source the territory sees (reference sources too: calls change every year, deadlines are the territory's). */
export async function addDeadline(db: Db, principal: Principal, territory: TerritoryRef, sourceId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(deadlineSchema, raw);
  return db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    if (!(await findSource(tx, territory.id, sourceId))) throw new AppError("not_found");
    const [row] = await tx.insert(fundingDeadlines).values({ territoryId: territory.id, sourceId, ...input }).returning({ id: fundingDeadlines.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_deadline", entityId: row.id, action: "create", after: { sourceId, ...input } });
    return row;
  });
}

/** A deadline corrected in place (its date moved, its kind or words changed): the same row, so links and the journey keep it. */
export async function updateDeadline(db: Db, principal: Principal, territory: TerritoryRef, deadlineId: string, raw: unknown): Promise<{ sourceId: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(deadlineId)) throw new AppError("not_found");
  const input = parseOrThrow(deadlineSchema, raw);
  return db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    const mine = and(eq(fundingDeadlines.id, deadlineId), eq(fundingDeadlines.territoryId, territory.id));
    const [before] = await tx.select().from(fundingDeadlines).where(mine).for("update");
    if (!before) throw new AppError("not_found");
    await tx.update(fundingDeadlines).set(input).where(mine);
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "funding_deadline",
      entityId: deadlineId,
      action: "update",
      before: { kind: before.kind, date: before.date, label: before.label },
      after: input,
    });
    return { sourceId: before.sourceId };
  });
}

export async function deleteDeadline(db: Db, principal: Principal, territory: TerritoryRef, deadlineId: string): Promise<{ sourceId: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(deadlineId)) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    const [before] = await tx.delete(fundingDeadlines).where(and(eq(fundingDeadlines.id, deadlineId), eq(fundingDeadlines.territoryId, territory.id))).returning();
    if (!before) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_deadline", entityId: deadlineId, action: "delete", before });
    return { sourceId: before.sourceId };
  });
}

export async function createResource(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ id: string }> {
  const input = parseOrThrow(resourceSchema, raw);
  return db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    const [row] = await tx.insert(fundingResources).values({ territoryId: territory.id, ...input, createdBy: by(principal) }).returning({ id: fundingResources.id });
    if (!row) throw new Error("insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_resource", entityId: row.id, action: "create", after: input });
    return row;
  });
}

/** Deletes a local resource (the shipped ones are the same for everyone: not found from here). */
export async function deleteResource(db: Db, principal: Principal, territory: TerritoryRef, resourceId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) throw new AppError("not_found");
  await db.transaction(async (tx) => {
    authorize(fundingPolicy.manage(principal, territory));
    const [before] = await tx.delete(fundingResources).where(and(eq(fundingResources.id, resourceId), eq(fundingResources.territoryId, territory.id))).returning();
    if (!before) throw new AppError("not_found");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "funding_resource", entityId: resourceId, action: "delete", before });
  });
}
