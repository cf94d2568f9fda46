/**
 * A server whose Charente demo has accompaniment records written by hand, for the statistics pages (e2e only).
 * The record form is built apart (ACCOMP), so the rows are written straight into the database with aggregateIn,
 * like the tests of src/ (see e2e/plan-seed.ts for why: PGlite is one process at a time).
 *   place A (first demo place by name): 30 individual records in January 2026, « demarches », 10 oriented to B;
 *   place B: 8 records in February 2026, « courriel »;
 *   place C: 2 records in February 2026, « sante », at home.
 * Public figures by hand: 40 records; January 30, February 10; the theme « sante » (2) is a secret statistique.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { startDatabase } from "@/boot";
import { openDatabase } from "@/platform/db/client";
import { parseEnv } from "@/platform/env";
import { places } from "@/modules/places/schema";
import { communes } from "@/modules/geo/schema";
import { territories } from "@/modules/territories/schema";
import { accompaniments } from "@/modules/accompaniments/schema";
import { aggregateIn } from "@/modules/accompaniments/aggregate";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";

export type StatsServer = { baseUrl: string; dataDir: string; stop: () => Promise<void>; placeNames: string[] };

export async function serverWithAccompaniments(): Promise<StatsServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-accstats-e2e-"));
  const env = parseEnv({ ...process.env, DATA_DIR: dir, DATABASE_URL: "", DEMO: "1", DEMO_ACCOMPANIMENTS: "0" });
  const database = await openDatabase(env);
  let placeNames: string[] = [];
  try {
    await startDatabase(database, env);
    const db = database.db;
    const [charente] = await db.select().from(territories).where(eq(territories.slug, "charente"));
    if (!charente) throw new Error("demo territory charente missing");
    const codes = (await db.select({ code: communes.code }).from(communes).where(eq(communes.departement, "16"))).map((c) => c.code);
    const [a, b, c] = await db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.communeCode, codes)).orderBy(asc(places.name)).limit(3);
    if (!a || !b || !c) throw new Error("demo places missing");
    placeNames = [a.name, b.name, c.name];
    const base = { territoryId: charente.id, kind: "individuel" as const, people: 1, durationMinutes: 30, setting: "lieu" as const, origin: "demo" as const };
    const values = [
      ...Array.from({ length: 30 }, (_, i) => ({ ...base, placeId: a.id, occurredOn: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}`, themes: ["demarches"], orientedToPlaceId: i < 10 ? b.id : null })),
      ...Array.from({ length: 8 }, () => ({ ...base, placeId: b.id, occurredOn: "2026-02-10", themes: ["courriel"], orientedToPlaceId: null })),
      ...Array.from({ length: 2 }, () => ({ ...base, placeId: c.id, occurredOn: "2026-02-20", themes: ["sante"], setting: "domicile" as const, orientedToPlaceId: null })),
    ];
    await db.transaction(async (tx) => {
      const rows = await tx.insert(accompaniments).values(values).returning();
      await aggregateIn(tx, rows, 1);
    });
  } finally {
    await database.close();
  }
  const server = (await startServer({ env: { DEMO: "1" }, dataDir: dir })) as Omit<StatsServer, "placeNames">;
  return { ...server, placeNames };
}
