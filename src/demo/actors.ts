import { and, asc, count, desc, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { actorMembers, actors, territoryActors } from "@/modules/actors/schema";
import { siretValid } from "@/modules/actors/validation";
import { places } from "@/modules/places/schema";
import { perimeterJoin } from "@/modules/territories/tenancy";

/**
 * The demo's actors, derived from the real places of the perimeter: one actor per SIRET found in
 * the places' "pivot" (the legal entity behind them), located in the commune of its first place,
 * its places attached. Public data only; the private contacts stay empty. Each one joined the demo
 * territory as a partner (decision 006).
 */
export async function seedDemoActors(db: Db, territoryId: string): Promise<number> {
  const rows = await db
    .select({ id: places.id, name: places.name, commune: places.communeCode, data: places.data })
    .from(places)
    .innerJoin(...perimeterJoin(territoryId, places.communeCode))
    .where(and(isNull(places.actorId), ne(places.source, "maillage-contribution")));
  const bySiret = new Map<string, typeof rows>();
  for (const r of rows) {
    const pivot = r.data.pivot;
    if (!pivot || !/^\d{14}$/.test(pivot) || !siretValid(pivot)) continue;
    bySiret.set(pivot, [...(bySiret.get(pivot) ?? []), r]);
  }
  await db.transaction(async (tx) => {
    for (const [siret, list] of bySiret) {
      const first = list[0];
      if (!first) continue;
      const name = first.data.structure_parente || first.name;
      const [created] = await tx
        .insert(actors)
        .values({
          name,
          siret,
          legalType: /mairie|commune|communaut|departement|département|agglo/i.test(name) ? "collectivite" : "autre",
          worlds: ["numerique"],
          communeCode: first.commune,
          publicEmail: first.data.courriels?.[0] ?? null,
          publicPhone: first.data.telephone ?? null,
          website: first.data.site_web?.[0] ?? null,
          description: "Structure de démonstration, déduite des lieux publiés en données ouvertes.",
          source: "demo",
          sourceId: siret,
          search: normalizeSearch(`${name} ${siret}`),
        })
        .returning({ id: actors.id });
      if (!created) continue;
      // The demo territory follows its actors as engaged (its own record, not the shared registry's), and
      // every demo structure takes part in it as a partner: the demo reads their self-assessments.
      await tx.insert(territoryActors).values({ territoryId, actorId: created.id, status: "engaged", joinedAt: new Date() });
      for (const p of list) await tx.update(places).set({ actorId: created.id }).where(eq(places.id, p.id));
    }
  });
  return bySiret.size;
}

/** The demo partner's structure: the Soyaux centre socioculturel (FLEP), a typical partner with three places. */
export const DEMO_PARTNER_SIRET = "78125600300034";

/**
 * The demo partner speaks for one structure, so that whoever tries the partner's account finds a
 * next step: its fiche, its places to keep up to date, its self-assessment. The FLEP of Soyaux when
 * the open data still holds it; otherwise the structure with the most places among those with a
 * handful (a SIRET shared by dozens of places is a producer's, not a partner's), ties by name.
 */
export async function seedDemoPartner(db: Db, territoryId: string, userId: string): Promise<{ actorId: string; name: string } | undefined> {
  const candidates = await db
    .select({ actorId: actors.id, name: actors.name, siret: actors.siret, places: count(places.id) })
    .from(actors)
    .innerJoin(places, eq(places.actorId, actors.id))
    .innerJoin(...perimeterJoin(territoryId, places.communeCode))
    .where(eq(actors.source, "demo"))
    .groupBy(actors.id, actors.name, actors.siret)
    .orderBy(desc(count(places.id)), asc(actors.name), asc(actors.id));
  const chosen = candidates.find((c) => c.siret === DEMO_PARTNER_SIRET) ?? candidates.find((c) => c.places >= 2 && c.places <= 10) ?? candidates[0];
  if (!chosen) return undefined;
  await db.insert(actorMembers).values({ actorId: chosen.actorId, userId }).onConflictDoNothing();
  return { actorId: chosen.actorId, name: chosen.name };
}
