import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { latestMailTo } from "@/platform/mail/mailer";
import { openTestDatabase } from "@/testing/db";
import { addMember as addTerritoryMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actors } from "@/modules/actors";
import { planActions, planVersions } from "@/modules/plan";
import type { Territory } from "@/modules/territories";
import { balanceOfMembers, findProposal, groupRefOf, inviteSuggestions, listGroups, listProposals, listWatchItems, membersOf } from "./queries";
import * as groups from "./commands";
import { digestItemsFor, sendDueDigests } from "./digest";
import { groupProposals } from "./schema";

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "partner" | "contributor" | "observer" | "outsider", Principal & { kind: "user" }>;
const actorIds = {} as Record<"fablab" | "ccas" | "ccasPrivate" | "mission" | "elsewhere", string>;

async function actor(name: string, worlds: string[], commune: string, publicEmail: string | null) {
  const [row] = await database.db.insert(actors).values({ name, worlds, communeCode: commune, publicEmail }).returning({ id: actors.id });
  if (!row) throw new Error("actor not created");
  return row.id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-groupes", name: "Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16374", slug: "soyaux-groupes", name: "Soyaux" });
  for (const role of ["coordinator", "partner", "contributor", "observer"] as const) {
    const u = await createUser(database.db, { name: `Personne ${role}`, email: `${role}-groupes@exemple.test` });
    await addTerritoryMember(database.db, territory.id, u.id, role);
    people[role] = (await principalOf(database.db, u.id)) as Principal & { kind: "user" };
  }
  const o = await createUser(database.db, { name: "Ailleurs", email: "ailleurs-groupes@exemple.test" });
  await addTerritoryMember(database.db, other.id, o.id, "coordinator");
  people.outsider = (await principalOf(database.db, o.id)) as Principal & { kind: "user" };
  actorIds.fablab = await actor("Fablab de la Charente", ["numerique"], "16015", "contact@fablab.exemple.test");
  actorIds.ccas = await actor("CCAS d'Angoulême", ["social"], "16015", "accueil@ccas.exemple.test");
  actorIds.ccasPrivate = await actor("Épicerie solidaire", ["social"], "16015", null);
  actorIds.mission = await actor("Mission locale", ["emploi_insertion", "education_jeunesse"], "16015", null);
  actorIds.elsewhere = await actor("Centre social de Soyaux", ["social"], "16374", "soyaux@exemple.test");
});
afterAll(async () => {
  await database?.close();
});

describe("groups, members and roles", () => {
  let groupId: string;

  it("a coordinator creates a group; a partner may not", async () => {
    await expect(groups.createGroup(database.db, people.partner, territory, { name: "Atelier", kind: "atelier" })).rejects.toMatchObject({ id: "forbidden" });
    await expect(groups.createGroup(database.db, people.coordinator, territory, { name: "", kind: "comite" })).rejects.toMatchObject({ id: "validation", fieldErrors: { name: ["Donnez un nom au groupe (3 caractères au moins)."] } });
    ({ id: groupId } = await groups.createGroup(database.db, people.coordinator, territory, { name: "Groupe de travail Inclusion numérique", purpose: "Coordonner les permanences", kind: "groupe_de_travail" }));
    expect(groupId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("adds an account of the territory (name and e-mail from the account), a person by name, and refuses the same person twice", async () => {
    await groups.addMember(database.db, people.coordinator, territory, groupId, { userId: people.partner.userId, actorId: actorIds.fablab, role: "animateur" });
    await groups.addMember(database.db, people.coordinator, territory, groupId, { name: "Nadia Roux", email: "Nadia.Roux@Exemple.test", actorId: actorIds.mission, role: "membre" });
    await expect(groups.addMember(database.db, people.coordinator, territory, groupId, { userId: people.partner.userId })).rejects.toMatchObject({ id: "already_in_group" });
    await expect(groups.addMember(database.db, people.coordinator, territory, groupId, { name: "Autre", email: "nadia.roux@exemple.test" })).rejects.toMatchObject({ id: "already_in_group" });
    // An account of another territory, a structure the territory does not see: refused by field.
    await expect(groups.addMember(database.db, people.coordinator, territory, groupId, { userId: people.outsider.userId })).rejects.toMatchObject({ fieldErrors: { userId: ["Choisissez une personne membre du territoire dans la liste."] } });
    await expect(groups.addMember(database.db, people.coordinator, territory, groupId, { name: "Léo", actorId: actorIds.elsewhere })).rejects.toMatchObject({ fieldErrors: { actorId: ["Choisissez une structure du territoire dans la liste."] } });
    const members = await membersOf(database.db, territory.id, groupId);
    expect(members.map((m) => [m.name, m.email, m.role, m.actorName])).toEqual([
      ["Personne partner", "partner-groupes@exemple.test", "animateur", "Fablab de la Charente"],
      ["Nadia Roux", "nadia.roux@exemple.test", "membre", "Mission locale"],
    ]);
  });

  it("the animateur (a partner) manages their group: adds, changes a role, removes; a contributor may not", async () => {
    const { id } = await groups.addMember(database.db, people.partner, territory, groupId, { userId: people.contributor.userId, role: "membre" });
    await expect(groups.changeRole(database.db, people.contributor, territory, groupId, id, { role: "animateur" })).rejects.toMatchObject({ id: "forbidden" });
    await groups.changeRole(database.db, people.partner, territory, groupId, id, { role: "invite" });
    expect((await groupRefOf(database.db, territory, groupId))?.people[people.contributor.userId]).toBe("invite");
    await groups.changeRole(database.db, people.partner, territory, groupId, id, { role: "membre" });
    // As the form sends it: empty account, address and structure (an empty account id once reached the database).
    const temp = await groups.addMember(database.db, people.partner, territory, groupId, { userId: "", name: "Personne de passage", email: "", actorId: "", role: "membre" });
    await groups.removeMember(database.db, people.partner, territory, groupId, temp.id);
    expect((await membersOf(database.db, territory.id, groupId)).map((m) => m.name)).not.toContain("Personne de passage");
  });

  it("the balance: numérique 1, emploi ½, éducation ½ (the contributor has no structure); social is missing, with whom to invite", async () => {
    const members = await membersOf(database.db, territory.id, groupId);
    const b = balanceOfMembers(members);
    expect(b.present).toEqual(["numerique", "emploi_insertion", "education_jeunesse"]);
    expect(b.withoutWorld).toBe(1);
    // p = 1/2, 1/4, 1/4: H = 0.5 ln 2 + 2 × 0.25 ln 4 = 0.346574 + 0.693147 = 1.039721; J = H / ln 3 = 0.946395.
    expect(b.evenness).toBeCloseTo(0.946395, 5);
    const suggestions = await inviteSuggestions(database.db, territory.id, groupId, b.missing);
    // Only the structures the territory sees: not the Soyaux centre.
    expect(suggestions).toEqual([
      {
        world: "social",
        actors: [
          { id: actorIds.ccas, name: "CCAS d'Angoulême", worlds: ["social"], hasPublicEmail: true },
          { id: actorIds.ccasPrivate, name: "Épicerie solidaire", worlds: ["social"], hasPublicEmail: false },
        ],
      },
    ]);
  });

  it("one click invites a structure of a missing world: an invité·e linked to it, one mail to its public address only", async () => {
    const invited = await groups.inviteActor(database.db, people.partner, territory, groupId, actorIds.ccas);
    expect(invited).toMatchObject({ actorName: "CCAS d'Angoulême", mailedTo: "accueil@ccas.exemple.test", mailFailed: false });
    const mail = latestMailTo(getEnv().dataDir, "accueil@ccas.exemple.test");
    expect(mail).toContain("Subject: Invitation au groupe « Groupe de travail Inclusion numérique » — Angoulême");
    expect(mail).toContain("Personne partner (partner-groupes@exemple.test) invite CCAS d'Angoulême");
    expect(mail).toContain("Il n'y aura pas de relance automatique");
    const quiet = await groups.inviteActor(database.db, people.partner, territory, groupId, actorIds.ccasPrivate);
    expect(quiet).toMatchObject({ actorName: "Épicerie solidaire", mailedTo: null, mailFailed: false });
    await expect(groups.inviteActor(database.db, people.partner, territory, groupId, actorIds.ccas)).rejects.toMatchObject({ id: "already_in_group" });
    await expect(groups.inviteActor(database.db, people.partner, territory, groupId, actorIds.elsewhere)).rejects.toMatchObject({ id: "validation" });
    const members = await membersOf(database.db, territory.id, groupId);
    expect(members.filter((m) => m.role === "invite").map((m) => m.actorName)).toEqual(["CCAS d'Angoulême", "Épicerie solidaire"]);
    // Invited is not present: social is still missing, with two invitations, and nobody left to suggest.
    const b = balanceOfMembers(members);
    expect(b.missing).toContain("social");
    expect(b.weights.find((w) => w.world === "social")?.invited).toBe(2);
    expect(await inviteSuggestions(database.db, territory.id, groupId, b.missing)).toEqual([]);
  });

  it("a group of the territory is not reachable from another territory", async () => {
    await expect(groups.updateGroup(database.db, people.outsider, other, groupId, { name: "Piraté", kind: "comite" })).rejects.toMatchObject({ id: "not_found" });
    await expect(groups.deleteGroup(database.db, people.partner, territory, groupId)).rejects.toMatchObject({ id: "forbidden" });
  });

  describe("proposals", () => {
    let proposalId: string;

    it("a member proposes, others comment and support once each; an observer outside the group may not", async () => {
      ({ id: proposalId } = await groups.createProposal(database.db, people.contributor, territory, groupId, { title: "Permanence numérique au CCAS", text: "Une demi-journée par semaine." }));
      await expect(groups.createProposal(database.db, people.observer, territory, groupId, { title: "Autre idée" })).rejects.toMatchObject({ id: "forbidden" });
      await groups.commentProposal(database.db, people.partner, territory, proposalId, { text: "Bonne idée, le fablab peut prêter du matériel." });
      await expect(groups.commentProposal(database.db, people.partner, territory, proposalId, { text: "" })).rejects.toMatchObject({ id: "validation" });
      expect(await groups.toggleSupport(database.db, people.partner, territory, proposalId)).toBe(true);
      expect(await groups.toggleSupport(database.db, people.contributor, territory, proposalId)).toBe(true);
      expect(await groups.toggleSupport(database.db, people.contributor, territory, proposalId)).toBe(false);
      expect(await groups.toggleSupport(database.db, people.contributor, territory, proposalId)).toBe(true);
      const [p] = await listProposals(database.db, territory.id, groupId, people.partner.userId);
      // Counts on hand: two supports (partner, contributor again), one comment.
      expect(p).toMatchObject({ title: "Permanence numérique au CCAS", supports: 2, comments: 1, supportedByMe: true, status: "ouverte", authorName: "Personne contributor" });
    });

    it("the animateur who is not a coordinator may not convert (the plan lets the coordination draft); a coordinator does, once", async () => {
      await expect(groups.convertProposal(database.db, people.partner, territory, proposalId)).rejects.toMatchObject({ id: "forbidden" });
      const { actionId } = await groups.convertProposal(database.db, people.coordinator, territory, proposalId);
      const [action] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
      expect(action).toMatchObject({ territoryId: territory.id, title: "Permanence numérique au CCAS", description: "Une demi-journée par semaine.", status: "idee", origin: "proposal", originId: proposalId });
      expect(await findProposal(database.db, territory.id, proposalId)).toMatchObject({ status: "transformee", actionId });
      await expect(groups.convertProposal(database.db, people.coordinator, territory, proposalId)).rejects.toMatchObject({ id: "proposal_converted" });
      expect(await database.db.select().from(planActions).where(eq(planActions.originId, proposalId))).toHaveLength(1);
    });

    it("a frozen plan refuses the draft, and the proposal stays open: one transaction", async () => {
      const { id } = await groups.createProposal(database.db, people.partner, territory, groupId, { title: "Ateliers pour les parents" });
      await database.db.update(planVersions).set({ frozenAt: new Date() }).where(eq(planVersions.territoryId, territory.id));
      await expect(groups.convertProposal(database.db, people.coordinator, territory, id)).rejects.toMatchObject({ id: "plan_frozen" });
      const [row] = await database.db.select().from(groupProposals).where(eq(groupProposals.id, id));
      expect(row).toMatchObject({ status: "ouverte", actionId: null });
      await database.db.update(planVersions).set({ frozenAt: null }).where(eq(planVersions.territoryId, territory.id));
    });

    it("the list of groups counts people (invited included) and open proposals", async () => {
      const [g] = await listGroups(database.db, territory.id);
      expect(g).toMatchObject({ name: "Groupe de travail Inclusion numérique", members: 5, openProposals: 1, kind: "groupe_de_travail" });
    });
  });
});

describe("shared watch and weekly digest", () => {
  it("members post links with themes; observers may not; a bad address is refused by field; filters by theme", async () => {
    await groups.postWatchItem(database.db, people.contributor, territory, { url: "https://exemple.test/rapport", title: "Rapport sur l'illectronisme", summary: "Chiffres 2026.", themes: ["acces_droits"] });
    await groups.postWatchItem(database.db, people.partner, territory, { url: "https://exemple.test/appel", title: "Appel à projets jeunesse", themes: ["insertion"] });
    await expect(groups.postWatchItem(database.db, people.observer, territory, { url: "https://exemple.test/x", title: "Refusé" })).rejects.toMatchObject({ id: "forbidden" });
    await expect(groups.postWatchItem(database.db, people.partner, territory, { url: "javascript:alert(1)", title: "Lien piégé" })).rejects.toMatchObject({ fieldErrors: { url: ["Collez une adresse web complète, commençant par https://"] } });
    await groups.postWatchItem(database.db, people.outsider, other, { url: "https://exemple.test/ailleurs", title: "Veille de Soyaux" });
    expect((await listWatchItems(database.db, territory.id, { theme: "acces_droits" })).map((i) => i.title)).toEqual(["Rapport sur l'illectronisme"]);
    expect((await listWatchItems(database.db, territory.id)).map((i) => i.title)).toEqual(["Appel à projets jeunesse", "Rapport sur l'illectronisme"]);
  });

  it("the digest lists only the items of the person's territories, once a week, to those who asked", async () => {
    expect((await digestItemsFor(database.db, people.partner.userId, new Date(0))).map((i) => i.title).sort()).toEqual(["Appel à projets jeunesse", "Rapport sur l'illectronisme"]);
    await groups.setDigestSubscription(database.db, people.partner, territory, true);
    const now = new Date(Date.now() + 1000);
    expect(await sendDueDigests(database.db, now)).toEqual({ sent: 1, empty: 0, failed: 0 });
    const mail = latestMailTo(getEnv().dataDir, "partner-groupes@exemple.test");
    expect(mail).toContain("Rapport sur l'illectronisme");
    expect(mail).toContain("Appel à projets jeunesse");
    expect(mail).not.toContain("Veille de Soyaux");
    // Not again before a week.
    expect(await sendDueDigests(database.db, new Date(now.getTime() + 6 * 24 * 3600 * 1000))).toEqual({ sent: 0, empty: 0, failed: 0 });
    // A week later with nothing new: no mail.
    expect(await sendDueDigests(database.db, new Date(now.getTime() + 8 * 24 * 3600 * 1000))).toEqual({ sent: 0, empty: 1, failed: 0 });
    await groups.setDigestSubscription(database.db, people.partner, territory, false);
    expect(await sendDueDigests(database.db, new Date(now.getTime() + 30 * 24 * 3600 * 1000))).toEqual({ sent: 0, empty: 0, failed: 0 });
  });
});
