import { asc, sql } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { visibleIn } from "@/modules/actors/queries";
import { actors, territoryActors } from "@/modules/actors/schema";
import { dimensionIds, type DimensionId, type Level } from "@/modules/maturity/grid";
import { maturityAnswers, maturityAssessments } from "@/modules/maturity/schema";
import { assessmentInput, assessmentSchema } from "@/modules/maturity/validation";

/**
 * Demo self-assessments (marked demo) for about two thirds of the demo actors: a profile guessed from
 * the kind of structure its name suggests, varied by a seeded random generator (the same demo on every
 * instance), short plausible comments, and for some actors an earlier submission months before the
 * current one, to show progress. Invented content: no real structure said any of this.
 */

/** Share of the actors who self-assessed, and share of those with two submissions. */
const ASSESSED_SHARE = 0.65;
const TWICE_SHARE = 0.3;
const DAY = 24 * 3600 * 1000;

type Levels = Record<DimensionId, Level>;

const at = (support: Level, skills: Level, equipment: Level, partnerships: Level, accessibility: Level, evaluation: Level): Levels => ({
  support,
  skills,
  equipment,
  partnerships,
  accessibility,
  evaluation,
});

/** Typical levels by kind of structure, first match wins (the names are those of Charente's open data). */
const profiles: { test: RegExp; levels: Levels }[] = [
  { test: /france services|msap/i, levels: at(3, 3, 3, 3, 2, 3) },
  { test: /ccas|cias|ctas|centre soci|socio|cscs|union dep|una |famille/i, levels: at(3, 2, 2, 3, 3, 2) },
  { test: /biblioth|m[ée]diath|num[ée]rique|tiers-lieu|effervescentre|kaleidoscope/i, levels: at(3, 3, 4, 2, 2, 2) },
  { test: /insertion|emploi|int[ée]rim|envie|emma[üu]s|croix-rouge|formation|calcul/i, levels: at(3, 2, 3, 3, 2, 3) },
  { test: /jeune|mjc|cij|apej|foyer|loisirs/i, levels: at(2, 2, 3, 2, 1, 2) },
  { test: /communaut|agglo|ca du|d[ée]partement|chambre/i, levels: at(2, 2, 2, 3, 2, 2) },
  { test: /commune|mairie|poste/i, levels: at(2, 2, 2, 2, 2, 1) },
];
const otherProfile = at(2, 2, 2, 2, 2, 1);

/** Short comments by dimension and level: what a person filling in the grid typically writes. */
const comments: Record<DimensionId, Record<Level, string[]>> = {
  support: {
    1: ["On aide quand on peut, souvent à l'accueil entre deux rendez-vous.", "Nous faisons les démarches à la place des personnes, faute de temps."],
    2: ["Permanence numérique le mardi matin, sur rendez-vous.", "Créneaux annoncés en mairie et sur le panneau d'affichage."],
    3: ["Un premier entretien pour comprendre le besoin, puis on fait avec la personne.", "Habilités Aidants Connect depuis l'an dernier."],
    4: ["Parcours de six ateliers, puis un rendez-vous de suivi un mois après.", "Nous revoyons les personnes pour mesurer ce qu'elles font seules."],
  },
  skills: {
    1: ["Personne n'est formé ; une collègue s'y connaît et dépanne.", "Pas de temps prévu pour se former."],
    2: ["Deux agents ont suivi une sensibilisation d'une journée.", "Sensibilisation aux démarches en ligne prévue pour l'équipe d'accueil."],
    3: ["Un conseiller numérique dans l'équipe ; formation annuelle pour les autres.", "Deux bénévoles formés cette année."],
    4: ["Plan de formation pour toute l'équipe, bénévoles compris.", "Nous formons les agents d'accueil des communes voisines."],
  },
  equipment: {
    1: ["Pas de poste pour le public.", "Pas de wifi public pour l'instant."],
    2: ["Un ordinateur en libre accès, ancien.", "Wifi public mais pas d'imprimante ni de scanner."],
    3: ["Quatre postes, imprimante et scanner, ouverts le samedi matin.", "Wifi public et ordinateurs renouvelés l'an dernier."],
    4: ["Prêt de tablettes et vente d'ordinateurs reconditionnés à petit prix.", "Permanences itinérantes dans les villages avec le matériel."],
  },
  partnerships: {
    1: ["Nous connaissons mal les autres lieux d'aide.", "Difficile de savoir vers qui envoyer les personnes."],
    2: ["On oriente vers la France Services voisine, sans suivi.", "Quelques contacts avec le centre social."],
    3: ["Fiche de liaison avec le CCAS et la France Services.", "Nous participons aux rencontres du réseau départemental."],
    4: ["Convention avec trois partenaires et actions communes.", "Nous animons le groupe des médiateurs du secteur."],
  },
  accessibility: {
    1: ["Locaux à l'étage, sans ascenseur.", "Pas d'adaptation particulière pour l'instant."],
    2: ["On reçoit au calme quand la personne en a besoin.", "Nous agrandissons l'affichage à la demande."],
    3: ["Locaux accessibles et supports en facile à lire et à comprendre.", "L'équipe connaît les réglages d'accessibilité des téléphones."],
    4: ["Visites à domicile pour les personnes qui ne peuvent pas se déplacer.", "Claviers adaptés et loupe électronique ; ateliers co-construits avec une association."],
  },
  evaluation: {
    1: ["Nous ne comptons pas encore les personnes accueillies.", "Aucun suivi de l'activité."],
    2: ["Un cahier de passage, rempli de façon irrégulière.", "Nous comptons les personnes, pas les besoins."],
    3: ["Chaque accompagnement est noté de façon anonyme ; bilan annuel aux financeurs.", "Suivi mensuel partagé avec les partenaires."],
    4: ["Questionnaire de satisfaction et bilan partagé avec le comité de pilotage.", "Nos chiffres alimentent l'observatoire départemental."],
  },
};

/** Mulberry32: a small seeded generator, so that every demo instance gets the same answers. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (n: number): Level => Math.min(4, Math.max(1, n)) as Level;

export type PlannedAssessment = { actorId: string; submittedAt: Date; answers: Record<DimensionId, { level: Level; comment: string }> };

/** The demo's assessments for these actors (in this order), relative to `now`: the same input always gives the same plan. */
export function planDemoAssessments(list: readonly { id: string; name: string }[], now: Date): PlannedAssessment[] {
  const random = seeded(16);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] ?? (items[0] as T);
  const out: PlannedAssessment[] = [];
  for (const actor of list) {
    if (random() >= ASSESSED_SHARE) continue;
    const base = profiles.find((p) => p.test.test(actor.name))?.levels ?? otherProfile;
    const current = {} as Levels;
    for (const id of dimensionIds) {
      const r = random();
      current[id] = clamp(base[id] + (r < 0.2 ? -1 : r > 0.8 ? 1 : 0));
    }
    const answer = (levels: Levels) =>
      Object.fromEntries(dimensionIds.map((id) => [id, { level: levels[id], comment: random() < 0.5 ? pick(comments[id][levels[id]]) : "" }])) as PlannedAssessment["answers"];
    const latestAgo = 20 + Math.floor(random() * 150);
    if (random() < TWICE_SHARE) {
      // Months earlier, one to three dimensions a level lower: the progress the second submission shows.
      const earlier = { ...current };
      const shuffled = [...dimensionIds];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as DimensionId, shuffled[i] as DimensionId];
      }
      const lowered = shuffled.slice(0, 1 + Math.floor(random() * 3));
      for (const id of lowered) earlier[id] = clamp(earlier[id] - 1);
      out.push({ actorId: actor.id, submittedAt: new Date(now.getTime() - (latestAgo + 180 + Math.floor(random() * 90)) * DAY), answers: answer(earlier) });
    }
    out.push({ actorId: actor.id, submittedAt: new Date(now.getTime() - latestAgo * DAY), answers: answer(current) });
  }
  return out;
}

/** Seeds the demo self-assessments of the actors the territory sees; returns how many submissions were written. */
export async function seedDemoMaturity(db: Db, territoryId: string, now = new Date()): Promise<number> {
  const list = await db.select({ id: actors.id, name: actors.name }).from(actors).where(visibleIn(db, territoryId)).orderBy(asc(actors.sourceId), asc(actors.search), asc(actors.id));
  const plan = planDemoAssessments(list, now);
  await db.transaction(async (tx) => {
    for (const p of plan) {
      // The same validation as the form: the demo never holds what a person could not have entered.
      const { answers } = assessmentSchema.parse(assessmentInput(p.answers));
      const [created] = await tx.insert(maturityAssessments).values({ actorId: p.actorId, submittedAt: p.submittedAt, submittedBy: "Équipe de la structure", demo: true }).returning({ id: maturityAssessments.id });
      if (!created) continue;
      await tx.insert(maturityAnswers).values(answers.map((a) => ({ assessmentId: created.id, ...a })));
      // A structure that self-assessed with the demo territory has joined it as a partner: the territory reads its results.
      await tx
        .insert(territoryActors)
        .values({ territoryId, actorId: p.actorId, joinedAt: p.submittedAt })
        .onConflictDoUpdate({ target: [territoryActors.territoryId, territoryActors.actorId], set: { joinedAt: sql`coalesce(${territoryActors.joinedAt}, excluded.joined_at)` } });
    }
  });
  return plan.length;
}
