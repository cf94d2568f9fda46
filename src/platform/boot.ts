import type { Database } from "@/platform/db/client";
import { migrate } from "@/platform/db/migrate";
import { ensureQueueSchema } from "@/platform/jobs/boss";
import type { Env } from "@/platform/env";
import { loadReferenceData } from "@/modules/geo/load";
import { seedDemoIfEmpty, type DemoReport } from "@/demo/seed";

export type BootReport = { referenceLoaded: boolean; demo: DemoReport | null };

export const publicDemoWarning =
  "ATTENTION : DEMO=1 sur une adresse publique. Les comptes de démonstration ont des mots de passe publiés " +
  "(dont un administrateur de la plateforme) : n'utilisez pas cette instance pour de vraies données, ou démarrez sans DEMO=1.";

/** Brings any database to the current state: migrations, reference data, and the demo on an empty instance. */
export async function prepareDatabase(database: Database, env: Pick<Env, "DEMO"> & Partial<Pick<Env, "demoOnPublicAddress">>): Promise<BootReport> {
  // On every start, not only the first: whoever restarts a public instance with the demo must see it.
  if (env.DEMO && env.demoOnPublicAddress) console.warn(`\n${publicDemoWarning}\n`);
  return database.withExclusive(async () => {
    await migrate(database);
    // pg-boss creates and migrates its own schema (`pgboss`), beside ours.
    await ensureQueueSchema(database);
    const referenceLoaded = await loadReferenceData(database.db);
    const demo = env.DEMO ? await seedDemoIfEmpty(database.db) : null;
    return { referenceLoaded, demo };
  });
}
