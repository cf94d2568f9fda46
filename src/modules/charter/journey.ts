import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { journeyDate, journeyRow, type JourneyContribution, type JourneyStep, type JourneyTerritory } from "@/platform/journey";
import { countOf, formatDate } from "@/platform/text";
import { actors } from "@/modules/actors";
import { requireTerritoryId } from "@/modules/territories";
import { charterCommitments, charterPartners, charters, charterVersions } from "./schema";

type Version = { id: string; number: number; status: "brouillon" | "soumise" | "signee" | "remplacee"; submitted_at: string | null; updated_at: string };
type Partner = { name: string; signatory: boolean; commitments: number };
type Row = { charter_id: string | null; last: Version | string | null; signed: number | null; partners: Partner[] | string | null };

const parsed = <T>(value: T | string | null): T | null => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * The charter's part of the journey (formalising commitments): no charter yet; a draft waiting for partners'
 * commitments, for signatories or for its submission; a version waiting for signatures; the charter signed.
 * One query (decision 024): the territory's first charter, its last version, its last signed version's number and
 * its partners (in the charter's order) with their commitments in the last version, as JSON.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date): Promise<JourneyContribution[]> {
  void now;
  const id = requireTerritoryId(territory.id);
  const result = await db.execute(sql`
    with c as (select ${charters.id} as id from ${charters} where ${charters.territoryId} = ${id} order by ${charters.createdAt} limit 1),
    v as (select cv.id, cv.number, cv.status, cv.submitted_at, cv.updated_at from ${charterVersions} cv where cv.territory_id = ${id} and cv.charter_id = (select id from c)),
    l as (select * from v order by number desc limit 1)
    select
      (select id from c) as charter_id,
      (select row_to_json(l) from l) as last,
      (select max(number) from v where status = 'signee') as signed,
      (select coalesce(json_agg(json_build_object(
          'name', a.name,
          'signatory', p.signatory_user_id is not null,
          'commitments', (select count(*)::int from ${charterCommitments} k where k.partner_id = p.id and k.version_id = (select id from l))
        ) order by p.position, a.name), '[]'::json)
        from ${charterPartners} p join ${actors} a on a.id = p.actor_id where p.charter_id = (select id from c)) as partners`);
  const row = journeyRow<Row>(result);
  const base = `/espace/${territory.slug}/charte`;
  if (!row?.charter_id) {
    return [{ phase: "commitments", facts: [], missing: ["Aucune charte d'engagements"], next: [{ text: "Rédiger la charte d'engagements avec les partenaires", href: base, urgency: "useful" }] }];
  }
  const last = parsed<Version>(row.last);
  if (!last) return [];
  const partners = parsed<Partner[]>(row.partners) ?? [];
  const facts: JourneyContribution["facts"] = [{ label: countOf(partners.length, "structure partenaire", "structures partenaires"), count: partners.length, href: base }];
  if (row.signed !== null) facts.push({ label: `Charte signée (version ${row.signed})`, href: `${base}/versions/${row.signed}` });
  const missing: string[] = [];
  const next: JourneyStep[] = [];
  if (last.status === "brouillon") {
    const total = partners.reduce((s, p) => s + Number(p.commitments), 0);
    facts.push({ label: `Version ${last.number} en brouillon : ${countOf(total, "engagement", "engagements")}`, count: total, href: base });
    const silent = partners.filter((p) => Number(p.commitments) === 0);
    const unsigned = partners.filter((p) => !p.signatory);
    if (partners.length === 0) {
      missing.push("Aucune structure partenaire dans la charte");
      next.push({ text: "Ajouter les structures partenaires de la charte", href: `${base}#partenaires`, urgency: "useful" });
    }
    if (silent.length > 0) {
      missing.push(`${countOf(silent.length, "partenaire n'a", "partenaires n'ont")} pas encore écrit ${silent.length > 1 ? "leurs" : "ses"} engagements`);
      next.push({ text: `Relancer ${silent.map((p) => p.name).slice(0, 3).join(", ")}${silent.length > 3 ? "…" : ""} pour leurs engagements`, href: `${base}#partenaires`, urgency: "useful" });
    }
    if (unsigned.length > 0) next.push({ text: `Nommer le ou la signataire de ${countOf(unsigned.length, "partenaire", "partenaires")}`, href: `${base}#partenaires`, urgency: "useful" });
    if (partners.length > 0 && silent.length === 0 && unsigned.length === 0) next.push({ text: `Soumettre la version ${last.number} à signature`, href: `${base}#soumettre`, urgency: "useful" });
  } else if (last.status === "soumise") {
    const submitted = journeyDate(last.submitted_at);
    facts.push({ label: `Version ${last.number} soumise à signature${submitted ? ` le ${formatDate(submitted)}` : ""}`, href: `${base}/versions/${last.number}` });
    next.push({ text: `Recueillir les signatures des partenaires sur la version ${last.number}`, href: `${base}/versions/${last.number}`, urgency: "useful" });
  }
  return [{ phase: "commitments", facts, missing, next, lastChange: journeyDate(last.updated_at) }];
}
