import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "@/testing/template";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";

/*
 * A file that writes in the database while its journey runs (to set up a state or check one) gets its own server
 * on its own PostgreSQL database. The run's cluster is started once by the global setup; the demo is seeded once,
 * by the first file that asks, into a template database; each file then gets a copy of it (CREATE DATABASE …
 * TEMPLATE: a second, where starting a cluster and seeding the demo took 20 to 30).
 */

const TEMPLATE = "maillage_e2e_demo";
// Any fixed number: the files running at once take turns to create the template and their copies.
const LOCK = 724_001;

export type OwnServer = { baseUrl: string; dataDir: string; logFile: string; stop: () => Promise<void> };

function clusterUrl(): string {
  const url = inject("pgUrl");
  if (!url) throw new Error("Ce fichier de bout en bout a besoin de PostgreSQL 15 (scripts/pg-cluster.sh n'a pas pu démarrer de grappe : installez postgres/initdb/pg_ctl).");
  return url;
}

/** The URL of a new database holding the seeded demo territory, for this file alone. */
export async function ownDemoDatabase(): Promise<string> {
  const cluster = clusterUrl();
  const admin = new pg.Client({ connectionString: cluster });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock($1)", [LOCK]);
    const found = await admin.query("select 1 from pg_database where datname = $1", [TEMPLATE]);
    if (found.rowCount === 0) {
      // Seeded under another name and renamed once complete: a template that exists is a whole one.
      const seeding = `${TEMPLATE}_${randomBytes(4).toString("hex")}`;
      await admin.query(`create database ${seeding}`);
      const server = (await startServer({ env: { DATABASE_URL: withDatabase(cluster, seeding), DEMO: "1", DEMO_ACCOMPANIMENTS: "1000", AUTH_SECRET: randomBytes(32).toString("hex") } })) as OwnServer;
      await server.stop();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [seeding]);
      await admin.query(`alter database ${seeding} rename to ${TEMPLATE}`);
    }
    const name = `maillage_e2e_${randomBytes(6).toString("hex")}`;
    await admin.query(`create database ${name} template ${TEMPLATE}`);
    return withDatabase(cluster, name);
  } finally {
    await admin.query("select pg_advisory_unlock($1)", [LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/** A production server of the app on `databaseUrl` (the demo already there), with its own session secret. */
export async function startOwnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<OwnServer> {
  return (await startServer({ env: { DATABASE_URL: databaseUrl, DEMO: "1", DEMO_ACCOMPANIMENTS: "1000", AUTH_SECRET: randomBytes(32).toString("hex"), ...env } })) as OwnServer;
}
