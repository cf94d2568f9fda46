import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import type { Mail } from "@/platform/mail/mailer";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { actors } from "@/modules/actors";
import { groupMembers, groups } from "@/modules/groups";
import { planActions } from "@/modules/plan";
import { strategyObjectives } from "@/modules/strategy";
import { findings } from "@/modules/findings";
import {
  approveMinutes,
  createActionFromDecision,
  createMeeting,
  findingFromMinutes,
  hashFeedToken,
  recordAttendance,
  recordDecision,
  regenerateFeed,
  reopenMinutes,
  respondToMeeting,
  revokeFeed,
  saveMinutes,
  setFollowUpDone,
} from "./commands";
import { attendanceByWorld, decisionsOf, feedOwner, findMeeting, meetingsForPerson, participantsOf } from "./queries";
import { meetingsCalendar } from "./ics";
import { journeyOf } from "./journey";
import { sendDueReminders } from "./reminders";

let database: Database;
let territory: Territory;
let other: Territory;
let groupId: string;
const people = {} as Record<"coordinator" | "animateur" | "membre" | "invite" | "outsider", Principal>;
const memberIds = {} as Record<"animateur" | "membre" | "invite" | "byEmail", string>;

async function person(t: Territory, role: "coordinator" | "partner" | "observer", email?: string): Promise<Principal> {
  const u = await createUser(database.db, email ? { email } : {});
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}
function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("missing test value");
  return value;
}
const uid = (p: Principal) => (p.kind === "user" ? p.userId : "");

const meetingForm = (extra: Record<string, unknown> = {}) => ({ title: "Atelier de lancement", date: "2027-01-12", start: "14:30", end: "16:00", place: "Mairie de Cognac, salle du conseil", agenda: "1. Tour de table\n2. Calendrier", ...extra });

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-reunions", name: "Cognac" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-reunions", name: "Angoulême" });
  people.coordinator = await person(territory, "coordinator");
  people.animateur = await person(territory, "partner", "animatrice@exemple.test");
  people.membre = await person(territory, "partner", "membre@exemple.test");
  people.invite = await person(territory, "observer");
  people.outsider = await person(territory, "partner");
  const [social, mixed] = await database.db
    .insert(actors)
    .values([
      { name: "CCAS de Cognac", worlds: ["social"] },
      { name: "Médiathèque et centre social", worlds: ["numerique", "social", "culture"] },
    ])
    .returning({ id: actors.id });
  const [g] = await database.db.insert(groups).values({ territoryId: territory.id, name: "Groupe de travail Inclusion numérique", kind: "groupe_de_travail" }).returning({ id: groups.id });
  groupId = must(g).id;
  const rows = await database.db
    .insert(groupMembers)
    .values([
      { groupId, userId: uid(people.animateur), name: "Anne Animatrice", actorId: must(mixed).id, role: "animateur" },
      { groupId, userId: uid(people.membre), name: "Marc Membre", actorId: must(social).id, role: "membre" },
      { groupId, userId: uid(people.invite), name: "Inès Invitée", actorId: null, role: "invite" },
      { groupId, name: "Paul Sans-Compte", email: "paul@exemple.test", actorId: must(social).id, role: "membre" },
    ])
    .returning({ id: groupMembers.id });
  [memberIds.animateur, memberIds.membre, memberIds.invite, memberIds.byEmail] = rows.map((r) => r.id) as [string, string, string, string];
});

afterAll(async () => {
  await database?.close();
});

describe("meetings of a working group", () => {
  it("the animateur schedules a meeting in Paris time; every member is invited; a plain member may not", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, meetingForm());
    const meeting = await findMeeting(database.db, territory.id, id);
    // 14:30 in Paris in January (UTC+1) is 13:30 UTC.
    expect(meeting?.startsAt.toISOString()).toBe("2027-01-12T13:30:00.000Z");
    expect(meeting?.endsAt.toISOString()).toBe("2027-01-12T15:00:00.000Z");
    expect((await participantsOf(database.db, id)).map((p) => p.name)).toEqual(["Anne Animatrice", "Inès Invitée", "Marc Membre", "Paul Sans-Compte"]);
    await expectAppError(createMeeting(database.db, people.membre, territory, groupId, meetingForm()), "forbidden");
    await expectAppError(createMeeting(database.db, people.outsider, territory, groupId, meetingForm()), "forbidden");
    // The group is not found from another territory.
    await expectAppError(createMeeting(database.db, people.coordinator, other, groupId, meetingForm()), "not_found");
  });

  it("summer time: 18:00 in Paris in July is 16:00 UTC", async () => {
    const { id } = await createMeeting(database.db, people.coordinator, territory, groupId, meetingForm({ date: "2027-07-06", start: "18:00", end: "19:30", invited: [memberIds.animateur] }));
    const meeting = await findMeeting(database.db, territory.id, id);
    expect(meeting?.startsAt.toISOString()).toBe("2027-07-06T16:00:00.000Z");
    expect((await participantsOf(database.db, id)).map((p) => p.name)).toEqual(["Anne Animatrice"]);
  });

  it("bad input gets French field errors and writes nothing", async () => {
    await expectAppError(createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ start: "16:00", end: "15:00" })), "validation", "end");
    await expectAppError(createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ date: "2027-02-30" })), "validation", "date");
    await expectAppError(createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ place: "" })), "validation", "place");
    await expectAppError(createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ place: "", videoUrl: "javascript:alert(1)" })), "validation", "videoUrl");
    await expectAppError(createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ invited: ["00000000-0000-4000-8000-000000000009"] })), "validation", "invited");
  });

  it("members answer for themselves; attendance by world on a hand-computed case", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ title: "Réunion de présence" }));
    expect(await respondToMeeting(database.db, people.membre, territory, id, "oui")).toBe("oui");
    expect(await respondToMeeting(database.db, people.invite, territory, id, "non")).toBe("non");
    await expectAppError(respondToMeeting(database.db, people.outsider, territory, id, "oui"), "forbidden");
    await expectAppError(recordAttendance(database.db, people.membre, territory, id, [memberIds.membre]), "forbidden");
    // Came: Anne (numérique + social + culture), Marc (social), Inès (no structure). Paul did not come.
    await recordAttendance(database.db, people.animateur, territory, id, [memberIds.animateur, memberIds.membre, memberIds.invite]);
    const participants = await participantsOf(database.db, id);
    expect(participants.find((p) => p.name === "Marc Membre")).toMatchObject({ response: "oui", attended: true });
    expect(participants.find((p) => p.name === "Inès Invitée")).toMatchObject({ response: "non", attended: true });
    const attendance = attendanceByWorld(participants);
    expect(attendance.attended).toBe(3);
    expect(attendance.withoutActor).toBe(1);
    const byWorld = Object.fromEntries(attendance.byWorld.map((w) => [w.world, w.present]));
    expect(byWorld).toEqual({ numerique: 1, social: 2, emploi_insertion: 0, education_jeunesse: 0, culture: 1, sante: 0, economie: 0, habitants: 0, administration: 0 });
    expect(attendance.byWorld.find((w) => w.world === "social")?.share).toBeCloseTo(2 / 3, 10);
  });

  it("a member drafts minutes; the animateur approves; approved minutes are frozen until reopened", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ title: "Réunion à compte rendu" }));
    await expectAppError(approveMinutes(database.db, people.animateur, territory, id), "validation");
    await expectAppError(saveMinutes(database.db, people.invite, territory, id, { minutes: "Une invitée n'écrit pas le compte rendu." }), "forbidden");
    await saveMinutes(database.db, people.membre, territory, id, { minutes: "Présents : 3.\n\n<script>alert(1)</script>Relevé de décisions." });
    await expectAppError(approveMinutes(database.db, people.membre, territory, id), "forbidden");
    await approveMinutes(database.db, people.animateur, territory, id);
    expect((await findMeeting(database.db, territory.id, id))?.minutesApprovedBy).toBe("animatrice@exemple.test");
    await expectAppError(saveMinutes(database.db, people.membre, territory, id, { minutes: "Changement après approbation." }), "minutes_approved");
    await expectAppError(saveMinutes(database.db, people.animateur, territory, id, { minutes: "Changement après approbation." }), "minutes_approved");
    await reopenMinutes(database.db, people.animateur, territory, id);
    await saveMinutes(database.db, people.membre, territory, id, { minutes: "Présents : 3. Version corrigée." });
    const reopened = await findMeeting(database.db, territory.id, id);
    expect(reopened).toMatchObject({ minutes: "Présents : 3. Version corrigée.", minutesApprovedAt: null });
  });

  it("« En faire un constat » records a finding whose origin names the meeting", async () => {
    const { id } = await createMeeting(database.db, people.coordinator, territory, groupId, meetingForm({ title: "Atelier constats" }));
    const finding = await findingFromMinutes(database.db, people.coordinator, territory, id, { kind: "question", text: "Les seniors des hameaux n'ont aucun point d'accès." });
    const [row] = await database.db.select().from(findings).where(eq(findings.id, finding.id));
    expect(row).toMatchObject({ origin: "meeting", originRef: id, originLabel: "Réunion « Atelier constats » du 12 janvier 2027", territoryId: territory.id });
  });
});

describe("decisions", () => {
  it("a vote needs its counts; links must belong to the territory", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ title: "Comité de décision" }));
    await expectAppError(recordDecision(database.db, people.animateur, territory, id, { text: "Ouvrir une permanence", decidedOn: "2027-01-12", mode: "vote", votesFor: "5" }), "validation", "votesFor");
    await expectAppError(recordDecision(database.db, people.animateur, territory, id, { text: "Ouvrir une permanence", decidedOn: "2027-01-12", mode: "consensus", dueOn: "2027-01-01" }), "validation", "dueOn");
    const [foreign] = await database.db.insert(strategyObjectives).values({ territoryId: other.id, title: "Objectif d'ailleurs", horizon: "court" }).returning({ id: strategyObjectives.id });
    await expectAppError(recordDecision(database.db, people.animateur, territory, id, { text: "Ouvrir une permanence", decidedOn: "2027-01-12", mode: "consensus", objectives: [must(foreign).id] }), "validation", "objectives");
    await expectAppError(recordDecision(database.db, people.membre, territory, id, { text: "Ouvrir une permanence", decidedOn: "2027-01-12", mode: "consensus" }), "forbidden");
  });

  it("a decision by vote linked to an objective; « Créer une action » adds a draft linked to it, both in one transaction", async () => {
    const { id: meetingId } = await createMeeting(database.db, people.coordinator, territory, groupId, meetingForm({ title: "Comité de vote" }));
    const [objective] = await database.db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Une permanence par canton", horizon: "court" }).returning({ id: strategyObjectives.id });
    const { id } = await recordDecision(database.db, people.coordinator, territory, meetingId, {
      text: "Ouvrir une permanence numérique à Segonzac",
      decidedOn: "2027-01-12",
      mode: "vote",
      votesFor: "7",
      votesAgainst: "1",
      votesAbstention: "2",
      followUpBy: "Anne Animatrice",
      dueOn: "2027-03-31",
      objectives: [must(objective).id],
    });
    const { actionId } = await createActionFromDecision(database.db, people.coordinator, territory, id);
    const [action] = await database.db.select().from(planActions).where(eq(planActions.id, actionId));
    expect(action).toMatchObject({ title: "Ouvrir une permanence numérique à Segonzac", status: "idee", origin: "decision", originId: id, territoryId: territory.id });
    const [decision] = (await decisionsOf(database.db, territory.id, { meetingId })).filter((d) => d.id === id);
    expect(decision).toMatchObject({ mode: "vote", votesFor: 7, votesAgainst: 1, votesAbstention: 2, followUpBy: "Anne Animatrice", dueOn: "2027-03-31", meetingTitle: "Comité de vote" });
    expect(decision?.objectives.map((o) => o.title)).toEqual(["Une permanence par canton"]);
    expect(decision?.actions.map((a) => a.id)).toEqual([actionId]);
    // The animateur (a partner, not coordination) records decisions but may not draft plan actions: nothing is linked then.
    const before = (await database.db.select().from(planActions)).length;
    await expectAppError(createActionFromDecision(database.db, people.animateur, territory, id), "forbidden");
    expect((await database.db.select().from(planActions)).length).toBe(before);
  });

  it("overdue follow-ups and minutes to approve show on the journey (hand-written expectations)", async () => {
    const t = await createTestTerritory(database.db, { kind: "commune", code: "16089", slug: "chateauneuf-journey", name: "Châteauneuf-sur-Charente" });
    const c = await person(t, "coordinator");
    const [g] = await database.db.insert(groups).values({ territoryId: t.id, name: "Commission Jeunesse et familles", kind: "commission" }).returning({ id: groups.id });
    const now = new Date("2027-02-01T09:00:00Z");
    const past = await createMeeting(database.db, c, t, must(g).id, meetingForm({ title: "Réunion de janvier", date: "2027-01-20" }));
    await createMeeting(database.db, c, t, must(g).id, meetingForm({ title: "Réunion de février", date: "2027-02-10" }));
    await saveMinutes(database.db, c, t, past.id, { minutes: "Compte rendu à relire." });
    const overdue = await recordDecision(database.db, c, t, past.id, { text: "Lister les lieux d'accueil", decidedOn: "2027-01-20", mode: "consensus", dueOn: "2027-01-31" });
    await recordDecision(database.db, c, t, past.id, { text: "Préparer un flyer", decidedOn: "2027-01-20", mode: "consensus", dueOn: "2027-03-01" });
    const [j] = await journeyOf(database.db, t, now);
    expect(j?.phase).toBe("collective");
    expect(j?.facts.map((f) => f.label)).toEqual(["2 réunions", "2 décisions", `Prochaine réunion : « Réunion de février », le 10 février 2027 à 14:30`]);
    expect(j?.next).toEqual([
      { text: "1 suivi de décision en retard", href: "/espace/chateauneuf-journey/decisions?suivi=retard", urgency: "urgent" },
      { text: "Compte rendu à approuver : « Réunion de janvier »", href: `/espace/chateauneuf-journey/reunions/${past.id}`, urgency: "useful" },
    ]);
    await setFollowUpDone(database.db, c, t, overdue.id, true);
    const [after] = await journeyOf(database.db, t, now);
    expect(after?.next.map((s) => s.text)).toEqual(["Compte rendu à approuver : « Réunion de janvier »"]);
  });
});

describe("calendars", () => {
  it("a calendar parsed back by ical.js gives the meeting's title, instants, place and link back", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, meetingForm({ title: "Réunion ; avec, ponctuation", videoUrl: "https://visio.exemple.fr/abc" }));
    const m = must(await findMeeting(database.db, territory.id, id));
    const text = meetingsCalendar("Groupe de travail Inclusion numérique", [{ ...m, groupName: "Groupe de travail Inclusion numérique", url: `https://maillage.exemple.fr/espace/cognac-reunions/reunions/${id}` }], "maillage.exemple.fr");
    const component = new ICAL.Component(ICAL.parse(text));
    const events = component.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(1);
    const event = must(events[0]);
    expect(event.uid).toBe(`${id}@maillage.exemple.fr`);
    expect(event.summary).toBe("Réunion ; avec, ponctuation");
    expect(event.startDate.toJSDate().toISOString()).toBe("2027-01-12T13:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2027-01-12T15:00:00.000Z");
    expect(event.location).toBe("Mairie de Cognac, salle du conseil");
    expect(event.component.getFirstPropertyValue("url")).toBe(`https://maillage.exemple.fr/espace/cognac-reunions/reunions/${id}`);
    expect(event.description).toContain("1. Tour de table\n2. Calendrier");
    expect(event.description).toContain("Visioconférence : https://visio.exemple.fr/abc");
    expect(component.getFirstPropertyValue("x-wr-calname")).toBe("Groupe de travail Inclusion numérique");
  });

  it("the secret feed: only the hash is stored; regenerating replaces the old secret; revoking ends it; it lists the person's groups' meetings only", async () => {
    const first = await regenerateFeed(database.db, people.membre);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await feedOwner(database.db, hashFeedToken(first))).toBe(uid(people.membre));
    expect(await feedOwner(database.db, first)).toBeUndefined();
    const second = await regenerateFeed(database.db, people.membre);
    expect(await feedOwner(database.db, hashFeedToken(first))).toBeUndefined();
    expect(await feedOwner(database.db, hashFeedToken(second))).toBe(uid(people.membre));
    const titles = (await meetingsForPerson(database.db, uid(people.membre), new Date("2027-01-01T00:00:00Z"))).map((m) => m.title);
    expect(titles).toContain("Atelier de lancement");
    expect(titles).toContain("Comité de vote");
    expect(await meetingsForPerson(database.db, uid(people.outsider), new Date("2027-01-01T00:00:00Z"))).toEqual([]);
    await revokeFeed(database.db, people.membre);
    expect(await feedOwner(database.db, hashFeedToken(second))).toBeUndefined();
    await expectAppError(regenerateFeed(database.db, { kind: "anonymous" }), "forbidden");
  });
});

describe("reminders", () => {
  it("sends one reminder per invited member with an e-mail, the day before, never twice", async () => {
    const t = await createTestTerritory(database.db, { kind: "commune", code: "16292", slug: "ruffec-rappels", name: "Ruffec" });
    const c = await person(t, "coordinator");
    const m = await person(t, "partner", "rappel@exemple.test");
    const [g] = await database.db.insert(groups).values({ territoryId: t.id, name: "Groupe rappels", kind: "atelier" }).returning({ id: groups.id });
    await database.db.insert(groupMembers).values([
      { groupId: must(g).id, userId: uid(m), name: "Avec compte", role: "membre" },
      { groupId: must(g).id, name: "Par courriel", email: "externe@exemple.test", role: "invite" },
      { groupId: must(g).id, name: "Sans courriel", role: "membre" },
      { groupId: must(g).id, name: "Ne vient pas", email: "absent@exemple.test", role: "membre" },
    ]);
    const { id } = await createMeeting(database.db, c, t, must(g).id, meetingForm({ title: "Réunion à rappeler", date: "2027-03-10", start: "10:00", end: "12:00" }));
    const absent = must((await participantsOf(database.db, id)).find((p) => p.name === "Ne vient pas"));
    const { meetingParticipants } = await import("./schema");
    await database.db.update(meetingParticipants).set({ response: "non" }).where(eq(meetingParticipants.memberId, absent.id));
    const sent: Mail[] = [];
    const send = async (mail: Mail) => {
      sent.push(mail);
    };
    // Two days before (10:00 Paris = 09:00 UTC): too early.
    expect(await sendDueReminders(database.db, new Date("2027-03-08T09:00:00Z"), send)).toBe(0);
    // Twenty hours before: the two people with an e-mail who may come.
    expect(await sendDueReminders(database.db, new Date("2027-03-09T13:00:00Z"), send)).toBe(2);
    expect(sent.map((s) => s.to).sort()).toEqual(["externe@exemple.test", "rappel@exemple.test"]);
    expect(sent[0]?.subject).toBe("Rappel : Réunion à rappeler, 10 mars 2027 à 10:00");
    expect(sent[0]?.text).toContain(`/espace/ruffec-rappels/reunions/${id}`);
    // Again, and again closer to the meeting: nothing more.
    expect(await sendDueReminders(database.db, new Date("2027-03-09T13:05:00Z"), send)).toBe(0);
    expect(await sendDueReminders(database.db, new Date("2027-03-10T08:00:00Z"), send)).toBe(0);
    expect(sent).toHaveLength(2);
    // Two runs at once (two processes) for another meeting: each person still gets one mail.
    const other = await createMeeting(database.db, c, t, must(g).id, meetingForm({ title: "Réunion en double", date: "2027-03-10", start: "15:00", end: "16:00" }));
    const results = await Promise.all([sendDueReminders(database.db, new Date("2027-03-10T08:40:00Z"), send), sendDueReminders(database.db, new Date("2027-03-10T08:40:00Z"), send)]);
    expect(must(results[0]) + must(results[1])).toBe(3);
    expect(sent.filter((s) => s.subject.includes("Réunion en double")).map((s) => s.to).sort()).toEqual(["absent@exemple.test", "externe@exemple.test", "rappel@exemple.test"]);
    expect(other.id).toBeTruthy();
    // After the start: nothing.
    expect(await sendDueReminders(database.db, new Date("2027-03-10T09:30:00Z"), send)).toBe(0);
  });
});
