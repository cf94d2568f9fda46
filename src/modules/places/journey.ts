import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyTerritory } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { perimeterCodes, requireTerritoryId } from "@/modules/territories";
import { places } from "./schema";

/** The places' part of the journey (phase 1): the places of mediation in the perimeter, in one query. */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date = new Date()): Promise<JourneyContribution[]> {
  void now;
  const id = requireTerritoryId(territory.id);
  const row = journeyRow<{ n: number; last: Date | string | null }>(
    await db.execute(sql`select count(*)::int as n, max(${places.modifiedAt}) as last from ${places} where ${places.communeCode} in (${perimeterCodes(db, id)})`),
  );
  const n = row?.n ?? 0;
  if (n === 0) {
    return [
      {
        phase: "map",
        facts: [],
        missing: ["Aucun lieu de médiation numérique recensé dans le périmètre."],
        next: [{ text: "Importer les lieux de médiation numérique du territoire", href: `/espace/${territory.slug}/lieux`, urgency: "useful" }],
      },
    ];
  }
  return [
    {
      phase: "map",
      facts: [{ label: `${countOf(n, "lieu de médiation numérique", "lieux de médiation numérique")} dans le périmètre`, count: n, href: `/territoires/${territory.slug}/lieux` }],
      missing: [],
      next: [],
      lastChange: journeyDate(row?.last),
    },
  ];
}
