import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/platform/auth/principal";
import { loadUserPrincipal } from "@/platform/auth/principals";
import { account, platformAdmins, user } from "@/platform/auth/schema";
import type { Db, Executor } from "@/platform/db/client";
import { createTerritory } from "@/modules/territories/commands";
import { memberships } from "@/modules/territories/schema";
import type { CreateTerritoryInput } from "@/modules/territories/validation";

// Factories shared by the tests and the demo seed: the demo is built exactly as tests build their data.
// They live here, beside the demo, because the demo ships with the application and production code never
// imports src/testing (src/testing/factories.ts re-exports them for the tests).

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export type UserSpec = { name?: string; email?: string; password?: string; admin?: boolean };

/** Creates an account that can sign in with email and password (as better-auth stores it). */
export async function createUser(db: Executor, spec: UserSpec = {}) {
  const id = randomUUID();
  const email = (spec.email ?? `personne-${next()}@exemple.test`).toLowerCase();
  const password = spec.password ?? "mot-de-passe-de-test-42";
  const now = new Date();
  await db.insert(user).values({ id, name: spec.name ?? "Personne de test", email, emailVerified: true, createdAt: now, updatedAt: now });
  await db.insert(account).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: await hashPassword(password), createdAt: now, updatedAt: now });
  if (spec.admin) await db.insert(platformAdmins).values({ userId: id });
  return { id, email, password };
}

export async function addMember(db: Executor, territoryId: string, userId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ territoryId, userId, role }).onConflictDoUpdate({ target: [memberships.territoryId, memberships.userId], set: { role } });
}

export async function principalOf(db: Executor, userId: string) {
  return loadUserPrincipal(db, userId);
}

/** A territory created through the real command, by the system (no coordinator) unless a creator is given. */
export async function createTestTerritory(db: Db, input: Partial<CreateTerritoryInput> & { creatorId?: string; isDemo?: boolean } = {}) {
  const { creatorId, isDemo, ...rest } = input;
  const actor = creatorId ? await loadUserPrincipal(db, creatorId) : ({ kind: "system", label: "factory" } as const);
  return createTerritory(
    db,
    actor,
    { name: "Territoire de test", slug: `test-${next()}`, kind: "commune", code: "16015", ...rest },
    { isDemo: isDemo ?? false },
  );
}
