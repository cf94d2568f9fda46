/**
 * Demo governance of the Charente territory: a comité de pilotage (quarterly) and a comité technique (monthly) with
 * members from the demo accounts and structures, a past and an upcoming meeting each, decisions with follow-ups
 * (one overdue, one awaiting, one done), a plan action whose status change cites a decision, and the coordination's
 * public contacts. Dates are relative to the seeding day. Demo content: the texts are written for it.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { user } from "@/platform/auth/schema";
import { actors } from "@/modules/actors";
import { groupMembers, groups, type GroupRole } from "@/modules/groups";
import { decisionActions, decisions, meetingParticipants, meetings } from "@/modules/meetings";
import { planActions } from "@/modules/plan";
import { actionStatusCitations, coordinationContacts } from "@/modules/governance";

const DAY = 86_400_000;
export const DEMO_BODY_NAMES = { copil: "Comité de pilotage de l'inclusion numérique", cotech: "Comité technique des partenaires" } as const;

/** hh:mm Paris time, `days` from `now` (the offset is read, not assumed). */
function at(now: Date, days: number, hh: number): Date {
  const day = parisToday(new Date(now.getTime() + days * DAY));
  const guess = new Date(`${day}T${String(hh).padStart(2, "0")}:00:00Z`);
  const parisHour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).format(guess));
  return new Date(guess.getTime() - (parisHour - hh) * 3_600_000);
}

export async function seedDemoGovernance(db: Db, territoryId: string, now = new Date()): Promise<{ bodies: number; decisions: number }> {
  const accounts = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.email, ["coordination@demo.maillage.fr", "partenaire@demo.maillage.fr", "contribution@demo.maillage.fr"]));
  const account = (email: string) => accounts.find((a) => a.email === email);
  const structures = await db
    .select({ id: actors.id, sourceId: actors.sourceId })
    .from(actors)
    .where(and(eq(actors.source, "demo"), inArray(actors.sourceId, ["groupes-caf", "groupes-mission", "groupes-mediatheque", "groupes-mds", "groupes-ccas"])));
  const structure = (key: string) => structures.find((s) => s.sourceId === `groupes-${key}`)?.id ?? null;
  const by = "coordination@demo.maillage.fr";
  const day = (d: number) => parisToday(new Date(now.getTime() + d * DAY));
  return db.transaction(async (tx) => {
    const [copil, cotech] = await tx
      .insert(groups)
      .values([
        { territoryId, name: DEMO_BODY_NAMES.copil, kind: "comite_pilotage" as const, rhythm: "trimestriel" as const, purpose: "Arbitre la stratégie et le plan d'action, valide la charte d'engagements et suit les indicateurs.", createdBy: "démonstration", createdAt: new Date(now.getTime() - 200 * DAY) },
        { territoryId, name: DEMO_BODY_NAMES.cotech, kind: "comite_technique" as const, rhythm: "mensuel" as const, purpose: "Prépare les décisions du comité de pilotage et coordonne la mise en œuvre des actions.", createdBy: "démonstration", createdAt: new Date(now.getTime() - 200 * DAY) },
      ])
      .returning({ id: groups.id });
    if (!copil || !cotech) throw new Error("demo bodies not created");
    const coordination = account("coordination@demo.maillage.fr");
    const partner = account("partenaire@demo.maillage.fr");
    const contribution = account("contribution@demo.maillage.fr");
    const member = (groupId: string, m: { userId?: string | undefined; name: string; email?: string | null; actorId?: string | null; role: GroupRole }) => ({
      groupId,
      userId: m.userId ?? null,
      name: m.name,
      email: m.email ?? null,
      actorId: m.actorId ?? null,
      role: m.role,
    });
    await tx.insert(groupMembers).values([
      member(copil.id, { userId: coordination?.id, name: coordination?.name ?? "Camille Martin (démo)", role: "president" }),
      member(copil.id, { name: "Sous-préfecture de Cognac (démo)", email: "sous-prefecture@demo.maillage.fr", role: "co_porteur" }),
      member(copil.id, { name: "Caisse d'allocations familiales (démo)", actorId: structure("caf"), role: "membre" }),
      member(copil.id, { name: "Mission locale de l'Angoumois (démo)", actorId: structure("mission"), role: "membre" }),
      member(copil.id, { userId: partner?.id, name: partner?.name ?? "Samir Benali (démo)", role: "invite" }),
      member(cotech.id, { userId: coordination?.id, name: coordination?.name ?? "Camille Martin (démo)", role: "president" }),
      member(cotech.id, { userId: partner?.id, name: partner?.name ?? "Samir Benali (démo)", role: "co_porteur" }),
      member(cotech.id, { userId: contribution?.id, name: contribution?.name ?? "Léa Dubois (démo)", actorId: structure("mediatheque"), role: "membre" }),
      member(cotech.id, { name: "Maison des solidarités de Cognac (démo)", actorId: structure("mds"), role: "membre" }),
      member(cotech.id, { name: "CCAS de Ruelle-sur-Touvre (démo)", actorId: structure("ccas"), role: "membre" }),
    ]);
    const meetingRows = await tx
      .insert(meetings)
      .values([
        { territoryId, groupId: copil.id, title: "Comité de pilotage de lancement", startsAt: at(now, -45, 10), endsAt: at(now, -45, 12), place: "Hôtel du Département, Angoulême", agenda: "- Feuille de route 2027\n- Appel à partenaires pour les permanences", minutes: "## Relevé de décisions\nVoir les décisions ci-dessous.", minutesBy: by, minutesUpdatedAt: at(now, -44, 9), minutesApprovedAt: at(now, -40, 9), minutesApprovedBy: by, createdBy: by },
        { territoryId, groupId: copil.id, title: "Comité de pilotage de printemps", startsAt: at(now, 40, 10), endsAt: at(now, 40, 12), place: "Hôtel du Département, Angoulême", agenda: "- Charte d'engagements : signatures\n- Premiers indicateurs", createdBy: by },
        { territoryId, groupId: cotech.id, title: "Comité technique mensuel", startsAt: at(now, -20, 14), endsAt: at(now, -20, 16), place: "", videoUrl: "https://visio.demo.maillage.fr/cotech", agenda: "- Tableau de bord\n- Calendrier des permanences", createdBy: by },
        { territoryId, groupId: cotech.id, title: "Comité technique mensuel (suivant)", startsAt: at(now, 10, 14), endsAt: at(now, 10, 16), place: "", videoUrl: "https://visio.demo.maillage.fr/cotech", agenda: "- Point sur les actions en retard", createdBy: by },
      ])
      .returning({ id: meetings.id, groupId: meetings.groupId });
    for (const m of meetingRows) {
      const people = await tx.select({ id: groupMembers.id }).from(groupMembers).where(eq(groupMembers.groupId, m.groupId ?? "")).orderBy(asc(groupMembers.name));
      if (people.length) await tx.insert(meetingParticipants).values(people.map((p) => ({ meetingId: m.id, memberId: p.id })));
    }
    const [launch, , cotechPast] = meetingRows;
    const decisionRows = await tx
      .insert(decisions)
      .values([
        { territoryId, meetingId: launch?.id ?? null, text: "Valider la feuille de route 2027 de l'inclusion numérique", decidedOn: day(-45), mode: "consensus" as const, followUpBy: "Coordination départementale", dueOn: day(-30), doneAt: at(now, -32, 9), createdBy: by },
        { territoryId, meetingId: launch?.id ?? null, text: "Lancer un appel à partenaires pour ouvrir des permanences dans les trois bassins de vie sans aide", decidedOn: day(-45), mode: "vote" as const, votesFor: 9, votesAgainst: 0, votesAbstention: 1, followUpBy: "Coordination départementale", dueOn: day(-5), createdBy: by },
        { territoryId, meetingId: cotechPast?.id ?? null, text: "Préparer le tableau de bord des indicateurs pour le comité de pilotage de printemps", decidedOn: day(-20), mode: "consensus" as const, followUpBy: "Comité technique", dueOn: day(30), createdBy: by },
      ])
      .returning({ id: decisions.id });
    const appeal = decisionRows[1];
    // A plan action in progress because of the appeal: linked to the decision, its status change cites it.
    const [action] = await tx.select({ id: planActions.id, lineageId: planActions.lineageId, status: planActions.status }).from(planActions).where(and(eq(planActions.territoryId, territoryId), eq(planActions.status, "en_cours"))).orderBy(asc(planActions.position)).limit(1);
    if (action && appeal) {
      await tx.insert(decisionActions).values({ decisionId: appeal.id, actionId: action.id }).onConflictDoNothing();
      await tx.insert(actionStatusCitations).values({ territoryId, actionId: action.id, actionLineageId: action.lineageId, fromStatus: "planifiee", toStatus: "en_cours", decisionId: appeal.id, note: "Démarrage décidé en comité de pilotage.", changedById: coordination?.id ?? null, changedBy: by, changedAt: at(now, -44, 9) });
    }
    await tx.insert(coordinationContacts).values([
      // Not the demo accounts' names: the public page is cached for everyone and must not look like a signed-in page.
      { territoryId, name: "Claire Dupuis (démo)", role: "Coordinatrice de la démarche d'inclusion numérique", structure: "Département de la Charente (démo)", publicEmail: "inclusion-numerique@demo.maillage.fr", publicPhone: "05 45 00 00 00", position: 0 },
      { territoryId, name: "Yanis Haddad (démo)", role: "Référent des permanences numériques", structure: "Mission locale de l'Angoumois (démo)", publicEmail: "permanences@demo.maillage.fr", position: 1 },
    ]);
    return { bodies: 2, decisions: decisionRows.length };
  });
}
