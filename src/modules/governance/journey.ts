import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { journeyDate, journeyRow, type JourneyContribution } from "@/platform/journey";
import { countOf } from "@/platform/text";
import { governanceKinds, groupKindLabels, groups, type GroupKind, type GroupRhythm } from "@/modules/groups";
import { decisions, meetings } from "@/modules/meetings";
import { requireTerritoryId, type Territory } from "@/modules/territories";
import { behindRhythm } from "./queries";
import { rhythmLabels } from "./validation";

type BodyRow = { id: string; name: string; kind: GroupKind; rhythm: GroupRhythm | null; created_at: string; last_meeting: string | null; next_meeting: string | null };
type Row = { bodies: BodyRow[] | string | null; awaiting: number };

/**
 * The governance's part of phase 5 (strategy, plan and governance): the bodies, a missing comité de pilotage,
 * the bodies that have not met within their rhythm, and the decisions whose follow-up is still to do (the overdue
 * ones are said by the meetings' contribution, once). One query (decision 024): the bodies with their last and
 * next meetings as one JSON list, the follow-ups as a scalar subquery; the rhythm rule stays the pure `behindRhythm`.
 */
export async function journeyOf(db: Executor, territory: Territory, now: Date): Promise<JourneyContribution[]> {
  const id = requireTerritoryId(territory.id);
  const at = now.toISOString();
  const today = parisToday(now);
  const kinds = sql.join(
    governanceKinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_object(
          'id', g.id, 'name', g.name, 'kind', g.kind, 'rhythm', g.rhythm, 'created_at', g.created_at,
          'last_meeting', (select max(x.starts_at) from ${meetings} x where x.group_id = g.id and x.starts_at <= ${at}),
          'next_meeting', (select min(x.starts_at) from ${meetings} x where x.group_id = g.id and x.starts_at > ${at})
        ) order by g.name), '[]'::json)
        from ${groups} g where g.territory_id = ${id} and g.kind::text in (${kinds})) as bodies,
      (select count(*)::int from ${decisions} d where d.territory_id = ${id} and d.done_at is null
         and (d.follow_up_by <> '' or d.due_on is not null) and (d.due_on is null or d.due_on >= ${today})) as awaiting`);
  const row = journeyRow<Row>(result);
  const raw = row?.bodies ?? [];
  const bodies = (typeof raw === "string" ? (JSON.parse(raw) as BodyRow[]) : raw).map((b) => {
    const body = { ...b, createdAt: journeyDate(b.created_at) ?? now, lastMeeting: journeyDate(b.last_meeting) ?? null, nextMeeting: journeyDate(b.next_meeting) ?? null };
    return { ...body, behind: behindRhythm(body, now) };
  });
  const awaiting = Number(row?.awaiting ?? 0);
  const base = `/espace/${territory.slug}/gouvernance`;
  const facts: JourneyContribution["facts"] = [{ label: countOf(bodies.length, "instance de gouvernance", "instances de gouvernance"), count: bodies.length, href: base }];
  const missing: string[] = [];
  const next: JourneyContribution["next"] = [];
  if (!bodies.some((b) => b.kind === "comite_pilotage")) {
    missing.push("Aucun comité de pilotage");
    next.push({ text: "Constituer le comité de pilotage de la démarche", href: `${base}#nouvelle-instance`, urgency: "useful" });
  }
  // In the bodies list's order: comité de pilotage first, then by kind, then by name.
  const rank = (k: GroupKind) => governanceKinds.indexOf(k as (typeof governanceKinds)[number]);
  for (const b of bodies.filter((x) => x.behind).sort((x, y) => rank(x.kind) - rank(y.kind))) {
    missing.push(`L'instance « ${b.name} » (${groupKindLabels[b.kind].toLowerCase()}) ne s'est pas réunie à son rythme (${rhythmLabels[b.rhythm ?? "ponctuel"].toLowerCase()})`);
    next.push({ text: `Prévoir une réunion de « ${b.name} »`, href: `/espace/${territory.slug}/groupes/${b.id}/reunions`, urgency: "useful" });
  }
  if (awaiting > 0) {
    facts.push({ label: countOf(awaiting, "décision attend son suivi", "décisions attendent leur suivi"), count: awaiting, href: `/espace/${territory.slug}/decisions?etat=a_suivre` });
    next.push({ text: `Suivre ${countOf(awaiting, "décision", "décisions")} de la gouvernance`, href: `/espace/${territory.slug}/decisions?etat=a_suivre`, urgency: "useful" });
  }
  return [{ phase: "strategy", facts, missing, next }];
}
