import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./client";
import { withDatabase } from "@/testing/template";

/**
 * Migration 0007 (ownership and verification, decision 006) on data written before it: a database
 * migrated up to 0006, filled as the demo and an early account would have filled it, then migrated to
 * the end. What a territory wrote about an actor stays that territory's; the demo stays verified; a
 * territory opened by anyone waits for an administrator. Runs on PGlite, or on PostgreSQL when
 * DATABASE_URL is set (an empty database of its own).
 */

let database: Database;
let dropDatabase = async () => {};
const before = path.join(os.tmpdir(), `maillage-0006-${process.pid}-${randomBytes(4).toString("hex")}`);

async function run(folder: string) {
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}

async function rows<T>(sql: string): Promise<T[]> {
  const result = await database.db.execute(sql as never);
  return (result as unknown as { rows: T[] }).rows;
}

const CHARENTE = "00000000-0000-4000-8000-000000000016";
const PIRATE = "00000000-0000-4000-8000-000000000666";
const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const D = "00000000-0000-4000-8000-00000000000d";

beforeAll(async () => {
  // A migrations folder that stops at 0006: the state of main before this change.
  const journal = JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.filter((e) => e.tag < "0007");
  fs.mkdirSync(path.join(before, "meta"), { recursive: true });
  for (const e of upTo) fs.copyFileSync(path.join("drizzle", `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
  fs.writeFileSync(path.join(before, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: upTo }));

  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `maillage_m_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    database = await openDatabase({ DATABASE_URL: withDatabase(url, name), dataDir: "" });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    database = await openDatabase({ DATABASE_URL: undefined, dataDir: "" }, { inMemory: true });
  }
  await run(before);
  await database.exec(`
    insert into "user" (id, name, email) values ('u-coord', 'Coordination', 'coord@demo.test'), ('u-partner', 'Partenaire', 'partner@demo.test'), ('u-pirate', 'Pirate', 'pirate@exemple.test');
    insert into communes (code, name, departement, region, population, postcodes, search) values
      ('16015', 'Angoulême', '16', '75', 41000, '16000', 'angouleme'),
      ('16102', 'Cognac', '16', '75', 18000, '16100', 'cognac'),
      ('75056', 'Paris', '75', '11', 2100000, '75001', 'paris');
    insert into territories (id, slug, name, kind, source_code, is_demo, created_by, created_at) values
      ('${CHARENTE}', 'charente', 'Charente', 'departement', '16', true, null, now() - interval '2 days'),
      ('${PIRATE}', 'charente-bis', 'Charente bis', 'departement', '16', false, 'u-pirate', now() - interval '1 day');
    insert into territory_communes (territory_id, commune_code) values ('${CHARENTE}', '16015'), ('${PIRATE}', '16015');
    insert into memberships (territory_id, user_id, role) values ('${CHARENTE}', 'u-coord', 'coordinator'), ('${CHARENTE}', 'u-partner', 'partner'), ('${PIRATE}', 'u-pirate', 'coordinator');
    insert into actors (id, name, status, commune_code) values
      ('${A}', 'Centre social', 'engaged', '16015'),
      ('${B}', 'Médiathèque', 'to_mobilise', '16015'),
      ('${C}', 'Structure de Cognac', 'engaged', '16102');
    insert into actors (id, name, commune_code, source) values ('${D}', 'Structure de démonstration', '16015', 'demo');
    insert into actor_members (actor_id, user_id) values ('${A}', 'u-partner');
    insert into actor_contacts (id, actor_id, name, email) values
      ('10000000-0000-4000-8000-00000000000a', '${A}', 'Jeanne', 'jeanne@prive.test'),
      ('10000000-0000-4000-8000-00000000000b', '${B}', 'Paul', 'paul@prive.test'),
      ('10000000-0000-4000-8000-00000000000c', '${C}', 'Lou', 'lou@prive.test');
    insert into audit_events (actor_user_id, actor_label, territory_id, entity_type, entity_id, action) values
      ('u-coord', 'Coordination <coord@demo.test>', '${CHARENTE}', 'actor', '${A}', 'create'),
      ('u-coord', 'Coordination <coord@demo.test>', '${CHARENTE}', 'actor_contact', '10000000-0000-4000-8000-00000000000a', 'create');
    insert into maturity_assessments (id, actor_id, submitted_by, demo) values ('20000000-0000-4000-8000-00000000000b', '${B}', 'Équipe', true);
  `);
  await run("drizzle");
});

afterAll(async () => {
  await database?.close();
  await dropDatabase();
  fs.rmSync(before, { recursive: true, force: true });
});

describe("migration 0007 on existing data", () => {
  it("the demo (and what the system opened) is verified; a territory a person opened waits for an administrator", async () => {
    expect(await rows(`select slug, status from territories order by slug`)).toEqual([
      { slug: "charente", status: "verified" },
      { slug: "charente-bis", status: "pending" },
    ]);
  });

  it("private contacts belong to the territory that wrote them (audit log, else the verified territory that sees the actor); unseen ones are dropped", async () => {
    expect(await rows(`select name, territory_id from actor_contacts order by name`)).toEqual([
      { name: "Jeanne", territory_id: CHARENTE },
      { name: "Paul", territory_id: CHARENTE },
    ]);
  });

  it("the status moves to the owning territory's follow-up; partners and the demo's actors joined Charente", async () => {
    const follow = await rows<{ actor_id: string; territory_id: string; status: string; joined: boolean }>(
      `select actor_id, territory_id, status, joined_at is not null as joined from territory_actors order by actor_id`,
    );
    expect(follow).toEqual([
      { actor_id: A, territory_id: CHARENTE, status: "engaged", joined: true },
      { actor_id: B, territory_id: CHARENTE, status: "to_mobilise", joined: true },
      { actor_id: D, territory_id: CHARENTE, status: "to_mobilise", joined: true },
    ]);
    // The Cognac actor, seen by no territory, keeps no status anywhere; the column is gone from the shared record.
    expect(await rows(`select column_name from information_schema.columns where table_name = 'actors' and column_name = 'status'`)).toEqual([]);
  });
});
