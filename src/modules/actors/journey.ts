import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { requireTerritoryId } from "@/modules/territories";
import { visibleIn } from "./ownership";
import { actors, territoryActors, worlds } from "./schema";
import { worldLabels } from "./validation";

type Row = { n: number; engaged: number; worlds: string[] | null; last: Date | string | null };

/**
 * The actors' part of the journey (phase 1), in one query: the actors the territory sees, those it counts as
 * engaged, and the worlds (of the nine) that none of them belongs to.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  void now;
  const id = requireTerritoryId(territory.id);
  const row = journeyRow<Row>(
    await db.execute(sql`
      select count(*)::int as n,
        count(*) filter (where exists (select 1 from ${territoryActors} ta where ta.territory_id = ${id} and ta.actor_id = ${actors.id} and ta.status = 'engaged'))::int as engaged,
        (select array_agg(distinct w) from ${actors} a2, unnest(a2.worlds) w where a2.id in (select ${actors.id} from ${actors} where ${visibleIn(db, id)})) as worlds,
        max(${actors.updatedAt}) as last
      from ${actors} where ${visibleIn(db, id)}`),
  );
  const n = row?.n ?? 0;
  const href = `/espace/${territory.slug}/acteurs`;
  const present = new Set(row?.worlds ?? []);
  const absent = worlds.filter((w) => !present.has(w));
  const facts: JourneyContribution["facts"] = [];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  if (n === 0) {
    missing.push("Aucun acteur cartographié.");
    next.push({ text: "Cartographier les acteurs du territoire (associations, collectivités, services sociaux…)", href: `${href}/nouveau`, urgency: "useful" });
    return [{ phase: "map", facts, missing, next }];
  }
  facts.push({ label: countOf(n, "acteur cartographié", "acteurs cartographiés"), count: n, href });
  facts.push({ label: `${countOf(row?.engaged ?? 0, "acteur engagé", "acteurs engagés")} dans la démarche`, count: row?.engaged ?? 0, href: `${href}?statut=engaged` });
  facts.push({ label: `${worlds.length - absent.length} mondes sur ${worlds.length} représentés`, count: worlds.length - absent.length });
  if (absent.length) {
    const names = absent.map((w) => worldLabels[w].toLocaleLowerCase("fr-FR"));
    missing.push(`${absent.length > 1 ? "Mondes absents" : "Monde absent"} : ${names.join(", ")}.`);
    next.push({ text: `Cartographier des acteurs ${absent.length > 1 ? "des mondes absents" : "du monde absent"} (${names.join(", ")})`, href: `${href}/nouveau`, urgency: "useful" });
  }
  return [{ phase: "map", facts, missing, next, lastChange: journeyDate(row?.last) }];
}
