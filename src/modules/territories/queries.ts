import { asc, count, desc, eq, ilike, sql, sum } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { user } from "@/platform/auth/schema";
import { communes, departements } from "@/modules/geo";
import { normalizeSearch } from "@/platform/text";
import { invitations, memberships, territories } from "./schema";
import { perimeterCodes, perimeterJoin, requireTerritoryId } from "./tenancy";

export type Territory = typeof territories.$inferSelect;

export async function findTerritoryBySlug(db: Executor, slug: string): Promise<Territory | undefined> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return undefined;
  const [row] = await db.select().from(territories).where(eq(territories.slug, slug));
  return row;
}

export async function slugExists(db: Executor, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: territories.id }).from(territories).where(eq(territories.slug, slug));
  return row !== undefined;
}

/** Figures shown on the territory pages. */
export async function territorySummary(db: Executor, territoryId: string) {
  const [row] = await db
    .select({ communeCount: count(), population: sum(communes.population), departements: sql<string[]>`array_agg(distinct ${communes.departement})` })
    .from(communes)
    .innerJoin(...perimeterJoin(territoryId, communes.code));
  return {
    communeCount: row?.communeCount ?? 0,
    population: Number(row?.population ?? 0),
    departements: (row?.departements ?? []).filter(Boolean).sort(),
  };
}

export const COMMUNE_PAGE_SIZE = 50;

export async function listTerritoryCommunes(db: Executor, territoryId: string, options: { page: number; q?: string; knownTotal?: number | undefined }) {
  const n = options.q ? normalizeSearch(options.q) : "";
  const perimeter = perimeterJoin(requireTerritoryId(territoryId), communes.code);
  const where = n ? ilike(communes.search, `%${n.replace(/[\\%_]/g, "")}%`) : undefined;
  // Without a search, the caller usually knows the total already (it is the territory's commune count).
  const [total] =
    options.knownTotal !== undefined
      ? [{ n: options.knownTotal }]
      : await db.select({ n: count() }).from(communes).innerJoin(...perimeter).where(where);
  const items = await db
    .select({ code: communes.code, name: communes.name, population: communes.population, postcodes: communes.postcodes, departement: departements.name })
    .from(communes)
    .innerJoin(...perimeter)
    .leftJoin(departements, eq(departements.code, communes.departement))
    .where(where)
    .orderBy(desc(communes.population), asc(communes.code))
    .limit(COMMUNE_PAGE_SIZE)
    .offset((Math.max(1, options.page) - 1) * COMMUNE_PAGE_SIZE);
  return { items, total: total?.n ?? 0 };
}

export async function territoryCommuneCodes(db: Executor, territoryId: string): Promise<string[]> {
  const rows = await perimeterCodes(db, territoryId);
  return rows.map((r) => r.c);
}

/** Every territory of the instance, for the public directory. */
export async function listTerritories(db: Executor) {
  return db
    .select({ id: territories.id, slug: territories.slug, name: territories.name, kind: territories.kind, isDemo: territories.isDemo, status: territories.status })
    .from(territories)
    .orderBy(asc(territories.name));
}

export async function listTerritoriesOfUser(db: Executor, userId: string) {
  return db
    .select({ id: territories.id, slug: territories.slug, name: territories.name, kind: territories.kind, isDemo: territories.isDemo, role: memberships.role })
    .from(memberships)
    .innerJoin(territories, eq(territories.id, memberships.territoryId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(territories.name));
}

export async function listMembers(db: Executor, territoryId: string) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.territoryId, territoryId))
    .orderBy(asc(memberships.role), asc(user.name));
}

export async function listInvitations(db: Executor, territoryId: string) {
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      label: invitations.label,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      acceptedByName: user.name,
    })
    .from(invitations)
    .leftJoin(user, eq(user.id, invitations.acceptedBy))
    .where(eq(invitations.territoryId, territoryId))
    .orderBy(desc(invitations.createdAt));
}
