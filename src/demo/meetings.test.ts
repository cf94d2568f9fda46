import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { actors } from "@/modules/actors";
import { groupMembers, groups } from "@/modules/groups";
import { planActions, planVersions } from "@/modules/plan";
import { strategyObjectives } from "@/modules/strategy";
import { findings } from "@/modules/findings";
import { decisionsOf, journeyOf } from "@/modules/meetings";
import { meetings, meetingParticipants } from "@/modules/meetings/schema";
import { DEMO_GROUP_NAMES, seedDemoMeetings } from "./meetings";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("demo meetings", () => {
  it("meetings of the two demo groups: approved minutes, minutes to approve, decisions linked to an objective and an action, an overdue follow-up", async () => {
    const db = database.db;
    const t = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "demo-reunions", name: "Angoulême" });
    const [actor] = await db.insert(actors).values({ name: "CCAS", worlds: ["social"] }).returning({ id: actors.id });
    const [inclusion, jeunesse] = await db
      .insert(groups)
      .values([
        { territoryId: t.id, name: DEMO_GROUP_NAMES.inclusion, kind: "groupe_de_travail" },
        { territoryId: t.id, name: DEMO_GROUP_NAMES.jeunesse, kind: "commission" },
      ])
      .returning({ id: groups.id });
    if (!inclusion || !jeunesse || !actor) throw new Error("setup");
    await db.insert(groupMembers).values(["Alice", "Bruno", "Chloé", "David"].map((name) => ({ groupId: inclusion.id, name, actorId: actor.id })));
    await db.insert(groupMembers).values(["Emma", "Farid"].map((name) => ({ groupId: jeunesse.id, name })));
    const [objective] = await db.insert(strategyObjectives).values({ territoryId: t.id, title: "Une permanence dans chaque bassin de vie", horizon: "court" }).returning({ id: strategyObjectives.id });
    const [version] = await db.insert(planVersions).values({ territoryId: t.id, number: 1, title: "Plan", kind: "pluriannuel", startYear: 2027, endYear: 2028 }).returning({ id: planVersions.id });
    if (!version) throw new Error("setup");
    const [action] = await db.insert(planActions).values({ territoryId: t.id, versionId: version.id, title: "Ateliers parents et ENT" }).returning({ id: planActions.id });

    const now = new Date("2027-03-15T10:00:00Z");
    expect(await seedDemoMeetings(db, t.id, now)).toEqual({ meetings: 3, decisions: 3 });
    const rows = await db.select().from(meetings).where(eq(meetings.territoryId, t.id));
    const byTitle = Object.fromEntries(rows.map((m) => [m.title, m]));
    expect(byTitle["Lancement du groupe de travail"]?.minutesApprovedAt).not.toBeNull();
    // 14:00 in Paris on 22 February 2027 (winter time) is 13:00 UTC.
    expect(byTitle["Lancement du groupe de travail"]?.startsAt.toISOString()).toBe("2027-02-22T13:00:00.000Z");
    expect(byTitle["Parents et espace numérique de travail"]).toMatchObject({ minutesApprovedAt: null });
    expect(byTitle["Permanences itinérantes : choix des communes"]?.startsAt.getTime()).toBeGreaterThan(now.getTime());
    // Three of the four members came to the launch (0.75 × 4).
    const launchId = byTitle["Lancement du groupe de travail"]?.id ?? "";
    const attended = await db.select().from(meetingParticipants).where(and(eq(meetingParticipants.meetingId, launchId), eq(meetingParticipants.attended, true)));
    expect(attended).toHaveLength(3);
    const all = await decisionsOf(db, t.id);
    expect(all.find((d) => d.objectives.some((o) => o.id === objective?.id))?.text).toMatch(/^Ouvrir une permanence/);
    expect(all.find((d) => d.actions.some((a) => a.id === action?.id))?.text).toMatch(/^Tester des ateliers parents-enfants/);
    const [finding] = await db.select().from(findings).where(eq(findings.originRef, launchId));
    expect(finding?.origin).toBe("meeting");
    const [journey] = await journeyOf(db, t, now);
    expect(journey?.next.map((s) => s.text)).toEqual(["1 suivi de décision en retard", "Compte rendu à approuver : « Parents et espace numérique de travail »"]);
  });

  it("without the demo groups, it seeds nothing", async () => {
    const t = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "demo-sans-groupes", name: "Cognac" });
    expect(await seedDemoMeetings(database.db, t.id)).toEqual({ meetings: 0, decisions: 0 });
  });
});
