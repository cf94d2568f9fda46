import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import type { Mail } from "@/platform/mail/mailer";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { groupMembers, groups } from "@/modules/groups";
import { approveMinutes, cancelMeeting, createMeeting, meetingChanges, respondToMeeting, saveMinutes, updateMeeting } from "./commands";
import { meetingsCalendar } from "./ics";
import { findMeeting } from "./queries";
import { sendDueReminders, sendPendingNotices } from "./reminders";
import { meetingNotices } from "./schema";

let database: Database;
let territory: Territory;
let groupId: string;
const people = {} as Record<"animateur" | "membre", Principal>;

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error("missing test value");
  return value;
}
const uid = (p: Principal) => (p.kind === "user" ? p.userId : "");

async function person(email: string): Promise<Principal> {
  const u = await createUser(database.db, { email });
  await addMember(database.db, territory.id, u.id, "partner");
  return principalOf(database.db, u.id);
}

/** Mails a run sends, kept to be read by the test. */
function outbox() {
  const sent: Mail[] = [];
  return { sent, send: async (mail: Mail) => void sent.push(mail) };
}

const form = (extra: Record<string, unknown> = {}) => ({ title: "Comité de suivi", date: "2027-03-10", start: "10:00", end: "12:00", place: "Mairie de Jarnac, salle des fêtes", agenda: "1. Bilan", ...extra });
const before = new Date("2027-03-01T09:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16167", slug: "jarnac-reunions", name: "Jarnac" });
  people.animateur = await person("anim-jarnac@exemple.test");
  people.membre = await person("membre-jarnac@exemple.test");
  const [g] = await database.db.insert(groups).values({ territoryId: territory.id, name: "Groupe de Jarnac", kind: "groupe_de_travail" }).returning({ id: groups.id });
  groupId = must(g).id;
  await database.db.insert(groupMembers).values([
    { groupId, userId: uid(people.animateur), name: "Alice Animatrice", role: "animateur" },
    { groupId, userId: uid(people.membre), name: "Marc Membre", role: "membre" },
    { groupId, name: "Paul Externe", email: "paul-jarnac@exemple.test", role: "invite" },
    { groupId, name: "Sans Courriel", role: "membre" },
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("what changed, in words", () => {
  it("one line per change; the agenda alone tells nobody", () => {
    const was = { title: "Comité", startsAt: new Date("2027-03-10T09:00:00Z"), endsAt: new Date("2027-03-10T11:00:00Z"), place: "Mairie", videoUrl: null, agenda: "1. Bilan" };
    expect(meetingChanges(was, { ...was, startsAt: new Date("2027-03-12T13:00:00Z"), endsAt: new Date("2027-03-12T14:30:00Z"), place: "" , videoUrl: "https://visio.exemple.fr/c" })).toEqual({
      lines: [
        "Horaire : mercredi 10 mars 2027, de 10:00 à 12:00 → vendredi 12 mars 2027, de 14:00 à 15:30",
        "Lieu : Mairie → (aucun)",
        "Visioconférence : (aucun) → https://visio.exemple.fr/c",
      ],
      notify: true,
      moved: true,
    });
    expect(meetingChanges(was, { ...was, agenda: "1. Bilan\n2. Suite" })).toEqual({ lines: ["Ordre du jour modifié"], notify: false, moved: false });
    expect(meetingChanges(was, { ...was })).toEqual({ lines: [], notify: false, moved: false });
  });
});

describe("editing a meeting", () => {
  it("moved: one transaction, one audit event, every invited member with an address told once through the queue, and reminded again before the new time", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, form());
    const mail = outbox();
    // The reminder for 10 March 10:00 (09:00 UTC) goes the day before.
    expect(await sendDueReminders(database.db, new Date("2027-03-09T13:00:00Z"), mail.send)).toBe(3);
    // Moved two days later, afternoon.
    expect(await updateMeeting(database.db, people.animateur, territory, id, form({ date: "2027-03-12", start: "14:00", end: "15:30" }), before)).toEqual({ changed: true, told: 4 });
    const m = must(await findMeeting(database.db, territory.id, id));
    expect([m.startsAt.toISOString(), m.endsAt.toISOString(), m.sequence]).toEqual(["2027-03-12T13:00:00.000Z", "2027-03-12T14:30:00.000Z", 1]);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "update")));
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ startsAt: "2027-03-12T13:00:00.000Z", told: 4 });

    const notices = outbox();
    expect(await sendPendingNotices(database.db, before, notices.send)).toBe(3);
    expect(notices.sent.map((s) => s.to).sort()).toEqual(["anim-jarnac@exemple.test", "membre-jarnac@exemple.test", "paul-jarnac@exemple.test"]);
    expect(notices.sent[0]?.subject).toBe("Modifiée : Comité de suivi, 12 mars 2027 à 14:00");
    expect(notices.sent[0]?.text).toContain("Horaire : mercredi 10 mars 2027, de 10:00 à 12:00 → vendredi 12 mars 2027, de 14:00 à 15:30");
    expect(notices.sent[0]?.text).toContain(`/espace/jarnac-reunions/reunions/${id}`);
    // Sent once: the rows are claimed (the one without an address too).
    expect(await sendPendingNotices(database.db, before, notices.send)).toBe(0);
    expect((await database.db.select().from(meetingNotices).where(eq(meetingNotices.meetingId, id))).every((n) => n.sentAt !== null)).toBe(true);

    // The old time's reminder does not count for the new time: reminded again the day before 12 March…
    const again = outbox();
    expect(await sendDueReminders(database.db, new Date("2027-03-11T15:00:00Z"), again.send)).toBe(3);
    expect(again.sent[0]?.subject).toBe("Rappel : Comité de suivi, 12 mars 2027 à 14:00");
    // …and once only.
    expect(await sendDueReminders(database.db, new Date("2027-03-12T10:00:00Z"), again.send)).toBe(0);
  });

  it("the agenda alone: saved, nobody told; nothing changed: nothing written; bad input keeps the meeting as it was; a plain member may not", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, form({ title: "Atelier agenda" }));
    expect(await updateMeeting(database.db, people.animateur, territory, id, form({ title: "Atelier agenda", agenda: "1. Bilan\n2. Suite" }), before)).toEqual({ changed: true, told: 0 });
    expect(await updateMeeting(database.db, people.animateur, territory, id, form({ title: "Atelier agenda", agenda: "1. Bilan\n2. Suite" }), before)).toEqual({ changed: false, told: 0 });
    const e = await expectAppError(updateMeeting(database.db, people.animateur, territory, id, form({ title: "Atelier agenda", start: "12:00", end: "10:00" }), before), "validation", "end");
    expect(e.fieldErrors?.end).toEqual(["La fin doit venir après le début."]);
    expect(must(await findMeeting(database.db, territory.id, id)).startsAt.toISOString()).toBe("2027-03-10T09:00:00.000Z");
    await expectAppError(updateMeeting(database.db, people.membre, territory, id, form({ title: "Changé par un membre" }), before), "forbidden");
    expect(await database.db.select().from(meetingNotices).where(eq(meetingNotices.meetingId, id))).toEqual([]);
  });

  it("once the minutes are approved, the meeting no longer changes nor is cancelled", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, form({ title: "Réunion close", date: "2027-02-10" }));
    await saveMinutes(database.db, people.animateur, territory, id, { minutes: "Tout le monde était là." });
    await approveMinutes(database.db, people.animateur, territory, id);
    await expectAppError(updateMeeting(database.db, people.animateur, territory, id, form({ title: "Réunion close", date: "2027-02-11" }), before), "meeting_minutes_approved");
    await expectAppError(cancelMeeting(database.db, people.animateur, territory, id, { reason: "Trop tard pour annuler" }, before), "meeting_minutes_approved");
  });
});

describe("cancelling a meeting", () => {
  it("needs a reason; then it stays listed as cancelled with its reason, calendars say CANCELLED, members are told, no reminder goes, it no longer changes", async () => {
    const { id } = await createMeeting(database.db, people.animateur, territory, groupId, form({ title: "Réunion annulée", date: "2027-03-20" }));
    const e = await expectAppError(cancelMeeting(database.db, people.animateur, territory, id, { reason: "" }, before), "validation", "reason");
    expect(e.fieldErrors?.reason).toEqual(["Dites pourquoi la réunion est annulée (quelques mots au moins)."]);
    await expectAppError(cancelMeeting(database.db, people.membre, territory, id, { reason: "Salle indisponible" }, before), "forbidden");
    expect(await cancelMeeting(database.db, people.animateur, territory, id, { reason: "Salle indisponible ce jour-là" }, before)).toEqual({ told: 4 });
    const m = must(await findMeeting(database.db, territory.id, id));
    expect([m.cancelledAt?.toISOString(), m.cancelReason, m.sequence]).toEqual(["2027-03-01T09:00:00.000Z", "Salle indisponible ce jour-là", 1]);

    const calendar = new ICAL.Component(ICAL.parse(meetingsCalendar("Groupe de Jarnac", [{ ...m, url: `https://maillage.exemple.fr/espace/jarnac-reunions/reunions/${id}` }], "maillage.exemple.fr")));
    const vevent = must(calendar.getFirstSubcomponent("vevent"));
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(vevent.getFirstPropertyValue("summary")).toBe("Annulée : Réunion annulée");
    expect(String(vevent.getFirstPropertyValue("description"))).toContain("Réunion annulée. Raison : Salle indisponible ce jour-là");

    const notices = outbox();
    expect(await sendPendingNotices(database.db, before, notices.send)).toBe(3);
    expect(notices.sent[0]?.subject).toBe("Annulée : Réunion annulée, 20 mars 2027 à 10:00");
    expect(notices.sent[0]?.text).toContain("Raison : Salle indisponible ce jour-là");

    const reminders = outbox();
    expect(await sendDueReminders(database.db, new Date("2027-03-19T15:00:00Z"), reminders.send)).toBe(0);
    await expectAppError(updateMeeting(database.db, people.animateur, territory, id, form({ title: "Réunion annulée", date: "2027-03-21" }), before), "meeting_cancelled");
    await expectAppError(cancelMeeting(database.db, people.animateur, territory, id, { reason: "Deux fois" }, before), "meeting_cancelled");
    await expectAppError(respondToMeeting(database.db, people.membre, territory, id, "oui"), "meeting_cancelled");
  });
});
