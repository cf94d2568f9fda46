import { eq } from "drizzle-orm";
import type { Actor, Role } from "@/platform/auth/actor";
import type { Executor } from "@/platform/db/client";
import { memberships } from "@/modules/territories/schema";
import { platformAdmins, user } from "./schema";

/** Builds the actor of a user id: their roles per territory and platform rights, read fresh from the database. */
export async function loadUserActor(db: Executor, userId: string): Promise<Actor> {
  const [person] = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.id, userId));
  if (!person) return { kind: "anonymous" };
  const rows = await db.select({ territoryId: memberships.territoryId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  const [admin] = await db.select().from(platformAdmins).where(eq(platformAdmins.userId, userId));
  const roles: Record<string, Role> = {};
  for (const r of rows) roles[r.territoryId] = r.role;
  return { kind: "user", userId: person.id, name: person.name, email: person.email, isPlatformAdmin: admin !== undefined, roles };
}
