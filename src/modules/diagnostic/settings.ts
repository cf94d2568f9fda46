import { eq } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { diagnosticPolicy } from "./policy";
import { diagnosticSettings } from "@/modules/findings";
import { coverageSettingsSchema, defaultCoverageSettings, type CoverageSettings } from "./validation";

/** The territory's white-zone settings, or the defaults when the coordination never changed them. */
export async function loadCoverageSettings(db: Executor, territoryId: string): Promise<CoverageSettings> {
  const [row] = await db.select({ distanceKm: diagnosticSettings.distanceKm, ifnThreshold: diagnosticSettings.ifnThreshold }).from(diagnosticSettings).where(eq(diagnosticSettings.territoryId, territoryId));
  return row ?? defaultCoverageSettings;
}

export async function saveCoverageSettings(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown): Promise<CoverageSettings> {
  if (!diagnosticPolicy.configure(principal, territory)) throw new AppError("forbidden");
  const settings = parseOrThrow(coverageSettingsSchema, raw);
  const by = principalLabel(principal, { show: "email", anonymous: "" });
  await db.transaction(async (tx) => {
    const before = await loadCoverageSettings(tx, territory.id);
    await tx
      .insert(diagnosticSettings)
      .values({ territoryId: territory.id, ...settings, updatedBy: by })
      .onConflictDoUpdate({ target: diagnosticSettings.territoryId, set: { ...settings, updatedAt: new Date(), updatedBy: by } });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "diagnostic_settings", entityId: territory.id, action: "update", before, after: settings });
  });
  return settings;
}
