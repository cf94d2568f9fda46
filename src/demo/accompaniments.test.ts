import fs from "node:fs";
import path from "node:path";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { places } from "@/modules/places/schema";
import type { Territory } from "@/modules/territories/queries";
import { accompaniments, accompanimentFlows, accompanimentStats } from "@/modules/accompaniments/schema";
import { personalDataIn } from "@/modules/accompaniments/personal-data";
import { themeKeys } from "@/modules/accompaniments/validation";
import { seedDemoAccompaniments } from "./accompaniments";

let database: Database;
let charente: Territory;
const NOW = new Date("2026-06-15T10:00:00Z");

beforeAll(async () => {
  database = await openTestDatabase();
  charente = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-accomp", name: "Charente" });
  for (const file of fs.readdirSync("data/demo").filter((f) => f.endsWith(".json"))) {
    await importPlaces(database.db, { kind: "system", label: "test" }, { bytes: new Uint8Array(fs.readFileSync(path.join("data/demo", file))), filename: file, territory: charente, dryRun: false });
  }
  // 3,000 records: the same generator as the demo's 50,000, smaller for the test's time.
  expect(await seedDemoAccompaniments(database.db, charente.id, 3000, NOW)).toBe(3000);
});
afterAll(async () => {
  await database?.close();
});

describe("the demo accompaniment records", () => {
  it("are spread over the real places of Charente, over the past 15 months, never in the future nor on a Sunday", async () => {
    const [r] = await database.db
      .select({ n: sql<number>`count(*)::int`, places: sql<number>`count(distinct ${accompaniments.placeId})::int`, first: sql<string>`min(${accompaniments.occurredOn})::text`, last: sql<string>`max(${accompaniments.occurredOn})::text`, sundays: sql<number>`count(*) filter (where extract(dow from ${accompaniments.occurredOn}) = 0)::int` })
      .from(accompaniments)
      .where(eq(accompaniments.territoryId, charente.id));
    expect(r?.n).toBe(3000);
    const [p] = await database.db.select({ n: sql<number>`count(*)::int` }).from(places);
    expect(r?.places).toBeGreaterThan((p?.n ?? 0) / 2);
    expect(r?.last).toBe("2026-06-15"); // today, Paris
    expect(r?.first && r.first >= "2025-03-01" && r.first <= "2025-03-31").toBe(true); // 15 months back
    expect(r?.sundays).toBe(0);
  });

  it("mix individual and collective sessions, with valid themes, titles without personal data, and orientations to other places", async () => {
    const rows = await database.db.select().from(accompaniments).where(eq(accompaniments.territoryId, charente.id));
    const collective = rows.filter((r) => r.kind === "collectif");
    expect(collective.length / rows.length).toBeGreaterThan(0.08);
    expect(collective.length / rows.length).toBeLessThan(0.2);
    expect(collective.every((r) => r.title !== "" && personalDataIn(r.title) === undefined && r.people >= 3)).toBe(true);
    expect(rows.every((r) => r.themes.length > 0 && r.themes.every((t) => themeKeys.includes(t)))).toBe(true);
    const oriented = rows.filter((r) => r.orientedToPlaceId !== null);
    expect(oriented.length).toBeGreaterThan(100);
    expect(oriented.every((r) => r.orientedToPlaceId !== r.placeId)).toBe(true);
    expect(rows.every((r) => r.origin === "demo" && r.durationMinutes <= 180 && Object.values(r.ageBands).reduce((a, b) => a + b, 0) <= r.people)).toBe(true);
  });

  it("are counted in the statistics: totals equal the records", async () => {
    const [stats] = await database.db
      .select({ records: sql<number>`sum(${accompanimentStats.records})::int`, people: sql<number>`sum(${accompanimentStats.people})::int`, minutes: sql<number>`sum(${accompanimentStats.minutes})::int` })
      .from(accompanimentStats)
      .where(and(eq(accompanimentStats.territoryId, charente.id), eq(accompanimentStats.dimension, "total")));
    const [raw] = await database.db
      .select({ records: sql<number>`count(*)::int`, people: sql<number>`sum(${accompaniments.people})::int`, minutes: sql<number>`sum(${accompaniments.durationMinutes})::int` })
      .from(accompaniments)
      .where(eq(accompaniments.territoryId, charente.id));
    expect(stats).toEqual(raw);
    // The flows' pre-aggregate: its grain 16 is the whole history (flows.ts).
    const [orientation] = await database.db
      .select({ records: sql<number>`sum(${accompanimentFlows.records})::int` })
      .from(accompanimentFlows)
      .where(and(eq(accompanimentFlows.territoryId, charente.id), eq(accompanimentFlows.grain, 16)));
    const [orientedRaw] = await database.db.select({ n: sql<number>`count(*)::int` }).from(accompaniments).where(and(eq(accompaniments.territoryId, charente.id), isNotNull(accompaniments.orientedToPlaceId)));
    expect(orientation?.records).toBe(orientedRaw?.n);
  });
});
