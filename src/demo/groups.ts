/**
 * Demo working groups of the Charente territory (issue 12): two groups whose names the meetings' demo finds them by,
 * members from the demo actors and a few structures of other worlds written for the demo, a balance that shows a
 * missing world (the inclusion group has nobody from the social world, and social structures exist to invite),
 * proposals with comments and supports, and shared-watch links. Demo content: fictive people and structures.
 */
import { and, arrayContains, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { user } from "@/platform/auth/schema";
import { normalizeSearch } from "@/platform/text";
import { actors, territoryActors } from "@/modules/actors/schema";
import { groupMembers, groupProposalComments, groupProposals, groupProposalSupports, groups, watchItems } from "@/modules/groups/schema";
import { DEMO_PARTNER_SIRET } from "./actors";

/** Exactly these names: src/demo/meetings.ts finds the groups by them. */
export const DEMO_GROUP_NAMES = { inclusion: "Groupe de travail Inclusion numérique", jeunesse: "Commission Jeunesse et familles" } as const;

/** Structures of other worlds than « numérique » (the demo actors derived from places are all numérique). */
const otherWorlds: { key: string; name: string; worlds: string[]; commune: string; email: string | null; legalType: "collectivite" | "association" | "etat" | "enseignement" }[] = [
  { key: "ccas", name: "CCAS de Ruelle-sur-Touvre (démo)", worlds: ["social"], commune: "16291", email: "ccas-ruelle@demo.maillage.fr", legalType: "collectivite" },
  { key: "mds", name: "Maison des solidarités de Cognac (démo)", worlds: ["social", "administration"], commune: "16102", email: null, legalType: "collectivite" },
  { key: "mission", name: "Mission locale de l'Angoumois (démo)", worlds: ["emploi_insertion", "education_jeunesse"], commune: "16015", email: "contact-mission-locale@demo.maillage.fr", legalType: "association" },
  { key: "college", name: "Collège Marguerite-de-Valois (démo)", worlds: ["education_jeunesse"], commune: "16015", email: null, legalType: "enseignement" },
  { key: "caf", name: "Caisse d'allocations familiales, antenne d'Angoulême (démo)", worlds: ["social", "administration"], commune: "16015", email: null, legalType: "etat" },
  { key: "mediatheque", name: "Médiathèque de Soyaux (démo)", worlds: ["culture"], commune: "16374", email: "mediatheque-soyaux@demo.maillage.fr", legalType: "collectivite" },
  { key: "mairie", name: "Mairie de La Couronne, accueil (démo)", worlds: ["administration"], commune: "16113", email: null, legalType: "collectivite" },
];

const day = 24 * 3600 * 1000;

export async function seedDemoGroups(db: Db, territoryId: string): Promise<{ inclusion: string; jeunesse: string }> {
  const emails = ["coordination@demo.maillage.fr", "partenaire@demo.maillage.fr", "contribution@demo.maillage.fr"];
  const accounts = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.email, emails));
  const account = (email: string) => accounts.find((a) => a.email === email);
  const coordination = account("coordination@demo.maillage.fr");
  const partner = account("partenaire@demo.maillage.fr");
  const contribution = account("contribution@demo.maillage.fr");
  const now = Date.now();
  return db.transaction(async (tx) => {
    // Read before the structures below are added: a numérique demo structure (derived from the places).
    const [partnerActor] = await tx.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.siret, DEMO_PARTNER_SIRET), eq(actors.source, "demo")));
    const [otherNumerique] = await tx
      .select({ id: actors.id })
      .from(actors)
      .where(and(eq(actors.source, "demo"), eq(actors.legalType, "collectivite"), arrayContains(actors.worlds, ["numerique"]), inArray(actors.id, tx.select({ id: territoryActors.actorId }).from(territoryActors).where(eq(territoryActors.territoryId, territoryId)))))
      .orderBy(asc(actors.name))
      .limit(1);
    const ids = new Map<string, string>();
    for (const a of otherWorlds) {
      const [row] = await tx
        .insert(actors)
        .values({ name: a.name, legalType: a.legalType, worlds: a.worlds, communeCode: a.commune, publicEmail: a.email, description: "Structure de démonstration.", source: "demo", sourceId: `groupes-${a.key}`, search: normalizeSearch(a.name) })
        .returning({ id: actors.id });
      if (!row) continue;
      ids.set(a.key, row.id);
      await tx.insert(territoryActors).values({ territoryId, actorId: row.id, status: "engaged" }).onConflictDoNothing();
    }
    const [inclusion, jeunesse] = await tx
      .insert(groups)
      .values([
        { territoryId, name: DEMO_GROUP_NAMES.inclusion, kind: "groupe_de_travail" as const, purpose: "Coordonner les lieux et les permanences d'accompagnement au numérique du département, et préparer les actions du plan sur l'accès aux droits.", createdBy: "démonstration" },
        { territoryId, name: DEMO_GROUP_NAMES.jeunesse, kind: "commission" as const, purpose: "Accompagner les familles et les jeunes face au numérique : espace numérique de travail, parentalité, insertion des 16-25 ans.", createdBy: "démonstration" },
      ])
      .returning({ id: groups.id });
    if (!inclusion || !jeunesse) throw new Error("demo groups not created");
    const member = (groupId: string, m: { userId?: string | undefined; name: string; email?: string | null; actorId?: string | undefined; role: "animateur" | "membre" | "invite" }) => ({
      groupId,
      userId: m.userId ?? null,
      name: m.name,
      email: m.email ?? null,
      actorId: m.actorId ?? null,
      role: m.role,
    });
    // Inclusion: numérique (twice), emploi-insertion / éducation, administration; nobody from the social world,
    // while the territory maps three social structures: the balance shows it and proposes them.
    await tx.insert(groupMembers).values([
      member(inclusion.id, { userId: partner?.id, name: partner?.name ?? "Samir Benali (démo)", email: partner?.email, actorId: partnerActor?.id, role: "animateur" }),
      member(inclusion.id, { userId: coordination?.id, name: coordination?.name ?? "Camille Martin (démo)", email: coordination?.email, actorId: otherNumerique?.id, role: "membre" }),
      member(inclusion.id, { name: "Inès Garnier (démo)", email: "ines.garnier@demo.maillage.fr", actorId: ids.get("mission"), role: "membre" }),
      member(inclusion.id, { name: "Paul Moreau (démo)", actorId: ids.get("mairie"), role: "membre" }),
    ]);
    await tx.insert(groupMembers).values([
      member(jeunesse.id, { userId: coordination?.id, name: coordination?.name ?? "Camille Martin (démo)", email: coordination?.email, actorId: ids.get("caf"), role: "animateur" }),
      member(jeunesse.id, { userId: contribution?.id, name: contribution?.name ?? "Léa Dubois (démo)", email: contribution?.email, actorId: ids.get("college"), role: "membre" }),
      member(jeunesse.id, { name: "Yanis Perrin (démo)", actorId: ids.get("mission"), role: "membre" }),
      member(jeunesse.id, { name: "Médiathèque de Soyaux (démo)", email: "mediatheque-soyaux@demo.maillage.fr", actorId: ids.get("mediatheque"), role: "invite" }),
    ]);
    const proposal = (groupId: string, title: string, text: string, author: typeof partner, daysAgo: number) => ({
      territoryId,
      groupId,
      title,
      text,
      authorId: author?.id ?? null,
      authorName: author?.name ?? "Un membre (démo)",
      createdAt: new Date(now - daysAgo * day),
    });
    const [permanence, annuaire, ent] = await tx
      .insert(groupProposals)
      .values([
        proposal(inclusion.id, "Une permanence numérique dans chaque France Services du nord charentais", "Une demi-journée par semaine, tenue à tour de rôle par les conseillers numériques du réseau, avec un accueil sans rendez-vous.", partner, 12),
        proposal(inclusion.id, "Un annuaire partagé des aidants, à jour chaque trimestre", "Que chaque structure sache vers qui orienter une personne, commune par commune.", coordination, 6),
        proposal(jeunesse.id, "Ateliers « ENT et téléphone » pour les parents de collégiens", "Deux ateliers par trimestre dans les collèges volontaires, le soir, animés avec la médiathèque.", contribution, 4),
      ])
      .returning({ id: groupProposals.id });
    if (permanence && coordination) {
      await tx.insert(groupProposalComments).values({ proposalId: permanence.id, authorId: coordination.id, authorName: coordination.name, text: "Bonne idée : commençons par Ruffec et Confolens, où les délais de rendez-vous sont les plus longs.", createdAt: new Date(now - 10 * day) });
    }
    const supports = [
      ...(permanence ? [partner, coordination].flatMap((u) => (u ? [{ proposalId: permanence.id, userId: u.id }] : [])) : []),
      ...(annuaire && partner ? [{ proposalId: annuaire.id, userId: partner.id }] : []),
      ...(ent && coordination ? [{ proposalId: ent.id, userId: coordination.id }] : []),
    ];
    if (supports.length) await tx.insert(groupProposalSupports).values(supports);
    const item = (title: string, url: string, summary: string, themes: string[], who: typeof partner, daysAgo: number, groupId: string | null) => ({
      territoryId,
      groupId,
      url,
      title,
      summary,
      themes,
      postedBy: who?.id ?? null,
      postedByName: who?.name ?? "Un membre (démo)",
      createdAt: new Date(now - daysAgo * day),
    });
    await tx.insert(watchItems).values([
      item("La Base : ressources partagées de la médiation numérique", "https://labase.anct.gouv.fr/", "Fiches, outils et retours d'expérience publiés par les acteurs de l'inclusion numérique ; utile pour préparer des ateliers.", ["competences_base", "accompagnement_humain"], partner, 2, inclusion.id),
      item("Données ouvertes des lieux de médiation numérique", "https://www.data.gouv.fr/", "Le jeu national des lieux, au standard : à comparer avec notre cartographie.", ["acces_droits"], coordination, 5, null),
      item("Guide pour accompagner les parents à l'espace numérique de travail", "https://eduscol.education.fr/", "Pistes pour les équipes des collèges et les associations de parents.", ["parentalite_education"], contribution, 9, jeunesse.id),
      item("Société numérique : programme d'inclusion numérique de l'État", "https://societenumerique.gouv.fr/", "Les dispositifs nationaux et leurs calendriers ; à suivre pour les appels à projets.", ["acces_droits", "developpement_economique"], coordination, 20, null),
    ]);
    return { inclusion: inclusion.id, jeunesse: jeunesse.id };
  });
}
