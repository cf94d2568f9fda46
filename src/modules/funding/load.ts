import { createHash } from "node:crypto";
import { eq, inArray, isNotNull, isNull, and, notInArray } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { referenceMeta } from "@/modules/geo";
import { referenceResources, referenceSources } from "./reference";
import { fundingResources, fundingSources } from "./schema";

const META_KEY = "funding_reference_version";

/** A fingerprint of the shipped lists: the loader writes only when they changed since the last start. */
export function fundingReferenceVersion(): string {
  return createHash("sha256").update(JSON.stringify([referenceSources, referenceResources])).digest("hex").slice(0, 16);
}

/**
 * Loads the shipped reference list of funding sources and resources (reference.ts), idempotently: upserted by
 * `reference_key`, so a reworded entry updates in place and keeps its id (co-funding rows and deadlines that
 * point to it stay). An entry removed from the list is removed from the database only when nothing uses it
 * (the co-funding rows' restrict key would refuse it): otherwise it stays, as written last.
 * Returns true when it wrote.
 */
export async function loadFundingReference(db: Db): Promise<boolean> {
  const version = fundingReferenceVersion();
  const [current] = await db.select().from(referenceMeta).where(eq(referenceMeta.key, META_KEY));
  if (current?.value === version) return false;
  await db.transaction(async (tx) => {
    for (const s of referenceSources) {
      const row = {
        territoryId: null,
        referenceKey: s.key,
        name: s.name,
        funder: s.funder,
        aidKind: s.aidKind,
        finances: s.finances,
        themes: s.themes,
        bearers: s.bearers,
        publics: s.publics,
        scopeKind: s.scopeKind,
        scopeCodes: [],
        rateMin: s.rateMin ?? null,
        rateMax: s.rateMax ?? null,
        amountMin: s.amountMin ?? null,
        amountMax: s.amountMax ?? null,
        rhythm: s.rhythm,
        url: s.url,
        notes: s.notes,
        createdBy: "Maillage",
      };
      const { territoryId: _t, referenceKey: _k, createdBy: _c, ...update } = row;
      await tx
        .insert(fundingSources)
        .values(row)
        .onConflictDoUpdate({ target: fundingSources.referenceKey, set: { ...update, updatedAt: new Date() } });
    }
    for (const r of referenceResources) {
      const row = { territoryId: null, referenceKey: r.key, name: r.name, kind: r.kind, description: r.description, contact: r.contact, url: r.url, themes: r.themes, createdBy: "Maillage" };
      await tx
        .insert(fundingResources)
        .values(row)
        .onConflictDoUpdate({ target: fundingResources.referenceKey, set: { name: r.name, kind: r.kind, description: r.description, contact: r.contact, url: r.url, themes: r.themes } });
    }
    const keys = referenceSources.map((s) => s.key);
    const gone = await tx
      .select({ id: fundingSources.id })
      .from(fundingSources)
      .where(and(isNull(fundingSources.territoryId), isNotNull(fundingSources.referenceKey), notInArray(fundingSources.referenceKey, keys)));
    for (const g of gone) {
      // One savepoint each: a source still used by co-funding rows stays (restrict key).
      await tx.transaction((sp) => sp.delete(fundingSources).where(eq(fundingSources.id, g.id))).catch(() => undefined);
    }
    await tx
      .delete(fundingResources)
      .where(and(isNull(fundingResources.territoryId), isNotNull(fundingResources.referenceKey), notInArray(fundingResources.referenceKey, referenceResources.map((r) => r.key))));
    await tx.insert(referenceMeta).values({ key: META_KEY, value: version }).onConflictDoUpdate({ target: referenceMeta.key, set: { value: version } });
  });
  return true;
}

/** Ids of reference sources by key (the plan's demo and tests find their co-funders this way). */
export async function referenceSourceIds(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ id: fundingSources.id, key: fundingSources.referenceKey })
    .from(fundingSources)
    .where(and(isNull(fundingSources.territoryId), inArray(fundingSources.referenceKey, [...keys])));
  return new Map(rows.map((r) => [r.key ?? "", r.id]));
}
