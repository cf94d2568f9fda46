import { eq } from "drizzle-orm";
import type { Actor, Role } from "@/platform/auth/actor";
import type { Executor } from "@/platform/db/client";
import { memberships } from "@/modules/territories/schema";
import { platformAdmins, user } from "./schema";

/**
 * Builds the actor of a user id: their roles per territory and platform rights, read fresh from the database
 * in one query (one row per membership, at least one row for the person): it runs for every signed-in request
 * the session cache does not answer.
 */
export async function loadUserActor(db: Executor, userId: string): Promise<Actor> {
  const rows = await db
    .select({ id: user.id, name: user.name, email: user.email, territoryId: memberships.territoryId, role: memberships.role, admin: platformAdmins.userId })
    .from(user)
    .leftJoin(memberships, eq(memberships.userId, user.id))
    .leftJoin(platformAdmins, eq(platformAdmins.userId, user.id))
    .where(eq(user.id, userId));
  const person = rows[0];
  if (!person) return { kind: "anonymous" };
  const roles: Record<string, Role> = {};
  for (const r of rows) if (r.territoryId && r.role) roles[r.territoryId] = r.role;
  return { kind: "user", userId: person.id, name: person.name, email: person.email, isPlatformAdmin: person.admin !== null, roles };
}
