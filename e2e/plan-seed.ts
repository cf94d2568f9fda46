/**
 * A server whose Charente demo has an action plan, for the plan's read-side pages (e2e only). The plan's forms
 * are built apart (the write side), so the rows are written straight into the database, the way the tests of
 * src/ do: a fresh data folder is migrated and seeded with the demo in this process (like `npx maillage`
 * does), the plan rows are added (src/testing/plan-rows.ts), the database is closed, then the production
 * server starts on that folder. PGlite is one process at a time: nothing writes while the server runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { startDatabase } from "@/boot";
import { openDatabase } from "@/platform/db/client";
import { parseEnv } from "@/platform/env";
import { actors } from "@/modules/actors/schema";
import { strategyAxes } from "@/modules/strategy/schema";
import { territories } from "@/modules/territories/schema";
import { insertPlanActions, insertPlanVersion, setInKindSettings } from "@/testing/plan-rows";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";

export type PlanServer = { baseUrl: string; dataDir: string; stop: () => Promise<void> };

export async function serverWithPlan(): Promise<PlanServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-plan-e2e-"));
  const env = parseEnv({ ...process.env, DATA_DIR: dir, DATABASE_URL: "", DEMO: "1", DEMO_ACCOMPANIMENTS: "1000" });
  const database = await openDatabase(env);
  try {
    await startDatabase(database, env);
    const db = database.db;
    const [charente] = await db.select().from(territories).where(eq(territories.slug, "charente"));
    if (!charente) throw new Error("demo territory charente missing");
    const [lead, partner] = await db.select({ id: actors.id }).from(actors).orderBy(actors.name).limit(2);
    const [proximite, competences] = await db
      .insert(strategyAxes)
      .values([
        { territoryId: charente.id, title: "Aller vers les habitants", position: 90 },
        { territoryId: charente.id, title: "Former et outiller", position: 91 },
      ])
      .returning({ id: strategyAxes.id });
    await setInKindSettings(db, charente.id, "euros", 300);
    // Versions above the demo's own (if any): 90 published, 91 the working one.
    const published = await insertPlanVersion(db, charente.id, { number: 90, title: "Plan d'action 2026–2027", startYear: 2026, endYear: 2027, frozenAt: new Date("2026-01-05T09:00:00Z"), publishedAt: new Date("2026-01-06T09:00:00Z") });
    const working = await insertPlanVersion(db, charente.id, { number: 91, title: "Plan d'action 2026–2027 (révision)", startYear: 2026, endYear: 2027 });
    const actions = [
      {
        title: "Permanences numériques itinérantes",
        axisId: proximite?.id,
        leadActorId: lead?.id,
        partners: partner ? [{ actorId: partner.id, role: "relais" }] : [],
        status: "en_cours" as const,
        startMonth: "2026-02-01",
        endMonth: "2027-06-01",
        communes: ["16015"],
        steps: [
          { title: "Achat du véhicule", dueDate: "2026-03-10", done: true },
          { title: "Premier bilan", dueDate: "2026-12-15" },
        ],
        budget: [
          { year: 2026, item: "Véhicule et animation", planned: 40000, actual: 38000 },
          { year: 2027, item: "Animation", planned: 20000 },
        ],
        fundings: [
          { funderLabel: "État (France numérique ensemble)", year: 2026, status: "accorde" as const, amount: 25000 },
          { funderLabel: "Département de la Charente", year: 2027, status: "demande" as const, amount: 10000 },
        ],
        inKind: [{ kind: "salle" as const, year: 2026, days: 10 }],
      },
      {
        title: "Ateliers numériques pour les parents",
        axisId: competences?.id,
        status: "planifiee" as const,
        startMonth: "2026-09-01",
        endMonth: "2026-12-01",
        budget: [{ year: 2026, item: "Animation", planned: 6000 }],
        fundings: [{ funderLabel: "CAF de la Charente", year: 2026, status: "verse" as const, amount: 6000 }],
      },
    ];
    await insertPlanActions(db, charente.id, published.id, actions);
    await insertPlanActions(db, charente.id, working.id, actions);
  } finally {
    await database.close();
  }
  const server = (await startServer({ env: { DEMO: "1" }, dataDir: dir })) as PlanServer;
  return server;
}
