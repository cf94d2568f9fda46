import { eq } from "drizzle-orm";
import type { Role } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import { memberships } from "./schema";

/**
 * A person's role in each territory, read fresh from the memberships. Registered as the platform's role
 * source at start-up (src/boot.ts): platform/auth builds the signed-in person without importing modules.
 */
export async function rolesOf(db: Executor, userId: string): Promise<Record<string, Role>> {
  const rows = await db.select({ territoryId: memberships.territoryId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  const roles: Record<string, Role> = {};
  for (const r of rows) roles[r.territoryId] = r.role;
  return roles;
}
