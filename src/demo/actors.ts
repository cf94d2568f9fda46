import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { actors, territoryActors } from "@/modules/actors/schema";
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
