import { eq } from "drizzle-orm";
import type { Principal, Role } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import { platformAdmins, user } from "./schema";

/** Where a person's roles per territory come from: the territories module's memberships, registered at start-up. */
export type RoleSource = (db: Executor, userId: string) => Promise<Record<string, Role>>;

// On globalThis, like the runtime: Next.js may load this file once per bundle, and the start-up
// (src/boot.ts, imported by the server's instrumentation) registers the source once per process.
const slot = globalThis as unknown as { __maillageRoleSource?: RoleSource };

/** Platform never imports modules: the module that owns memberships hands its reader in (src/boot.ts). */
export function registerRoleSource(source: RoleSource): void {
  slot.__maillageRoleSource = source;
}

/** Builds the principal of a user id: their roles per territory and platform rights, read fresh from the database. */
export async function loadUserPrincipal(db: Executor, userId: string): Promise<Principal> {
  // Loud, never a person silently without roles: a process that skipped src/boot.ts is a bug.
  const rolesOf = slot.__maillageRoleSource;
  if (!rolesOf) throw new Error('loadUserPrincipal: no role source registered; import "@/boot" at the start of the process.');
  // The person and the platform right in one query, the roles in a second: this runs for every signed-in
  // request the session cache (session-cache.ts) does not answer.
  const [person] = await db
    .select({ id: user.id, name: user.name, email: user.email, admin: platformAdmins.userId })
    .from(user)
    .leftJoin(platformAdmins, eq(platformAdmins.userId, user.id))
    .where(eq(user.id, userId));
  if (!person) return { kind: "anonymous" };
  const roles = await rolesOf(db, userId);
  return { kind: "user", userId: person.id, name: person.name, email: person.email, isPlatformAdmin: person.admin !== null, roles };
}
