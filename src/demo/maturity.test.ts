import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { actors } from "@/modules/actors/schema";
import { maturityAnswers, maturityAssessments } from "@/modules/maturity/schema";
import { actorMaturity, territoryMaturity } from "@/modules/maturity/queries";
import { territories } from "@/modules/territories/schema";
import { openTestDatabase } from "@/testing/db";
import { seedDemoIfEmpty } from "./seed";
import { planDemoAssessments } from "./maturity";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoIfEmpty(database.db, { accompaniments: 1_000 });
});
afterAll(async () => {
  await database?.close();
});

const DAY = 24 * 3600 * 1000;

describe("the demo self-assessments", () => {
  it("about two thirds of the demo actors self-assessed, all marked demo, six answers each", async () => {
    const db = database.db;
    const [t] = await db.select().from(territories).where(eq(territories.slug, "charente"));
    const view = await territoryMaturity(db, { id: t?.id ?? "", status: t?.status ?? "pending" });
    const [all] = await db.select({ n: count() }).from(actors);
    expect(view.visibleActors).toBe(all?.n);
    const share = view.summary.assessed / view.visibleActors;
    expect(share).toBeGreaterThanOrEqual(0.55);
    expect(share).toBeLessThanOrEqual(0.75);
    const [notDemo] = await db.select({ n: count() }).from(maturityAssessments).where(eq(maturityAssessments.demo, false));
    expect(notDemo?.n).toBe(0);
    const [assessments] = await db.select({ n: count() }).from(maturityAssessments);
    const [answers] = await db.select({ n: count() }).from(maturityAnswers);
    expect(answers?.n).toBe((assessments?.n ?? 0) * 6);
    // Varied: every dimension has at least two different levels across the actors.
    for (const d of view.summary.dimensions) expect(new Set(view.rows.map((r) => r.levels[d.dimension])).size).toBeGreaterThan(1);
  });

  it("some actors submitted twice, months apart; the history shows both, newest first", async () => {
    const db = database.db;
    const [t] = await db.select().from(territories).where(eq(territories.slug, "charente"));
    const twice = await db.select({ actorId: maturityAssessments.actorId, n: count() }).from(maturityAssessments).groupBy(maturityAssessments.actorId);
    const repeated = twice.filter((r) => r.n === 2);
    expect(repeated.length).toBeGreaterThan(3);
    const { history } = await actorMaturity(db, t?.id ?? "", repeated[0]?.actorId ?? "");
    expect(history).toHaveLength(2);
    const [newer, older] = history;
    expect((newer?.submittedAt.getTime() ?? 0) - (older?.submittedAt.getTime() ?? 0)).toBeGreaterThan(90 * DAY);
  });

  it("the plan is the same on every instance (seeded), and assesses nobody twice in the same day", () => {
    const list = Array.from({ length: 40 }, (_, i) => ({ id: `a-${i}`, name: i % 2 ? `COMMUNE DE TEST ${i}` : `France Services ${i}` }));
    const now = new Date("2026-03-01T12:00:00Z");
    const a = planDemoAssessments(list, now);
    expect(planDemoAssessments(list, now)).toEqual(a);
    const perActor = new Map<string, number[]>();
    for (const p of a) perActor.set(p.actorId, [...(perActor.get(p.actorId) ?? []), p.submittedAt.getTime()]);
    for (const times of perActor.values()) expect(new Set(times.map((x) => Math.floor(x / DAY))).size).toBe(times.length);
    expect(a.every((p) => p.submittedAt < now)).toBe(true);
  });
});
