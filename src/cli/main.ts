import { count } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import { setPlatformAdmin } from "@/modules/accounts/admin";
import { prepareDatabase } from "@/platform/boot";
import { openDatabase, type Database } from "@/platform/db/client";
import { EnvError, getEnv } from "@/platform/env";
import { isAppError } from "@/platform/errors";
import { communes } from "@/modules/geo/schema";
import { listTerritories } from "@/modules/territories/queries";
import { territories } from "@/modules/territories/schema";
import { printDemoAccounts } from "@/testing/demo";

const usage = `Utilisation : npx maillage <commande>

Commandes :
  status                    état de la base (type, territoires, comptes, communes)
  territories list          liste des territoires (adresse, nom, type)
  admin grant <courriel>    donne les droits d'administration de la plateforme
  admin revoke <courriel>   retire ces droits
  migrate                   met la base à jour (fait aussi par toutes les autres commandes)
  help                      cette aide

La configuration est celle du serveur (DATA_DIR, DATABASE_URL, DEMO…, voir README).`;

type Command = (database: Database, args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async status(database) {
    const db = database.db;
    const [t] = await db.select({ n: count() }).from(territories);
    const [u] = await db.select({ n: count() }).from(user);
    const [c] = await db.select({ n: count() }).from(communes);
    console.log(JSON.stringify({ database: database.kind, territories: t?.n ?? 0, users: u?.n ?? 0, communes: c?.n ?? 0 }));
    return 0;
  },
  async territories(database, [sub]) {
    if (sub !== "list") return fail(`Sous-commande inconnue : « ${sub ?? ""} ». Essayez : npx maillage territories list`);
    for (const t of await listTerritories(database.db)) console.log(`${t.slug}\t${t.name}\t${t.kind}${t.isDemo ? "\tdémo" : ""}`);
    return 0;
  },
  async admin(database, [sub, email]) {
    if ((sub !== "grant" && sub !== "revoke") || !email) return fail("Utilisation : npx maillage admin grant|revoke <courriel>");
    await setPlatformAdmin(database.db, { kind: "system", label: "ligne de commande" }, email, sub === "grant");
    console.log(sub === "grant" ? `${email} administre désormais la plateforme.` : `${email} n'administre plus la plateforme.`);
    return 0;
  },
  async migrate() {
    console.log("La base est à jour.");
    return 0;
  },
};

function fail(message: string): number {
  console.error(message);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) return fail(`Commande inconnue : « ${name} ».\n\n${usage}`);
  let database: Database | undefined;
  try {
    const env = getEnv();
    database = await openDatabase(env);
    // Like the server: an empty database is migrated and seeded before anything else.
    const report = await prepareDatabase(database, env);
    if (report.demo?.created) printDemoAccounts(report.demo);
    return await command(database, args);
  } catch (e) {
    if (e instanceof EnvError || isAppError(e)) {
      console.error(e.message);
      return 3;
    }
    throw e;
  } finally {
    await database?.close();
  }
}
