import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { prepareDatabase } from "@/boot";
import { dumpPglite, openDatabase } from "@/platform/db/client";

// A database prepared once (migrations + reference data), cloned by every test file:
// PGlite from a dump of its data folder, PostgreSQL with CREATE DATABASE … TEMPLATE.

export const PG_TEMPLATE = "maillage_test_template";

function contentHash(): string {
  const hash = createHash("sha256");
  for (const dir of ["drizzle", "data"]) {
    for (const f of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
      const full = path.join(dir, f);
      if (fs.statSync(full).isFile() && !f.startsWith("contours")) hash.update(f).update(fs.readFileSync(full));
    }
  }
  // Data shipped as code and loaded at start-up: a change must rebuild the template too.
  hash.update(fs.readFileSync("src/modules/funding/reference.ts"));
  return hash.digest("hex").slice(0, 16);
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Returns the path of the PGlite dump, building it when the migrations or data changed. */
export async function preparePgliteTemplate(): Promise<string> {
  const dir = path.join("node_modules", ".cache", "maillage");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.resolve(dir, `template-${contentHash()}.tar`);
  if (fs.existsSync(file)) return file;
  const database = await openDatabase({ DATABASE_URL: undefined, dataDir: "" }, { inMemory: true });
  await prepareDatabase(database, { DEMO: false });
  const blob = await dumpPglite(database);
  await database.close();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(tmp, file);
  return file;
}

export async function preparePostgresTemplate(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ DATABASE_URL: withDatabase(url, PG_TEMPLATE), dataDir: "" });
  await prepareDatabase(database, { DEMO: false });
  await database.close();
}
