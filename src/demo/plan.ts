/**
 * The Charente demo's action plan: a two-year plan of fifteen realistic actions under the three demo axes, each
 * serving the demo objectives, led by demo actors, with yearly budgets, co-funding from the shipped reference list
 * (found by reference key), in-kind means and steps. Dates are relative to the seeding day: the plan covers the
 * next two calendar years (this one and the next while in the first half-year), so that the journey shows a plan
 * under way rather than one long over.
 */
import { and, asc, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { actors, visibleIn } from "@/modules/actors";
import { fundingSources } from "@/modules/funding";
import { perimeterAmong } from "@/modules/territories";
import { planActionObjectives, planActionPartners, planActions, planActionSteps, planBudgetLines, planFundings, planInKind, planActionIndicators, planVersions } from "@/modules/plan";
import type { ActionStatus, FundingStatus } from "@/modules/plan";

import type { DemoStrategy } from "./strategy";

type Objective = keyof DemoStrategy["objectives"];
type Axis = keyof DemoStrategy["axes"];
/** A lead or partner, by a pattern of its name among the demo actors (the open data decides which exist). */
type ActorPick = RegExp;
type Money = { item: string; planned: [number, number]; actual?: number };
type Funding = { key?: string; label?: string; year: 0 | 1; status: FundingStatus; amount: number };
type InKind = { kind: "temps_agent" | "salle" | "materiel" | "benevolat" | "autre"; description: string; year: 0 | 1; days?: number; valueEuros?: number; by?: ActorPick };

type DemoAction = {
  title: string;
  description: string;
  axis: Axis;
  objectives: Objective[];
  lead?: ActorPick;
  partners?: { actor: ActorPick; role: string }[];
  publics: string[];
  themes: string[];
  communes?: string[];
  /** Months from January of the first year (0 = January, year 1). */
  start: number;
  end: number;
  status: ActionStatus;
  recurring?: boolean;
  budget: Money[];
  fundings: Funding[];
  inKind?: InKind[];
  steps: { title: string; month: number; done?: boolean }[];
  indicators?: string[];
};

const SOCIAL = /centre social|socioculturel|flep|cs |maison des habitants/i;
const LIBRARY = /m[ée]diath[èe]que|biblioth[èe]que/i;
const TOWN = /mairie|commune|ville|communaut|agglo/i;
const SERVICES = /france services|msap|maison de services/i;
const CCAS = /ccas|action sociale|solidarit/i;
const ASSO = /association|asso|emmaüs|emmaus|recyclerie|informatique/i;

const list: DemoAction[] = [
  {
    title: "Permanences numériques dans les mairies rurales",
    description: "Une demi-journée par semaine, un conseiller numérique accueille sans rendez-vous dans six mairies de l'est charentais pour les démarches en ligne.",
    axis: "proximite",
    objectives: ["permanences", "seniors"],
    lead: SERVICES,
    partners: [{ actor: TOWN, role: "lieu d'accueil" }],
    publics: ["seniors", "tout_public"],
    themes: ["acces_droits", "accompagnement_humain"],
    communes: ["16106", "16192"],
    start: 1,
    end: 23,
    status: "en_cours",
    recurring: true,
    budget: [{ item: "Temps de conseiller numérique (0,5 ETP)", planned: [18000, 18500], actual: 9200 }, { item: "Déplacements", planned: [2400, 2400], actual: 1100 }],
    fundings: [
      { key: "conseillers-numeriques", year: 0, status: "accorde", amount: 12500 },
      { key: "droit-commun-collectivites", year: 0, status: "verse", amount: 4000 },
      { key: "conseillers-numeriques", year: 1, status: "demande", amount: 12500 },
    ],
    inKind: [{ kind: "salle", description: "Salle du conseil le mardi matin", year: 0, days: 24, by: TOWN }],
    steps: [
      { title: "Conventions avec les six mairies", month: 1, done: true },
      { title: "Première permanence à Confolens", month: 2, done: true },
      { title: "Bilan de fréquentation du premier semestre", month: 6 },
    ],
    indicators: ["Personnes accueillies par mois", "Part des démarches abouties"],
  },
  {
    title: "Bus numérique itinérant",
    description: "Un véhicule équipé (ordinateurs, connexion) fait étape sur les marchés des bourgs sans lieu de médiation.",
    axis: "proximite",
    objectives: ["itinerance"],
    lead: CCAS,
    partners: [{ actor: ASSO, role: "animation des étapes" }],
    publics: ["tout_public", "seniors"],
    themes: ["accompagnement_humain", "acces_droits"],
    start: 3,
    end: 23,
    status: "planifiee",
    budget: [{ item: "Location et aménagement du véhicule", planned: [35000, 8000] }, { item: "Animateur (1 ETP)", planned: [21000, 32000] }],
    fundings: [
      { key: "dsil", year: 0, status: "demande", amount: 28000 },
      { key: "feder-iti", year: 0, status: "envisage", amount: 15000 },
      { key: "mecenat-entreprises", year: 1, status: "envisage", amount: 10000 },
    ],
    steps: [
      { title: "Choisir le véhicule et l'aménageur", month: 2 },
      { title: "Tournée test sur trois marchés", month: 5 },
    ],
  },
  {
    title: "Accueil numérique dans les France Services",
    description: "Un poste en libre accès et un accompagnement pas à pas dans chaque France Services du département.",
    axis: "proximite",
    objectives: ["permanences"],
    lead: SERVICES,
    publics: ["tout_public"],
    themes: ["acces_droits"],
    start: 0,
    end: 11,
    status: "terminee",
    budget: [{ item: "Postes informatiques", planned: [6000, 0], actual: 5800 }],
    fundings: [{ key: "etat-france-numerique-ensemble", year: 0, status: "verse", amount: 4000 }],
    steps: [{ title: "Installer les postes", month: 2, done: true }],
  },
  {
    title: "Connexion partagée dans les halls d'immeuble de Soyaux",
    description: "Avec le bailleur social, un accès wifi gratuit et un point d'aide mensuel dans trois halls d'immeuble.",
    axis: "proximite",
    objectives: ["permanences"],
    lead: SOCIAL,
    publics: ["familles", "demandeurs_emploi"],
    themes: ["acces_internet_logement"],
    communes: ["16374"],
    start: 6,
    end: 17,
    status: "idee",
    budget: [{ item: "Équipement wifi et abonnement", planned: [4500, 3000] }],
    fundings: [{ label: "Bailleur social", year: 0, status: "envisage", amount: 3000 }],
    steps: [{ title: "Rencontrer le bailleur", month: 5 }],
  },
  {
    title: "Ateliers « premiers pas » pour les personnes âgées",
    description: "Cycles de six séances en petits groupes : allumer, naviguer, messagerie, sécurité, démarches de retraite.",
    axis: "competences",
    objectives: ["seniors"],
    lead: LIBRARY,
    partners: [{ actor: SOCIAL, role: "repérage des participants" }],
    publics: ["seniors"],
    themes: ["competences_base"],
    communes: ["16015"],
    start: 0,
    end: 23,
    status: "en_cours",
    recurring: true,
    budget: [{ item: "Animation des ateliers", planned: [9000, 9000], actual: 8700 }, { item: "Tablettes de prêt", planned: [3000, 0], actual: 3200 }],
    fundings: [
      { key: "caf-fonds-locaux", year: 0, status: "accorde", amount: 5000 },
      { key: "fondation-appel-a-projets", year: 1, status: "demande", amount: 6000 },
    ],
    inKind: [{ kind: "benevolat", description: "Bénévoles du club informatique", year: 0, days: 30 }],
    steps: [
      { title: "Premier cycle", month: 1, done: true },
      { title: "Deuxième cycle", month: 4, done: true },
      { title: "Troisième cycle", month: 9 },
    ],
    indicators: ["Participants ayant suivi le cycle complet"],
  },
  {
    title: "Accompagner les parents avec l'espace numérique de travail",
    description: "Soirées au collège et tutoriels sur téléphone pour suivre la scolarité en ligne.",
    axis: "competences",
    objectives: ["parents"],
    lead: SOCIAL,
    publics: ["familles"],
    themes: ["parentalite_education"],
    start: 8,
    end: 20,
    status: "planifiee",
    budget: [{ item: "Animation des soirées", planned: [2500, 4000] }],
    fundings: [{ key: "caf-fonds-locaux", year: 0, status: "demande", amount: 2000 }],
    steps: [{ title: "Calendrier avec les collèges", month: 7 }],
  },
  {
    title: "Former les secrétaires de mairie à l'accompagnement",
    description: "Deux journées de formation : repérer, accompagner une démarche, orienter vers le bon lieu.",
    axis: "competences",
    objectives: ["agents"],
    lead: TOWN,
    publics: ["agents"],
    themes: ["competences_agents_elus", "reseau_aidants"],
    start: 2,
    end: 14,
    status: "en_retard",
    budget: [{ item: "Formation (organisme agréé)", planned: [7000, 3500] }],
    fundings: [{ key: "etat-france-numerique-ensemble", year: 0, status: "accorde", amount: 5000 }],
    inKind: [{ kind: "temps_agent", description: "Journées de formation des agents", year: 0, days: 40, by: TOWN }],
    steps: [
      { title: "Choisir l'organisme de formation", month: 2, done: true },
      { title: "Première session", month: 4 },
    ],
  },
  {
    title: "Posture d'accompagnement pour les travailleurs sociaux",
    description: "Ateliers d'analyse de pratique pour « faire avec » plutôt que « faire à la place ».",
    axis: "competences",
    objectives: ["aidants", "agents"],
    lead: CCAS,
    publics: ["aidants"],
    themes: ["posture_educateurs", "competences_agents_elus"],
    start: 12,
    end: 23,
    status: "idee",
    budget: [{ item: "Intervenant", planned: [0, 5000] }],
    fundings: [{ key: "fse-plus", year: 1, status: "envisage", amount: 3000 }],
    steps: [],
  },
  {
    title: "Pass numériques pour les bénéficiaires des minima sociaux",
    description: "Chéquiers de médiation distribués par les travailleurs sociaux, utilisables dans les lieux qualifiés.",
    axis: "competences",
    objectives: ["seniors", "parents"],
    lead: CCAS,
    publics: ["demandeurs_emploi", "familles"],
    themes: ["acces_droits", "competences_base"],
    start: 0,
    end: 23,
    status: "bloquee",
    budget: [{ item: "Chéquiers", planned: [10000, 10000] }],
    fundings: [{ key: "pass-numerique", year: 0, status: "refuse", amount: 10000 }],
    steps: [{ title: "Trouver un autre financement", month: 3 }],
  },
  {
    title: "Ordinateurs reconditionnés à prix solidaire",
    description: "L'association reconditionne les ordinateurs des collectivités et les vend à bas prix.",
    axis: "competences",
    objectives: ["itinerance"],
    lead: ASSO,
    publics: ["demandeurs_emploi", "familles"],
    themes: ["developpement_economique", "acces_droits"],
    communes: ["16102"],
    start: 4,
    end: 23,
    status: "en_cours",
    budget: [{ item: "Atelier de reconditionnement", planned: [12000, 12000], actual: 5000 }],
    fundings: [
      { key: "fondation-appel-a-projets", year: 0, status: "accorde", amount: 8000 },
      { key: "mecenat-entreprises", year: 0, status: "verse", amount: 6000 },
    ],
    inKind: [{ kind: "materiel", description: "Ordinateurs donnés par les collectivités", year: 0, valueEuros: 6000, by: TOWN }],
    steps: [{ title: "Collecte auprès des mairies", month: 5, done: true }],
  },
  {
    title: "Annuaire partagé des lieux d'aide",
    description: "Un annuaire tenu à jour des lieux, horaires et services, pour orienter sans se tromper.",
    axis: "reseau",
    objectives: ["annuaire"],
    lead: SERVICES,
    partners: [{ actor: LIBRARY, role: "mise à jour des fiches" }],
    publics: ["aidants", "tout_public"],
    themes: ["reseau_aidants"],
    start: 0,
    end: 5,
    status: "terminee",
    budget: [{ item: "Temps de coordination", planned: [3000, 0], actual: 2800 }],
    fundings: [{ key: "droit-commun-collectivites", year: 0, status: "verse", amount: 3000 }],
    steps: [{ title: "Publier l'annuaire", month: 4, done: true }],
  },
  {
    title: "Réseau des aidants numériques",
    description: "Quatre rencontres par an des aidants professionnels et bénévoles, une liste de discussion, des fiches pratiques.",
    axis: "reseau",
    objectives: ["aidants"],
    lead: CCAS,
    partners: [
      { actor: SOCIAL, role: "co-animation" },
      { actor: LIBRARY, role: "accueil des rencontres" },
    ],
    publics: ["aidants"],
    themes: ["reseau_aidants"],
    start: 1,
    end: 23,
    status: "en_cours",
    recurring: true,
    budget: [{ item: "Animation du réseau", planned: [6000, 6000], actual: 2500 }],
    fundings: [{ key: "etat-france-numerique-ensemble", year: 0, status: "accorde", amount: 4000 }],
    inKind: [{ kind: "salle", description: "Salles de rencontre", year: 0, days: 4, by: LIBRARY }],
    steps: [
      { title: "Première rencontre", month: 2, done: true },
      { title: "Fiches pratiques sur les démarches CAF", month: 6 },
    ],
  },
  {
    title: "Orientation depuis l'accueil des centres sociaux",
    description: "Une fiche de repérage et un circuit d'orientation vers les ateliers, partagés par tous les accueils.",
    axis: "reseau",
    objectives: ["aidants", "annuaire"],
    lead: SOCIAL,
    publics: ["tout_public"],
    themes: ["reseau_aidants", "accompagnement_humain"],
    start: 5,
    end: 10,
    status: "en_pause",
    budget: [{ item: "Impression et formation des accueils", planned: [1500, 0] }],
    fundings: [],
    steps: [{ title: "Tester la fiche dans deux centres", month: 6 }],
  },
  {
    title: "Observatoire de l'inclusion numérique",
    description: "Chaque année, les chiffres des lieux, des accompagnements et des besoins, partagés avec les partenaires.",
    axis: "reseau",
    objectives: ["observatoire"],
    publics: ["aidants"],
    themes: ["reseau_aidants"],
    start: 9,
    end: 23,
    status: "idee",
    recurring: true,
    budget: [{ item: "Collecte et publication", planned: [2000, 4000] }],
    fundings: [],
    steps: [],
  },
  {
    title: "Accompagnement en langue des signes",
    description: "Une permanence mensuelle avec interprète en langue des signes et un poste adapté aux personnes malvoyantes.",
    axis: "proximite",
    objectives: ["permanences"],
    lead: SERVICES,
    publics: ["handicap"],
    themes: ["equipement_handicap"],
    communes: ["16015"],
    start: 14,
    end: 23,
    status: "planifiee",
    budget: [{ item: "Interprète", planned: [0, 4800] }, { item: "Poste adapté", planned: [0, 2500] }],
    fundings: [{ label: "Conseil départemental", year: 1, status: "envisage", amount: 5000 }],
    steps: [{ title: "Trouver l'interprète", month: 12 }],
  },
];

const monthDate = (firstYear: number, m: number) => `${firstYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
const dayDate = (firstYear: number, m: number) => `${firstYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-15`;

/** Seeds the plan (version 1, two years); returns how many actions were written. */
export async function seedDemoPlan(db: Db, territoryId: string, strategy: DemoStrategy, now = new Date()): Promise<number> {
  const firstYear = now.getMonth() < 6 ? now.getFullYear() : now.getFullYear() + 1;
  const actorRows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(visibleIn(db, territoryId)).orderBy(asc(actors.name), asc(actors.id));
  const used = new Map<RegExp, number>();
  // The n-th actor matching a pattern, turning over the matches so that leads vary; none when no actor matches.
  const pick = (p: ActorPick | undefined): string | null => {
    if (!p) return null;
    const matches = actorRows.filter((a) => p.test(a.name));
    if (matches.length === 0) return null;
    const n = used.get(p) ?? 0;
    used.set(p, n + 1);
    return matches[n % matches.length]?.id ?? null;
  };
  const keys = [...new Set(list.flatMap((a) => a.fundings.flatMap((f) => (f.key ? [f.key] : []))))];
  const sources = await db.select({ id: fundingSources.id, key: fundingSources.referenceKey, name: fundingSources.name }).from(fundingSources).where(and(isNull(fundingSources.territoryId), inArray(fundingSources.referenceKey, keys)));
  const sourceOf = new Map(sources.map((s) => [s.key, s.id]));
  const inPerimeter = new Set((await perimeterAmong(db, territoryId, [...new Set(list.flatMap((a) => a.communes ?? []))])));

  return db.transaction(async (tx) => {
    const [version] = await tx
      .insert(planVersions)
      .values({ territoryId, number: 1, title: `Plan d'inclusion numérique ${firstYear}–${firstYear + 1}`, kind: "pluriannuel", startYear: firstYear, endYear: firstYear + 1, createdBy: "Démonstration" })
      .returning({ id: planVersions.id });
    if (!version) throw new Error("insert returned nothing");
    const positions = new Map<Axis, number>();
    for (const a of list) {
      const position = positions.get(a.axis) ?? 0;
      positions.set(a.axis, position + 1);
      const lead = pick(a.lead);
      const [row] = await tx
        .insert(planActions)
        .values({
          territoryId,
          versionId: version.id,
          axisId: strategy.axes[a.axis],
          title: a.title,
          description: a.description,
          leadActorId: lead,
          publics: a.publics,
          themes: a.themes,
          communes: (a.communes ?? []).filter((c) => inPerimeter.has(c)),
          startMonth: monthDate(firstYear, a.start),
          endMonth: monthDate(firstYear, a.end),
          status: a.status,
          recurring: a.recurring ?? false,
          position,
          createdBy: "Démonstration",
          updatedBy: "Démonstration",
        })
        .returning({ id: planActions.id });
      if (!row) throw new Error("insert returned nothing");
      await tx.insert(planActionObjectives).values(a.objectives.map((o) => ({ actionId: row.id, objectiveId: strategy.objectives[o] })));
      const partners = new Map<string, string>();
      for (const p of a.partners ?? []) {
        const id = pick(p.actor);
        if (id && id !== lead) partners.set(id, p.role);
      }
      if (partners.size) await tx.insert(planActionPartners).values([...partners].map(([actorId, role]) => ({ actionId: row.id, actorId, role })));
      const lines = a.budget.flatMap((b) =>
        b.planned.flatMap((planned, y) => (planned > 0 || (y === 0 && b.actual !== undefined) ? [{ actionId: row.id, year: firstYear + y, item: b.item, planned, actual: y === 0 ? (b.actual ?? null) : null }] : [])),
      );
      if (lines.length) await tx.insert(planBudgetLines).values(lines);
      const fundings = a.fundings.map((f) => {
        const sourceId = f.key ? sourceOf.get(f.key) : undefined;
        // Without the reference list (a bare test database), the funder is named in words.
        return { actionId: row.id, sourceId: sourceId ?? null, funderLabel: sourceId ? "" : (f.label ?? f.key ?? ""), year: firstYear + f.year, status: f.status, amount: f.amount };
      });
      if (fundings.length) await tx.insert(planFundings).values(fundings);
      const inKind = (a.inKind ?? []).map((k) => ({ actionId: row.id, actorId: pick(k.by), kind: k.kind, description: k.description, year: firstYear + k.year, days: k.days ?? null, valueEuros: k.valueEuros ?? null }));
      if (inKind.length) await tx.insert(planInKind).values(inKind);
      if (a.steps.length) await tx.insert(planActionSteps).values(a.steps.map((s, i) => ({ actionId: row.id, title: s.title, dueDate: dayDate(firstYear, s.month), done: s.done ?? false, position: i })));
      if (a.indicators?.length) await tx.insert(planActionIndicators).values(a.indicators.map((label) => ({ actionId: row.id, label })));
    }
    return list.length;
  });
}

/** For the integrator's checks: the demo plan's action titles. */
export const demoPlanTitles = list.map((a) => a.title);
