/**
 * Demo findings of the Charente territory: strengths and questions as a diagnostic would surface them,
 * tagged with themes and real communes, grouped, with the demo partners' votes. Demo content: the
 * territory is marked as demo, and these texts are written for it.
 */
import { inArray } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { user } from "@/platform/auth/schema";
import { findingGroups, findings, findingVotes } from "@/modules/findings/schema";

type DemoFinding = { kind: "strength" | "question"; text: string; themes: string[]; communes?: string[]; origin: "meeting" | "answer" | "typed"; originLabel: string; group?: number; votes: number };

const groups = ["Démarches en ligne et accès aux droits", "Compétences des professionnels", "Couverture du territoire rural"];

const list: DemoFinding[] = [
  { kind: "strength", text: "Les médiathèques du Grand Angoulême proposent chaque semaine des ateliers gratuits d'initiation, animés par des conseillers numériques.", themes: ["competences_base", "accompagnement_humain"], communes: ["16015"], origin: "meeting", originLabel: "Réunion des partenaires, Angoulême (démo)", votes: 2 },
  { kind: "strength", text: "La France Services de Confolens accompagne les démarches CAF, retraite et impôts sur rendez-vous, avec un accueil sans rendez-vous le mardi matin.", themes: ["acces_droits"], communes: ["16106"], origin: "typed", originLabel: "Entretien avec l'animatrice (démo)", group: 0, votes: 2 },
  { kind: "strength", text: "Les centres sociaux repèrent les personnes en difficulté lors de l'accueil et les orientent vers un atelier : le réseau d'orientation existe déjà, il faut le faire connaître.", themes: ["reseau_aidants", "accompagnement_humain"], origin: "answer", originLabel: "Questionnaire acteurs (démo)", votes: 1 },
  { kind: "strength", text: "Une association de Cognac reconditionne des ordinateurs et les vend à bas prix aux bénéficiaires des minima sociaux.", themes: ["developpement_economique", "acces_droits"], communes: ["16102"], origin: "meeting", originLabel: "Réunion des partenaires, Cognac (démo)", votes: 1 },
  { kind: "question", text: "Beaucoup de personnes âgées de l'est charentais n'ont personne à moins de 20 minutes pour les aider à déclarer leurs revenus en ligne.", themes: ["acces_droits"], communes: ["16106", "16192"], origin: "answer", originLabel: "Questionnaire habitants (démo)", group: 2, votes: 2 },
  { kind: "question", text: "Les agents d'accueil des mairies rurales disent ne pas être formés pour accompagner une démarche en ligne, ni savoir vers qui orienter.", themes: ["competences_agents_elus", "reseau_aidants"], origin: "meeting", originLabel: "Réunion des secrétaires de mairie (démo)", group: 1, votes: 2 },
  { kind: "question", text: "Comment accompagner les parents pour l'espace numérique de travail des collèges, quand ils n'ont qu'un téléphone ?", themes: ["parentalite_education"], origin: "answer", originLabel: "Questionnaire habitants (démo)", votes: 1 },
  { kind: "question", text: "Dans les quartiers de Soyaux et de Ma Campagne, des foyers n'ont pas de connexion à domicile : un accès partagé dans les halls d'immeuble est-il possible avec le bailleur ?", themes: ["acces_internet_logement"], communes: ["16374", "16015"], origin: "meeting", originLabel: "Rencontre avec le bailleur social (démo)", votes: 1 },
  { kind: "question", text: "Les travailleurs sociaux font souvent les démarches à la place des personnes faute de temps : quelle posture adopter pour rendre les personnes autonomes ?", themes: ["posture_educateurs", "competences_agents_elus"], origin: "answer", originLabel: "Questionnaire acteurs (démo)", group: 1, votes: 0 },
  { kind: "question", text: "Aucun lieu de médiation ne propose d'accompagnement en langue des signes ou pour les personnes malvoyantes dans le département.", themes: ["equipement_handicap"], origin: "typed", originLabel: "Cartographie des lieux (démo)", votes: 1 },
];

export async function seedDemoFindings(db: Db, territoryId: string): Promise<void> {
  // Coordination first, then the partner: a finding with one vote has the coordinator's (the demo partner can still vote).
  const order = ["coordination@demo.maillage.fr", "partenaire@demo.maillage.fr"];
  const found = await db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.email, order));
  const voters = order.flatMap((email) => found.filter((u) => u.email === email));
  const groupIds = await db
    .insert(findingGroups)
    .values(groups.map((title) => ({ territoryId, title })))
    .returning({ id: findingGroups.id });
  const rows = await db
    .insert(findings)
    .values(
      list.map((f) => ({
        territoryId,
        kind: f.kind,
        text: f.text,
        origin: f.origin,
        originLabel: f.originLabel,
        themes: f.themes,
        communes: f.communes ?? [],
        groupId: f.group === undefined ? null : (groupIds[f.group]?.id ?? null),
        createdBy: "démonstration",
      })),
    )
    .returning({ id: findings.id });
  const votes = rows.flatMap((r, i) => voters.slice(0, list[i]?.votes ?? 0).map((v) => ({ findingId: r.id, userId: v.id })));
  if (votes.length) await db.insert(findingVotes).values(votes);
}
