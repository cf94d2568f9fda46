/**
 * Demo meetings of the Charente territory's two working groups (seeded by src/demo/groups.ts with these exact
 * names): a launch meeting with approved minutes, attendance and decisions (one linked to an objective, one by
 * vote, one follow-up overdue), a commission meeting whose minutes wait for approval (a decision linked to a
 * plan action when the plan has one about parents), and an upcoming meeting. Dates are relative to the seeding
 * day. Demo content: the texts are written for it.
 */
import { and, asc, eq, ilike, inArray } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { groupMembers, groups } from "@/modules/groups";
import { objectiveFindings, strategyObjectives } from "@/modules/strategy";
import { planActions } from "@/modules/plan";
import { findings } from "@/modules/findings";
import { decisionActions, decisionObjectives, decisions, meetingParticipants, meetings } from "@/modules/meetings";

export const DEMO_GROUP_NAMES = { inclusion: "Groupe de travail Inclusion numérique", jeunesse: "Commission Jeunesse et familles" } as const;

const DAY = 86_400_000;
/** A day `days` from `now`, at hh:mm Paris time (winter or summer: the offset is read, not assumed). */
function at(now: Date, days: number, hh: number, mm = 0): Date {
  const day = parisToday(new Date(now.getTime() + days * DAY));
  const guess = new Date(`${day}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00Z`);
  const parisHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).format(guess));
  return new Date(guess.getTime() - (parisHour - hh) * 3_600_000);
}

const inclusionMinutes = `## Présents
Voir la liste des présences.

## Points abordés
- **Tour de table** : chaque structure présente ses permanences et ses publics.
- **Carte des lieux** : trois bassins de vie n'ont aucune permanence d'aide aux démarches.
- **Formation des agents d'accueil** : les mairies rurales demandent un module court.

## Relevé de décisions
Voir les décisions ci-dessous.`;

const jeunesseMinutes = `## Points abordés
- Les parents de collégiens peinent avec l'espace numérique de travail, souvent sur téléphone.
- Les centres sociaux proposent d'accueillir des ateliers parents-enfants le mercredi.

*Compte rendu à relire par l'animatrice avant approbation.*`;

export async function seedDemoMeetings(db: Db, territoryId: string, now = new Date()): Promise<{ meetings: number; decisions: number }> {
  const found = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.territoryId, territoryId), inArray(groups.name, Object.values(DEMO_GROUP_NAMES))));
  const inclusion = found.find((g) => g.name === DEMO_GROUP_NAMES.inclusion);
  const jeunesse = found.find((g) => g.name === DEMO_GROUP_NAMES.jeunesse);
  let meetingCount = 0;
  let decisionCount = 0;
  const invite = async (meetingId: string, groupId: string, attendedShare: number) => {
    const members = await db.select({ id: groupMembers.id }).from(groupMembers).where(eq(groupMembers.groupId, groupId)).orderBy(asc(groupMembers.name));
    const came = Math.round(members.length * attendedShare);
    if (members.length) await db.insert(meetingParticipants).values(members.map((m, i) => ({ meetingId, memberId: m.id, response: attendedShare > 0 ? (i < came ? ("oui" as const) : ("non" as const)) : null, attended: i < came })));
  };
  const by = "coordination@demo.maillage.fr";

  if (inclusion) {
    const [launch] = await db
      .insert(meetings)
      .values({
        territoryId,
        groupId: inclusion.id,
        title: "Lancement du groupe de travail",
        startsAt: at(now, -21, 14),
        endsAt: at(now, -21, 16, 30),
        place: "Maison départementale des solidarités, Angoulême",
        agenda: "1. Tour de table des structures\n2. Ce que dit la carte des lieux\n3. Premières pistes d'action",
        minutes: inclusionMinutes,
        minutesBy: by,
        minutesUpdatedAt: at(now, -19, 10),
        minutesApprovedAt: at(now, -18, 9),
        minutesApprovedBy: by,
        createdBy: by,
      })
      .returning({ id: meetings.id });
    const [next] = await db
      .insert(meetings)
      .values({
        territoryId,
        groupId: inclusion.id,
        title: "Permanences itinérantes : choix des communes",
        startsAt: at(now, 10, 9, 30),
        endsAt: at(now, 10, 12),
        place: "Mairie de Ruffec, salle du conseil",
        videoUrl: "https://visio.demo.maillage.fr/inclusion-numerique",
        agenda: "1. Retour sur les communes sans permanence\n2. Calendrier des tournées\n3. Qui porte l'action ?",
        createdBy: by,
      })
      .returning({ id: meetings.id });
    if (launch && next) {
      meetingCount += 2;
      await invite(launch.id, inclusion.id, 0.75);
      await invite(next.id, inclusion.id, 0);
      const [objective] = await db
        .select({ id: strategyObjectives.id })
        .from(strategyObjectives)
        .where(and(eq(strategyObjectives.territoryId, territoryId), ilike(strategyObjectives.title, "%permanence%")))
        .limit(1);
      const rows = await db
        .insert(decisions)
        .values([
          {
            territoryId,
            meetingId: launch.id,
            text: "Ouvrir une permanence d'aide aux démarches dans chacun des trois bassins de vie qui n'en ont pas.",
            decidedOn: parisToday(at(now, -21, 14)),
            mode: "consensus" as const,
            followUpBy: "Coordination départementale",
            dueOn: parisToday(new Date(now.getTime() + 60 * DAY)),
            createdBy: by,
          },
          {
            territoryId,
            meetingId: launch.id,
            text: "Proposer aux mairies rurales un module de formation de deux heures pour les agents d'accueil.",
            decidedOn: parisToday(at(now, -21, 14)),
            mode: "vote" as const,
            votesFor: 9,
            votesAgainst: 1,
            votesAbstention: 2,
            followUpBy: "Centre de gestion de la Charente",
            // Overdue on purpose: the journey shows it.
            dueOn: parisToday(new Date(now.getTime() - 5 * DAY)),
            createdBy: by,
          },
        ])
        .returning({ id: decisions.id });
      decisionCount += rows.length;
      if (objective && rows[0]) await db.insert(decisionObjectives).values({ decisionId: rows[0].id, objectiveId: objective.id });
      const [fromMinutes] = await db.insert(findings).values({
        territoryId,
        kind: "question",
        text: "Trois bassins de vie n'ont aucune permanence d'aide aux démarches en ligne à moins de vingt minutes.",
        origin: "meeting",
        originLabel: "Réunion « Lancement du groupe de travail » (démo)",
        originRef: launch.id,
        themes: ["acces_droits"],
        createdBy: by,
      }).returning({ id: findings.id });
      // The objective the decision serves answers this question too: the demo keeps one question uncovered on purpose (src/demo/strategy.ts), not two.
      if (objective && fromMinutes) await db.insert(objectiveFindings).values({ objectiveId: objective.id, findingId: fromMinutes.id });
    }
  }

  if (jeunesse) {
    const [session] = await db
      .insert(meetings)
      .values({
        territoryId,
        groupId: jeunesse.id,
        title: "Parents et espace numérique de travail",
        startsAt: at(now, -7, 18),
        endsAt: at(now, -7, 19, 30),
        place: "Centre social de Soyaux",
        agenda: "1. Ce que remontent les collèges\n2. Ateliers parents-enfants : où et quand ?",
        minutes: jeunesseMinutes,
        minutesBy: "partenaire@demo.maillage.fr",
        minutesUpdatedAt: at(now, -6, 11),
        createdBy: by,
      })
      .returning({ id: meetings.id });
    if (session) {
      meetingCount += 1;
      await invite(session.id, jeunesse.id, 0.6);
      const [decision] = await db
        .insert(decisions)
        .values({
          territoryId,
          meetingId: session.id,
          text: "Tester des ateliers parents-enfants le mercredi dans deux centres sociaux avant l'été.",
          decidedOn: parisToday(at(now, -7, 18)),
          mode: "consensus",
          followUpBy: "Centre social de Soyaux",
          dueOn: parisToday(new Date(now.getTime() + 90 * DAY)),
          createdBy: by,
        })
        .returning({ id: decisions.id });
      if (decision) {
        decisionCount += 1;
        const [action] = await db
          .select({ id: planActions.id })
          .from(planActions)
          .where(and(eq(planActions.territoryId, territoryId), ilike(planActions.title, "%parent%")))
          .limit(1);
        if (action) await db.insert(decisionActions).values({ decisionId: decision.id, actionId: action.id });
      }
    }
  }
  return { meetings: meetingCount, decisions: decisionCount };
}
