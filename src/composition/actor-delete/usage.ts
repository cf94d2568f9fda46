import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { accompaniments } from "@/modules/accompaniments";
import type { ActorUse, ActorUsageReader } from "@/modules/actors";
import { charterPartners, charters } from "@/modules/charter";
import { groupMembers, groups } from "@/modules/groups";
import { indicators } from "@/modules/indicators";
import { maturityAssessments } from "@/modules/maturity";
import { places } from "@/modules/places";
import { actionsUsingActor } from "@/modules/plan";
import { inPerimeterOf } from "@/modules/territories";

const count = sql<number>`count(*)::int`;

/** "3 actions du plan d'autres territoires": what another territory holds is counted, never named (its data). */
function elsewhere(n: number, one: string, many: string): ActorUse[] {
  return n > 0 ? [{ label: n > 1 ? `${n} ${many} d'autres territoires` : `une ${one} d'un autre territoire`, path: null }] : [];
}

/**
 * Everything outside the actors module that still uses a structure (decision 032), for its delete: the plan's
 * actions it leads, is a partner of or gives in kind to (restrict keys), the charters it is a partner of
 * (restrict), the groups some of its people sit in (its worlds weigh in their balance), the places it runs,
 * the accompaniments and indicators recorded with it, its self-assessments. The nullable links (groups,
 * places, accompaniments, indicators) would be emptied silently by the database: they refuse here instead, so
 * nothing changes without someone choosing it. This territory's uses are named, with their page; other
 * territories' are counted.
 */
export const actorUsage: ActorUsageReader = async (tx: Executor, territoryId: string, actorId: string) => {
  const uses: ActorUse[] = [];

  const actions = await actionsUsingActor(tx, actorId);
  for (const a of actions.filter((x) => x.territoryId === territoryId)) uses.push({ label: `action du plan « ${a.title} » (version ${a.versionNumber})`, path: `plan/actions/${a.id}` });
  uses.push(...elsewhere(actions.filter((x) => x.territoryId !== territoryId).length, "action du plan", "actions du plan"));

  const charterRows = await tx
    .select({ id: charters.id, title: charters.title, territoryId: charters.territoryId })
    .from(charterPartners)
    .innerJoin(charters, eq(charters.id, charterPartners.charterId))
    .where(eq(charterPartners.actorId, actorId))
    .orderBy(asc(charters.title));
  for (const c of charterRows.filter((x) => x.territoryId === territoryId)) uses.push({ label: `partenaire de la charte « ${c.title} »`, path: "charte" });
  uses.push(...elsewhere(charterRows.filter((x) => x.territoryId !== territoryId).length, "charte", "chartes"));

  const groupRows = await tx
    .selectDistinct({ id: groups.id, name: groups.name, territoryId: groups.territoryId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(groupMembers.actorId, actorId))
    .orderBy(asc(groups.name));
  for (const g of groupRows.filter((x) => x.territoryId === territoryId)) uses.push({ label: `membres du groupe « ${g.name} »`, path: `groupes/${g.id}` });
  // Groups are counted as "groupes", a feminine "une" would be wrong: said apart.
  const otherGroups = groupRows.filter((x) => x.territoryId !== territoryId).length;
  if (otherGroups > 0) uses.push({ label: otherGroups > 1 ? `${otherGroups} groupes d'autres territoires` : "un groupe d'un autre territoire", path: null });

  // Places are one shared registry: those of this territory's perimeter are named, the others counted.
  const placeRows = await tx
    .select({ id: places.id, name: places.name, here: sql<boolean>`${inPerimeterOf(tx, territoryId, places.communeCode)}` })
    .from(places)
    .where(eq(places.actorId, actorId))
    .orderBy(asc(places.name));
  for (const p of placeRows.filter((x) => x.here)) uses.push({ label: `lieu « ${p.name} »`, path: `lieux/${p.id}/modifier` });
  const farPlaces = placeRows.filter((x) => !x.here).length;
  if (farPlaces > 0) uses.push({ label: farPlaces > 1 ? `${farPlaces} lieux hors du territoire` : "un lieu hors du territoire", path: null });

  const [own] = await tx.select({ n: count }).from(accompaniments).where(and(eq(accompaniments.actorId, actorId), eq(accompaniments.territoryId, territoryId)));
  if (own && own.n > 0) uses.push({ label: own.n > 1 ? `${own.n} accompagnements enregistrés avec elle` : "un accompagnement enregistré avec elle", path: null });
  const [far] = await tx.select({ n: count }).from(accompaniments).where(and(eq(accompaniments.actorId, actorId), ne(accompaniments.territoryId, territoryId)));
  if (far && far.n > 0) uses.push({ label: far.n > 1 ? `${far.n} accompagnements d'autres territoires` : "un accompagnement d'un autre territoire", path: null });

  const indicatorRows = await tx.select({ name: indicators.name, territoryId: indicators.territoryId }).from(indicators).where(eq(indicators.ownerActorId, actorId)).orderBy(asc(indicators.name));
  for (const i of indicatorRows.filter((x) => x.territoryId === territoryId)) uses.push({ label: `responsable de l'indicateur « ${i.name} »`, path: null });
  const otherIndicators = indicatorRows.filter((x) => x.territoryId !== territoryId).length;
  if (otherIndicators > 0) uses.push({ label: otherIndicators > 1 ? `${otherIndicators} indicateurs d'autres territoires` : "un indicateur d'un autre territoire", path: null });

  // Self-assessments belong to the structure (decision 006): a coordination does not delete them with it.
  const [assessed] = await tx.select({ n: count }).from(maturityAssessments).where(eq(maturityAssessments.actorId, actorId));
  if (assessed && assessed.n > 0) uses.push({ label: assessed.n > 1 ? `${assessed.n} autoévaluations de la structure` : "une autoévaluation de la structure", path: null });

  return uses;
};
