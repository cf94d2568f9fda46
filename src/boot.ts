/**
 * The start-up of a process (server, CLI, tests, benches): what a database needs before it serves, and the
 * modules' hooks that platform code calls without importing modules. Importing this file wires the process;
 * src/instrumentation-node.ts, src/cli/main.ts and the test template do.
 */
import type { Database } from "@/platform/db/client";
import { migrate } from "@/platform/db/migrate";
import { ensureQueueSchema } from "@/platform/jobs/boss";
import type { Env } from "@/platform/env";
import { registerRoleSource } from "@/platform/auth/principals";
import { configureStartup } from "@/platform/runtime";
import { loadReferenceData } from "@/modules/geo/load";
import { loadFundingReference } from "@/modules/funding/load";
import { rolesOf } from "@/modules/territories/roles";
import type { DemoReport } from "@/demo/seed";
import { eq } from "drizzle-orm";
import { territories } from "@/modules/territories/schema";
import { registerCharterHtmlRenderer } from "@/modules/signatures";
import { registerPlaceMergeStep } from "@/modules/places";
import { moveRecordsOfPlaceIn } from "@/modules/accompaniments";
import { charterDocument, renderCharterHtml } from "@/composition/charter/document";

export type BootReport = { referenceLoaded: boolean; demo: DemoReport | null };

export const publicDemoWarning =
  "ATTENTION : DEMO=1 sur une adresse publique. Les comptes de démonstration ont des mots de passe publiés " +
  "(dont un administrateur de la plateforme) : n'utilisez pas cette instance pour de vraies données, ou démarrez sans DEMO=1.";

/** Brings any database to the current state: migrations, reference data, and the demo on an empty instance. */
export async function prepareDatabase(database: Database, env: Pick<Env, "DEMO"> & Partial<Pick<Env, "demoOnPublicAddress" | "DEMO_ACCOMPANIMENTS">>): Promise<BootReport> {
  // On every start, not only the first: whoever restarts a public instance with the demo must see it.
  if (env.DEMO && env.demoOnPublicAddress) console.warn(`\n${publicDemoWarning}\n`);
  return database.withExclusive(async () => {
    await migrate(database);
    // pg-boss creates and migrates its own schema (`pgboss`), beside ours.
    await ensureQueueSchema(database);
    const referenceLoaded = await loadReferenceData(database.db);
    // The shipped list of funding sources and resources (src/modules/funding/reference.ts), upserted by key when it changed.
    await loadFundingReference(database.db);
    // The demo seed is loaded only when the demo is on: a real instance never loads its code.
    const demo = env.DEMO ? await (await import("@/demo/seed")).seedDemoIfEmpty(database.db, { accompaniments: env.DEMO_ACCOMPANIMENTS }) : null;
    return { referenceLoaded, demo };
  });
}

/** A start: the database prepared, and the demo accounts printed when the demo was just created. */
export async function startDatabase(database: Database, env: Env): Promise<BootReport> {
  const report = await prepareDatabase(database, env);
  if (report.demo?.created) (await import("@/demo/seed")).printDemoAccounts(report.demo);
  return report;
}

// Platform code asks for these through hooks (platform never imports modules).
registerRoleSource(rolesOf);
// Merging two places moves the accompaniments recorded at the removed one (places may not import accompaniments).
registerPlaceMergeStep(moveRecordsOfPlaceIn);
// The signed charter's PDF prints the charter's own document (composition layer), which the signatures module may not import.
registerCharterHtmlRenderer(async (db, territoryId, versionId) => {
  const [territory] = await db.select().from(territories).where(eq(territories.id, territoryId));
  if (!territory) throw new Error("territory not found for the charter's print");
  return renderCharterHtml(await charterDocument(db, territory, versionId));
});
configureStartup(async (database, env) => {
  await startDatabase(database, env);
});
