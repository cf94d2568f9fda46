import { and, eq } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { mappingPolicy } from "./policy";
import { findMapping, findMappingByName, type SavedMapping } from "./queries";
import { importMappings } from "./schema";
import { saveMappingSchema } from "./validation";

const by = (principal: Principal) => principalLabel(principal, { show: "email" });

/**
 * Saves a mapping under a name for the territory's next imports; a mapping of the same name is
 * replaced (the person chose the name: « Export du réseau » saved again is the new version).
 */
export async function saveMapping(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<{ mapping: SavedMapping; replaced: boolean }> {
  authorize(mappingPolicy.save(principal, territory));
  const input = parseOrThrow(saveMappingSchema, raw);
  return db.transaction(async (tx) => {
    const before = await findMappingByName(tx, territory.id, input.name);
    const [row] = await tx
      .insert(importMappings)
      .values({ territoryId: territory.id, name: input.name, mapping: input.mapping, createdBy: by(principal) })
      .onConflictDoUpdate({ target: [importMappings.territoryId, importMappings.name], set: { mapping: input.mapping, updatedAt: new Date() } })
      .returning();
    if (!row) throw new Error("import mapping upsert returned nothing");
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "import_mapping",
      entityId: row.id,
      action: before ? "update" : "create",
      ...(before ? { before: { name: before.name, mapping: before.mapping } } : {}),
      after: { name: row.name, mapping: row.mapping },
    });
    return { mapping: row, replaced: before !== undefined };
  });
}

export async function deleteMapping(db: Db, principal: Principal, territory: TerritoryRef, id: string): Promise<SavedMapping> {
  authorize(mappingPolicy.delete(principal, territory));
  return db.transaction(async (tx) => {
    const before = await findMapping(tx, territory.id, id);
    if (!before) throw new AppError("not_found", { message: "Cette correspondance n'existe pas (ou plus) dans ce territoire." });
    await tx.delete(importMappings).where(and(eq(importMappings.territoryId, territory.id), eq(importMappings.id, before.id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "import_mapping", entityId: before.id, action: "delete", before: { name: before.name, mapping: before.mapping } });
    return before;
  });
}
