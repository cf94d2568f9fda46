/**
 * A small plan whose every figure is known by hand, shared by the read side's tests (loading, exports, CLI):
 * the territory of Cognac (16102), two axes, one objective, two actors, one catalogue source, version 1
 * (2026–2027, published) with three actions, and version 2 (working) with one.
 */
import type { Db } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { fundingSources } from "@/modules/funding";
import { strategyAxes, strategyObjectives } from "@/modules/strategy";
import { addMember, createTestTerritory, createUser, principalOf } from "./factories";
import { insertPlanActions, insertPlanVersion, setInKindSettings } from "./plan-rows";

export async function seedPlanFixture(db: Db, slug: string) {
  const territory = await createTestTerritory(db, { kind: "commune", code: "16102", slug, name: "Cognac" });
  const [proximite, competences] = await db
    .insert(strategyAxes)
    .values([
      { territoryId: territory.id, title: "Proximité", position: 0 },
      { territoryId: territory.id, title: "Compétences", position: 1 },
    ])
    .returning({ id: strategyAxes.id });
  const [objective] = await db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Une permanence à moins de 15 minutes", horizon: "court" }).returning({ id: strategyObjectives.id });
  const [centre, asso] = await db
    .insert(actors)
    .values([{ name: "Centre social de Cognac" }, { name: "Association Clic & Lien" }])
    .returning({ id: actors.id });
  const [source] = await db.insert(fundingSources).values({ territoryId: territory.id, name: "Appel à projets inclusion", funder: "Conseil départemental", aidKind: "appel_a_projets" }).returning({ id: fundingSources.id });
  if (!proximite || !competences || !objective || !centre || !asso || !source) throw new Error("fixture rows missing");
  await setInKindSettings(db, territory.id, "euros", 250);
  const v1 = await insertPlanVersion(db, territory.id, { number: 1, startYear: 2026, endYear: 2027, frozenAt: new Date("2026-01-10T10:00:00Z"), publishedAt: new Date("2026-01-11T10:00:00Z") });
  const [permanences, ateliers, bus] = await insertPlanActions(db, territory.id, v1.id, [
    {
      title: "Permanences numériques en mairie",
      axisId: proximite.id,
      leadActorId: centre.id,
      status: "en_cours",
      startMonth: "2026-01-01",
      endMonth: "2027-12-01",
      communes: ["16102"],
      objectives: [objective.id],
      partners: [{ actorId: asso.id, role: "relais" }],
      steps: [
        { title: "Recruter la conseillère", dueDate: "2026-02-15", done: true },
        { title: "Bilan de la première année", dueDate: "2026-12-10" },
      ],
      budget: [
        { year: 2026, item: "Poste de conseiller", planned: 30000, actual: 29500 },
        { year: 2027, item: "Poste de conseiller", planned: 31000 },
      ],
      fundings: [
        { sourceId: source.id, year: 2026, status: "accorde", amount: 15000 },
        { funderLabel: "CAF de la Charente", year: 2026, status: "demande", amount: 5000 },
        { funderLabel: "Ville de Cognac", year: 2027, status: "envisage", amount: 10000 },
      ],
      inKind: [{ actorId: centre.id, kind: "salle", description: "Salle du conseil", year: 2026, days: 20 }],
      indicators: [{ indicatorKey: "ifn_total", label: "Indice de fragilité numérique" }],
    },
    {
      title: "Ateliers parents et écrans",
      axisId: competences.id,
      leadActorId: asso.id,
      status: "planifiee",
      startMonth: "2026-09-01",
      endMonth: "2026-12-01",
      budget: [{ year: 2026, item: "Animation", planned: 4000 }],
      fundings: [{ funderLabel: "CAF de la Charente", year: 2026, status: "verse", amount: 4500 }],
    },
    { title: "Bus numérique", status: "idee", budget: [{ year: 2027, item: "Location", planned: 12000.5 }] },
  ]);
  const v2 = await insertPlanVersion(db, territory.id, { number: 2, startYear: 2027, endYear: 2027 });
  await insertPlanActions(db, territory.id, v2.id, [{ title: "Version de travail", status: "idee" }]);
  return { territory, ids: { proximite: proximite.id, competences: competences.id, objective: objective.id, centre: centre.id, asso: asso.id, source: source.id, permanences, ateliers, bus, v1: v1.id, v2: v2.id } };
}

/**
 * An empty plan to write in, for the tests of what a write changes on the views: the territory of Angoulême
 * (16015), its coordinator, one axis « Proximité » and one structure « Centre social » to lead the actions.
 */
export async function seedEmptyPlan(db: Db, slug: string) {
  const territory = await createTestTerritory(db, { kind: "commune", code: "16015", slug, name: "Angoulême" });
  const user = await createUser(db);
  await addMember(db, territory.id, user.id, "coordinator");
  const coordinator = await principalOf(db, user.id);
  const [a] = await db.insert(strategyAxes).values({ territoryId: territory.id, title: "Proximité", position: 0 }).returning({ id: strategyAxes.id });
  const [b] = await db.insert(actors).values({ name: "Centre social", communeCode: "16015", search: "centre social" }).returning({ id: actors.id });
  if (!a || !b) throw new Error("seedEmptyPlan: insertion sans ligne");
  return { territory, coordinator, axis: a.id, actor: b.id };
}
