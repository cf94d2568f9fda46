/**
 * The demo charter of commitments (Charente): the partner account's structure and three structures that lead
 * actions of the demo plan, each with a named signatory (fictitious demo accounts, no known password), their
 * commitments linked to the plan's actions, version 1 submitted, then version 2 opened from it, changed (a raised
 * contribution, a new commitment, a reworded preamble) and submitted — version 1 is « remplacée ». The signatures
 * module's demo signs version 2 afterwards (it finds the charter by territory).
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { user } from "@/platform/auth/schema";
import type { Db } from "@/platform/db/client";
import { actorMembers, actors } from "@/modules/actors/schema";
import { commitmentsOf, findCharter } from "@/modules/charter";
import { createCharter, savePartner, saveCommitment, startNewVersion, submitVersion, updateSection } from "@/modules/charter/commands";
import { planActions, planVersions } from "@/modules/plan/schema";
import { territories } from "@/modules/territories/schema";
import { composeCharterContent } from "@/composition/charter/canonical";
import { addMember, createUser } from "./factories";

const system: Principal = { kind: "system", label: "démonstration" };

const preamble =
  "Les structures signataires partagent un constat : en Charente, une personne sur trois manque d'au moins une compétence numérique de base.\n" +
  "Elles s'engagent, chacune selon ses moyens, à mettre en œuvre le plan d'action départemental pour l'inclusion numérique.";

const signatories = [
  { name: "Nadia Roux (démo)", title: "Directrice" },
  { name: "Julien Faure (démo)", title: "Président" },
  { name: "Claire Vidal (démo)", title: "Directrice générale des services" },
];

export async function seedDemoCharter(db: Db, territoryId: string): Promise<{ charterId: string } | undefined> {
  const [territory] = await db.select({ id: territories.id, name: territories.name, status: territories.status }).from(territories).where(eq(territories.id, territoryId));
  if (!territory || (await findCharter(db, territoryId))) return undefined;
  const [plan] = await db.select({ id: planVersions.id }).from(planVersions).where(eq(planVersions.territoryId, territoryId)).orderBy(desc(planVersions.number)).limit(1);
  if (!plan) return undefined;
  const actions = await db
    .select({ lineageId: planActions.lineageId, leadActorId: planActions.leadActorId, title: planActions.title })
    .from(planActions)
    .where(and(eq(planActions.versionId, plan.id), isNotNull(planActions.leadActorId)))
    .orderBy(asc(planActions.position));
  // The partner account's structure first (its speaker writes its own commitments in the demo), then the leads.
  const [own] = await db
    .select({ actorId: actorMembers.actorId, userId: actorMembers.userId })
    .from(actorMembers)
    .innerJoin(user, eq(user.id, actorMembers.userId))
    .where(eq(user.email, "partenaire@demo.maillage.fr"))
    .limit(1);
  const leads = [...new Set(actions.map((a) => a.leadActorId as string))].filter((id) => id !== own?.actorId).slice(0, signatories.length);
  if (leads.length === 0) return undefined;
  const names = new Map((await db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, [...leads, ...(own ? [own.actorId] : [])]))).map((a) => [a.id, a.name]));

  const { id: charterId, versionId: v1 } = await createCharter(db, system, territory, { title: "Charte départementale pour l'inclusion numérique", kind: "charte" });
  await updateSection(db, system, territory, v1, { kind: "preambule", title: "Préambule", body: preamble });
  await updateSection(db, system, territory, v1, { kind: "gouvernance", title: "Gouvernance", body: "Le comité de pilotage suit la mise en œuvre de la charte deux fois par an ; le comité technique prépare ses décisions." });
  await updateSection(db, system, territory, v1, { kind: "dispositions", title: "Dispositions finales", body: "La charte vaut pour la durée du plan d'action. Toute modification donne lieu à une nouvelle version, soumise à la signature de tous les partenaires." });

  const partners: { partnerId: string; actorId: string }[] = [];
  if (own) {
    const { id } = await savePartner(db, system, territory, { actorId: own.actorId, signatoryUserId: own.userId, signatoryTitle: "Responsable de la médiation numérique" });
    partners.push({ partnerId: id, actorId: own.actorId });
  }
  for (const [i, actorId] of leads.entries()) {
    const person = signatories[i] ?? { name: "Signataire (démo)", title: "Direction" };
    // A fictitious account with a password nobody knows: it exists so that the signatory is a platform account.
    const u = await createUser(db, { name: person.name, email: `signataire-${i + 1}@demo.maillage.fr`, password: randomUUID() });
    await addMember(db, territoryId, u.id, "partner");
    await db.insert(actorMembers).values({ actorId, userId: u.id }).onConflictDoNothing();
    const { id } = await savePartner(db, system, territory, { actorId, signatoryUserId: u.id, signatoryTitle: person.title });
    partners.push({ partnerId: id, actorId });
  }
  for (const p of partners) {
    const led = actions.filter((a) => a.leadActorId === p.actorId).slice(0, 2);
    const supported = actions.filter((a) => a.leadActorId !== p.actorId).slice(0, 1);
    await saveCommitment(db, system, territory, p.partnerId, {
      text: led.length ? `Porter ${led.map((a) => `« ${a.title} »`).join(" et ")} sur la durée du plan.` : `Mobiliser ${names.get(p.actorId) ?? "la structure"} au service des actions du plan.`,
      moneyEuros: led.length ? String(5000 * led.length) : "",
      inKindDays: "15",
      inKindText: "Temps de médiation et mise à disposition de salles",
      pilote: led.map((a) => a.lineageId),
    });
    if (supported[0]) await saveCommitment(db, system, territory, p.partnerId, { text: `Orienter les publics accueillis vers « ${supported[0].title} ».`, soutien: [supported[0].lineageId] });
  }
  const compose = (tx: Parameters<typeof composeCharterContent>[0], t: { id: string }, versionId: string) => composeCharterContent(tx, { ...t, name: territory.name }, versionId);
  await submitVersion(db, system, territory, v1, {}, compose);

  // Version 2: the first lead raises its contribution, the last partner adds a commitment, the preamble is reworded.
  const { id: v2 } = await startNewVersion(db, system, territory);
  const first = partners[own ? 1 : 0];
  if (first) {
    const [c] = await commitmentsOf(db, v2, first.partnerId);
    if (c) await saveCommitment(db, system, territory, first.partnerId, { text: c.text, moneyEuros: String((c.moneyEuros ?? 0) + 10000), inKindDays: "25", inKindText: c.inKindText, pilote: c.actions.filter((a) => a.role === "pilote").map((a) => a.lineageId), soutien: c.actions.filter((a) => a.role === "soutien").map((a) => a.lineageId) }, c.id);
  }
  const last = partners.at(-1);
  if (last) await saveCommitment(db, system, territory, last.partnerId, { text: "Former deux agents d'accueil par an à l'accompagnement aux démarches en ligne.", inKindDays: "6" });
  await updateSection(db, system, territory, v2, { kind: "preambule", title: "Préambule", body: `${preamble}\nLa version 2 tient compte du bilan du premier comité de pilotage.` });
  await submitVersion(db, system, territory, v2, {}, compose);
  return { charterId };
}
