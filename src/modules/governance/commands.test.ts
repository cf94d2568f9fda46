import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { actors } from "@/modules/actors";
import { addMember as addGroupMember, groupMembers, groups, listGroups } from "@/modules/groups";
import { deleteGroup } from "@/modules/groups/commands";
import { decisions, meetings } from "@/modules/meetings";
import { planActions } from "@/modules/plan";
import { createAction, createVersion, setActionStatus } from "@/modules/plan/commands";
import { charterCommitments, charterPartners, charters, charterVersions, decisionCommitments } from "@/modules/charter";
import { addContact, changeStatusCitingDecision, createBody, deleteBody, linkDecisionCommitments, removeContact, updateBody } from "./commands";
import { formatDate } from "@/platform/text";
import { behindRhythm, commitmentChoices, commitmentsOfDecisions, contactsOf, listBodies, statusHistoryOf } from "./queries";
import { countingQueries } from "@/testing/query-count";
import { journeyOf } from "./journey";
import { actionStatusCitations } from "./schema";

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "president" | "member" | "observer" | "outsider", Principal>;
let bodyId = "";
let decisionId = "";
let foreignDecisionId = "";
let actorId = "";

async function person(t: Territory, role: "coordinator" | "partner" | "observer"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("missing test value");
  return value;
}
const uid = (p: Principal) => (p.kind === "user" ? p.userId : "");
const body = (extra: Record<string, unknown> = {}) => ({ name: "Comité de pilotage de l'inclusion numérique", purpose: "Arbitre la feuille de route.", kind: "comite_pilotage", rhythm: "trimestriel", ...extra });

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-gouvernance", name: "Cognac" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-gouvernance", name: "Angoulême" });
  people.coordinator = await person(territory, "coordinator");
  people.president = await person(territory, "partner");
  people.member = await person(territory, "partner");
  people.observer = await person(territory, "observer");
  people.outsider = await person(other, "coordinator");
  const [a] = await database.db.insert(actors).values({ name: "Centre social de Cognac", worlds: ["social"], communeCode: "16102" }).returning({ id: actors.id });
  actorId = must(a).id;
  const [d] = await database.db.insert(decisions).values({ territoryId: other.id, text: "Décision d'un autre territoire", decidedOn: "2027-01-05" }).returning({ id: decisions.id });
  foreignDecisionId = must(d).id;
});

afterAll(async () => {
  await database?.close();
});

describe("governance bodies are groups of a governance kind", () => {
  it("the coordination sets up a body; a partner may not; it is listed with the bodies, not with the working groups", async () => {
    await expectAppError(createBody(database.db, people.member, territory, body()), "forbidden");
    ({ id: bodyId } = await createBody(database.db, people.coordinator, territory, body()));
    await database.db.insert(groups).values({ territoryId: territory.id, name: "Groupe de travail Aidants", kind: "groupe_de_travail" });
    expect((await listBodies(database.db, territory.id, new Date())).map((b) => [b.name, b.kind, b.rhythm, b.members])).toEqual([["Comité de pilotage de l'inclusion numérique", "comite_pilotage", "trimestriel", 0]]);
    expect((await listGroups(database.db, territory.id)).map((g) => g.name)).toEqual(["Groupe de travail Aidants"]);
    // Another territory does not see it.
    expect(await listBodies(database.db, other.id, new Date())).toEqual([]);
  });

  it("bad input: a working-group kind, no rhythm, a one-letter name — French field errors, nothing written", async () => {
    await expectAppError(createBody(database.db, people.coordinator, territory, body({ kind: "groupe_de_travail" })), "validation", "kind");
    await expectAppError(createBody(database.db, people.coordinator, territory, body({ rhythm: "" })), "validation", "rhythm");
    await expectAppError(createBody(database.db, people.coordinator, territory, body({ name: "C" })), "validation", "name");
    expect(await listBodies(database.db, territory.id, new Date())).toHaveLength(1);
  });

  it("members with roles; the président·e then manages the body, a plain member may not", async () => {
    await addGroupMember(database.db, people.coordinator, territory, bodyId, { userId: uid(people.president), role: "president", actorId });
    await addGroupMember(database.db, people.coordinator, territory, bodyId, { userId: uid(people.member), role: "membre" });
    await addGroupMember(database.db, people.coordinator, territory, bodyId, { name: "Préfecture de la Charente", email: "sous-prefet@exemple.test", role: "co_porteur" });
    await expectAppError(updateBody(database.db, people.member, territory, bodyId, body({ rhythm: "mensuel" })), "forbidden");
    await updateBody(database.db, people.president, territory, bodyId, body({ rhythm: "mensuel" }));
    const [b] = await listBodies(database.db, territory.id, new Date());
    expect([b?.rhythm, b?.members]).toEqual(["mensuel", 3]);
    // A working group is not a body: its id is not found here.
    const [wg] = await database.db.select({ id: groups.id }).from(groups).where(eq(groups.kind, "groupe_de_travail"));
    await expectAppError(updateBody(database.db, people.coordinator, territory, must(wg).id, body()), "not_found");
    await expectAppError(updateBody(database.db, people.outsider, other, bodyId, body()), "not_found");
  });

  it("behind its rhythm: a monthly body last met 40 days ago with nothing planned; not when a meeting is scheduled; never for « ponctuel »", () => {
    const now = new Date("2027-03-01T12:00:00Z");
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    expect(behindRhythm({ rhythm: "mensuel", createdAt: daysAgo(400), lastMeeting: daysAgo(40), nextMeeting: null }, now)).toBe(true);
    expect(behindRhythm({ rhythm: "mensuel", createdAt: daysAgo(400), lastMeeting: daysAgo(20), nextMeeting: null }, now)).toBe(false);
    expect(behindRhythm({ rhythm: "mensuel", createdAt: daysAgo(400), lastMeeting: daysAgo(40), nextMeeting: daysAgo(-3) }, now)).toBe(false);
    expect(behindRhythm({ rhythm: "trimestriel", createdAt: daysAgo(100), lastMeeting: null, nextMeeting: null }, now)).toBe(true);
    expect(behindRhythm({ rhythm: "trimestriel", createdAt: daysAgo(30), lastMeeting: null, nextMeeting: null }, now)).toBe(false);
    expect(behindRhythm({ rhythm: "ponctuel", createdAt: daysAgo(900), lastMeeting: null, nextMeeting: null }, now)).toBe(false);
  });

  it("the journey: a missing comité de pilotage, then a body behind its rhythm, and decisions awaiting follow-up", async () => {
    const now = new Date();
    const [first] = await journeyOf(database.db, other, now);
    expect(first?.missing).toEqual(["Aucun comité de pilotage"]);
    // The body met 50 days ago (monthly rhythm): behind.
    const [m] = await database.db
      .insert(meetings)
      .values({ territoryId: territory.id, groupId: bodyId, title: "Comité du printemps", startsAt: new Date(now.getTime() - 50 * 86_400_000), endsAt: new Date(now.getTime() - 50 * 86_400_000 + 3_600_000), place: "Mairie" })
      .returning({ id: meetings.id });
    const [d] = await database.db
      .insert(decisions)
      .values([
        { territoryId: territory.id, meetingId: must(m).id, text: "Ouvrir deux permanences en mairie", decidedOn: "2027-01-10", followUpBy: "Coordination", dueOn: "2999-12-31" },
        // Overdue: the meetings' contribution says it, not this one.
        { territoryId: territory.id, meetingId: must(m).id, text: "Écrire au Département", decidedOn: "2027-01-10", followUpBy: "Présidence", dueOn: "2000-01-01" },
        { territoryId: territory.id, meetingId: must(m).id, text: "Point d'étape fait", decidedOn: "2027-01-10", followUpBy: "Présidence", doneAt: now },
      ])
      .returning({ id: decisions.id });
    decisionId = must(d).id;
    // One query (decision 024), whatever the number of bodies and decisions.
    const counted = countingQueries(database.db);
    const [part] = await journeyOf(counted.db, territory, now);
    expect(counted.count()).toBe(1);
    expect(part?.phase).toBe("strategy");
    expect(part?.missing).toEqual(["L'instance « Comité de pilotage de l'inclusion numérique » (comité de pilotage) ne s'est pas réunie à son rythme (tous les mois)"]);
    expect(part?.facts.map((f) => f.label)).toEqual(["1 instance de gouvernance", "1 décision attend son suivi"]);
  });
});

describe("an action's status change citing a decision", () => {
  let actionId = "";
  it("one transaction: the plan's status, the citation and one audit event; the history shows it with the plain changes", async () => {
    ({ id: actionId } = await createAction(database.db, people.coordinator, territory, { title: "Permanences numériques en mairie", status: "planifiee" }));
    await setActionStatus(database.db, people.coordinator, territory, actionId, { status: "en_cours" });
    const [before] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
    await changeStatusCitingDecision(database.db, people.coordinator, territory, actionId, { status: "en_pause", decision: decisionId, note: "En attendant le budget", revision: String(must(before).revision) });
    const [after] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
    expect([after?.status, after?.revision]).toEqual(["en_pause", must(before).revision + 1]);
    const events = await database.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, "plan_action"), eq(auditEvents.entityId, actionId)));
    expect(events.map((e) => e.action).sort()).toEqual(["create", "status", "status_cited"]);
    const history = await statusHistoryOf(database.db, territory.id, must(after).lineageId);
    expect(history.map((h) => [h.from, h.to, h.note, h.decision?.text ?? null, h.decision?.bodyName ?? null])).toEqual([
      ["en_cours", "en_pause", "En attendant le budget", "Ouvrir deux permanences en mairie", "Comité de pilotage de l'inclusion numérique"],
      ["planifiee", "en_cours", "", null, null],
    ]);
  });

  it("refusals write nothing: a stale revision (409), the same status, another territory's decision, an observer, a partner who does not lead the action", async () => {
    const [row] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
    const revision = must(row).revision;
    const cite = (who: Principal, extra: Record<string, unknown>) => changeStatusCitingDecision(database.db, who, territory, actionId, { status: "en_cours", decision: decisionId, revision: String(revision), ...extra });
    await expectAppError(cite(people.coordinator, { revision: String(revision - 1) }), "edit_conflict");
    await expectAppError(cite(people.coordinator, { status: "en_pause" }), "validation", "status");
    await expectAppError(cite(people.coordinator, { decision: foreignDecisionId }), "validation", "decision");
    await expectAppError(cite(people.coordinator, { decision: "pas-un-identifiant" }), "validation", "decision");
    await expectAppError(cite(people.observer, {}), "forbidden");
    await expectAppError(cite(people.member, {}), "forbidden");
    const [same] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
    expect([same?.status, same?.revision]).toEqual(["en_pause", revision]);
    expect(await database.db.select().from(actionStatusCitations)).toHaveLength(1);
  });

  it("a frozen version refuses (plan_frozen) and the history follows the action into the new version by lineage", async () => {
    const [old] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
    await createVersion(database.db, people.coordinator, territory, { title: "Plan révisé" });
    await expectAppError(changeStatusCitingDecision(database.db, people.coordinator, territory, actionId, { status: "terminee", decision: decisionId, revision: String(must(old).revision) }), "plan_frozen");
    const [copy] = await database.db.select().from(planActions).where(and(eq(planActions.lineageId, must(old).lineageId), eq(planActions.revision, 1)));
    await changeStatusCitingDecision(database.db, people.coordinator, territory, must(copy).id, { status: "terminee", decision: decisionId, revision: "1" });
    expect((await statusHistoryOf(database.db, territory.id, must(old).lineageId)).map((h) => h.to)).toEqual(["terminee", "en_pause", "en_cours"]);
  });
});

describe("decisions linked to charter commitments", () => {
  it("offers the latest version's commitments; links by lineage; another territory's commitment is refused; unticking unlinks", async () => {
    const [charter] = await database.db.insert(charters).values({ territoryId: territory.id, title: "Charte de l'inclusion numérique" }).returning({ id: charters.id });
    const [v1, v2] = await database.db
      .insert(charterVersions)
      .values([
        { charterId: must(charter).id, territoryId: territory.id, number: 1, status: "remplacee" },
        { charterId: must(charter).id, territoryId: territory.id, number: 2 },
      ])
      .returning({ id: charterVersions.id });
    const [partner] = await database.db.insert(charterPartners).values({ charterId: must(charter).id, actorId }).returning({ id: charterPartners.id });
    const lineage = "11111111-1111-4111-8111-111111111111";
    await database.db.insert(charterCommitments).values([
      { versionId: must(v1).id, partnerId: must(partner).id, lineageId: lineage, text: "Ouvrir une permanence" },
      { versionId: must(v2).id, partnerId: must(partner).id, lineageId: lineage, text: "Ouvrir deux permanences par semaine" },
    ]);
    expect(await commitmentChoices(database.db, territory.id)).toEqual([{ lineageId: lineage, text: "Ouvrir deux permanences par semaine", partner: "Centre social de Cognac" }]);
    await expectAppError(linkDecisionCommitments(database.db, people.member, territory, decisionId, { commitments: [lineage] }), "forbidden");
    await expectAppError(linkDecisionCommitments(database.db, people.coordinator, territory, decisionId, { commitments: ["22222222-2222-4222-8222-222222222222"] }), "validation", "commitments");
    await expectAppError(linkDecisionCommitments(database.db, people.outsider, other, decisionId, { commitments: [] }), "not_found");
    // The président·e decides for the body whose meeting took the decision.
    await linkDecisionCommitments(database.db, people.president, territory, decisionId, { commitments: [lineage] });
    expect((await commitmentsOfDecisions(database.db, territory.id, [decisionId])).get(decisionId)).toEqual([{ lineageId: lineage, text: "Ouvrir deux permanences par semaine", partner: "Centre social de Cognac" }]);
    await linkDecisionCommitments(database.db, people.coordinator, territory, decisionId, { commitments: [] });
    expect(await database.db.select().from(decisionCommitments)).toEqual([]);
  });
});

describe("the coordination's public contacts", () => {
  it("the coordination adds and removes them; a partner may not; bad input gets field errors", async () => {
    await expectAppError(addContact(database.db, people.member, territory, { name: "Léa Coordinatrice", publicEmail: "coordination@cognac.test" }), "forbidden");
    await expectAppError(addContact(database.db, people.coordinator, territory, { name: "Léa Coordinatrice" }), "validation", "publicEmail");
    await expectAppError(addContact(database.db, people.coordinator, territory, { name: "Léa Coordinatrice", publicEmail: "pas une adresse" }), "validation", "publicEmail");
    await expectAppError(addContact(database.db, people.coordinator, territory, { name: "Léa Coordinatrice", publicPhone: "appelez-moi" }), "validation", "publicPhone");
    await expectAppError(addContact(database.db, people.coordinator, territory, { name: "Léa Coordinatrice", publicEmail: "a@b.fr", actorId: "00000000-0000-4000-8000-000000000009" }), "validation", "actorId");
    const { id } = await addContact(database.db, people.coordinator, territory, { name: "Léa Coordinatrice", role: "Cheffe de projet inclusion numérique", actorId, publicEmail: "Coordination@Cognac.test", publicPhone: "05 45 00 00 00" });
    await addContact(database.db, people.coordinator, territory, { name: "Hugo Appui", structure: "Mairie de Cognac", publicPhone: "05 45 11 11 11" });
    expect((await contactsOf(database.db, territory.id)).map((c) => [c.name, c.role, c.structure, c.publicEmail, c.publicPhone])).toEqual([
      ["Léa Coordinatrice", "Cheffe de projet inclusion numérique", "Centre social de Cognac", "coordination@cognac.test", "05 45 00 00 00"],
      ["Hugo Appui", "", "Mairie de Cognac", null, "05 45 11 11 11"],
    ]);
    await expectAppError(removeContact(database.db, people.outsider, other, id), "not_found");
    await removeContact(database.db, people.coordinator, territory, id);
    expect((await contactsOf(database.db, territory.id)).map((c) => c.name)).toEqual(["Hugo Appui"]);
    expect(await contactsOf(database.db, other.id)).toEqual([]);
  });
});


describe("deleting a body", () => {
  const deleteEvents = (id: string) => database.db.select({ before: auditEvents.before }).from(auditEvents).where(and(eq(auditEvents.entityType, "group"), eq(auditEvents.entityId, id), eq(auditEvents.action, "delete")));

  it("a body that has met is kept: refused with its meetings named, nothing deleted; the président·e and a partner may not", async () => {
    await expectAppError(deleteBody(database.db, people.president, territory, bodyId), "forbidden");
    await expectAppError(deleteBody(database.db, people.member, territory, bodyId), "forbidden");
    await expectAppError(deleteBody(database.db, people.outsider, other, bodyId), "not_found");
    const [m] = await database.db.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.groupId, bodyId));
    const e = await expectAppError(deleteBody(database.db, people.coordinator, territory, bodyId), "still_used");
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      `L'instance « Comité de pilotage de l'inclusion numérique » ne peut pas être supprimée : elle a une réunion (« Comité du printemps » du ${formatDate(must(m).startsAt)} (3 décisions)). ` +
        "Ses réunions, comptes rendus et décisions restent la trace de ce qu'elle a décidé : une instance qui s'est réunie est gardée.",
    );
    expect(await database.db.select({ id: groups.id }).from(groups).where(eq(groups.id, bodyId))).toHaveLength(1);
    expect(await database.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.groupId, bodyId))).toHaveLength(1);
    expect(await deleteEvents(bodyId)).toEqual([]);
    // Nor through the working groups' delete, which would take its meetings with it.
    await expectAppError(deleteGroup(database.db, people.coordinator, territory, bodyId), "not_found");
    expect(await database.db.select({ id: groups.id }).from(groups).where(eq(groups.id, bodyId))).toHaveLength(1);
  });

  it("a body that never met is deleted with its members; one audit event keeps what it was; decisions are untouched", async () => {
    const decisionsBefore = await database.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.territoryId, territory.id));
    const { id } = await createBody(database.db, people.coordinator, territory, body({ name: "Comité technique créé par erreur", kind: "comite_technique", rhythm: "mensuel" }));
    await addGroupMember(database.db, people.coordinator, territory, id, { userId: uid(people.president), role: "president", actorId });
    expect(await deleteBody(database.db, people.coordinator, territory, id)).toEqual({ name: "Comité technique créé par erreur" });
    expect(await database.db.select({ id: groups.id }).from(groups).where(eq(groups.id, id))).toEqual([]);
    expect(await database.db.select({ id: groupMembers.id }).from(groupMembers).where(eq(groupMembers.groupId, id))).toEqual([]);
    const events = await deleteEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]?.before).toMatchObject({ name: "Comité technique créé par erreur", kind: "comite_technique", rhythm: "mensuel", members: [{ role: "president", structure: "Centre social de Cognac" }] });
    expect(await database.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.territoryId, territory.id))).toEqual(decisionsBefore);
    // Gone: a second delete finds nothing; a working group is not a body.
    await expectAppError(deleteBody(database.db, people.coordinator, territory, id), "not_found");
    const [wg] = await database.db.select({ id: groups.id }).from(groups).where(eq(groups.kind, "groupe_de_travail"));
    await expectAppError(deleteBody(database.db, people.coordinator, territory, must(wg).id), "not_found");
    await expectAppError(deleteBody(database.db, people.coordinator, territory, "pas-un-id"), "not_found");
  });
});
