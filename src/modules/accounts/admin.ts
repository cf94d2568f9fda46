import { and, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { platformAdmins, user } from "@/platform/auth/schema";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { memberships, platformPolicy, territories, territoryCommunes } from "@/modules/territories";

export const ACCOUNT_PAGE_SIZE = 50;

/** Accounts of the instance, for platform administrators. */
export async function listAccounts(db: Executor, options: { q: string; page: number }) {
  const q = options.q.trim().replace(/[\\%_]/g, "");
  const where = q ? or(ilike(user.name, `%${q}%`), ilike(user.email, `%${q}%`)) : undefined;
  const [total] = await db.select({ n: count() }).from(user).where(where);
  const items = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      createdAt: user.createdAt,
      isAdmin: sql<boolean>`exists (select 1 from ${platformAdmins} where ${platformAdmins.userId} = ${user.id})`,
      territoryCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.userId} = ${user.id})`,
    })
    .from(user)
    .where(where)
    .orderBy(desc(user.createdAt))
    .limit(ACCOUNT_PAGE_SIZE)
    .offset((Math.max(1, options.page) - 1) * ACCOUNT_PAGE_SIZE);
  return { items, total: total?.n ?? 0 };
}

/** Every territory with its size, for platform administrators. */
export async function listTerritoriesForAdmin(db: Executor) {
  return db
    .select({
      id: territories.id,
      slug: territories.slug,
      name: territories.name,
      kind: territories.kind,
      isDemo: territories.isDemo,
      status: territories.status,
      createdAt: territories.createdAt,
      communeCount: sql<number>`(select count(*)::int from ${territoryCommunes} where ${territoryCommunes.territoryId} = ${territories.id})`,
      memberCount: sql<number>`(select count(*)::int from ${memberships} where ${memberships.territoryId} = ${territories.id})`,
    })
    .from(territories)
    .orderBy(territories.name);
}

/**
 * Territories waiting for verification, oldest request first: who asked (the creator), when, and the
 * perimeter (kind, code, commune count, population), for the administrators' queue.
 */
export async function listPendingTerritories(db: Executor) {
  return db
    .select({
      id: territories.id,
      slug: territories.slug,
      name: territories.name,
      kind: territories.kind,
      sourceCode: territories.sourceCode,
      description: territories.description,
      createdAt: territories.createdAt,
      requesterName: user.name,
      requesterEmail: user.email,
      communeCount: sql<number>`(select count(*)::int from ${territoryCommunes} where ${territoryCommunes.territoryId} = ${territories.id})`,
      population: sql<number>`(select coalesce(sum(c.population), 0)::int from ${territoryCommunes} tc join communes c on c.code = tc.commune_code where tc.territory_id = ${territories.id})`,
    })
    .from(territories)
    .leftJoin(user, eq(user.id, territories.createdBy))
    .where(eq(territories.status, "pending"))
    .orderBy(territories.createdAt, territories.id);
}

/** Grants or removes platform administration; the last administrator cannot be removed. */
export async function setPlatformAdmin(db: Db, principal: Principal, email: string, grant: boolean): Promise<void> {
  if (!platformPolicy.grantAdmin(principal)) throw new AppError("forbidden");
  await db.transaction(async (tx) => {
    const [person] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email.trim().toLowerCase()));
    if (!person) throw new AppError("not_found", { message: `Aucun compte avec l'adresse « ${email} ».` });
    const [existing] = await tx.select().from(platformAdmins).where(eq(platformAdmins.userId, person.id));
    if (grant === Boolean(existing)) return;
    if (grant) await tx.insert(platformAdmins).values({ userId: person.id });
    else {
      const [admins] = await tx.select({ n: count() }).from(platformAdmins);
      if ((admins?.n ?? 0) <= 1 && principal.kind !== "system") {
        throw new AppError("validation", { message: "La plateforme doit garder au moins une personne administratrice." });
      }
      await tx.delete(platformAdmins).where(and(eq(platformAdmins.userId, person.id)));
    }
    await recordAudit(tx, principal, { territoryId: null, entityType: "platform_admin", entityId: person.id, action: grant ? "grant" : "revoke", before: { admin: !grant }, after: { admin: grant } });
  });
}
