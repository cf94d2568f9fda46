import { count } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import { setPlatformAdmin } from "@/modules/accounts/admin";
import { startDatabase } from "@/boot";
import { openDatabase, type Database } from "@/platform/db/client";
import { EnvError, getEnv } from "@/platform/env";
import { isAppError } from "@/platform/errors";
import { communes } from "@/modules/geo/schema";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { findTerritoryBySlug, listTerritories } from "@/modules/territories/queries";
import { reviewTerritory } from "@/modules/territories/commands";
import { importPlaces } from "@/modules/places/commands";
import { exportGeoJson } from "@/modules/places/geojson";
import { placesForExport, registryForExport } from "@/modules/places/queries";
import { exportCsv, exportJson } from "@/modules/places/standard/export";
import { dataInclusionJson } from "@/modules/places/data-inclusion/export";
import { dataInclusionPair } from "@/modules/places/data-inclusion/pair";
import { placesValidate } from "./places";
import { mapArgs, placesMap } from "./map";
import { diagnosticExport } from "./diagnostic";
import { planCommand } from "./plan";
import { charterCommand } from "./charter";
import { indicatorsCommand } from "./indicators";
import { accompanimentsCommand } from "./accompaniments";
import { territories } from "@/modules/territories/schema";

const usage = `Utilisation : npx maillage <commande>

Commandes :
  status                    état de la base (type, territoires, comptes, communes)
  territories list          liste des territoires (adresse, nom, type, état de vérification)
  territories verify|refuse|suspend ADRESSE [--reason TEXTE]
                            décision de l'administration sur un territoire (raison obligatoire
                            pour refuser ou suspendre)
  admin grant <courriel>    donne les droits d'administration de la plateforme
  admin revoke <courriel>   retire ces droits
  places validate FICHIER   vérifie un fichier de lieux (standard national, toute version) sans base
  places map FICHIER [--mapping M.json] [--save-mapping SORTIE.json] [--territory ADRESSE] [--dry-run] [--report RAPPORT.json]
                            associe les colonnes d'un fichier de producteur (XLSX, CSV, JSON) au
                            standard : la correspondance utilisée (suggérée ou donnée) sur la sortie
                            standard, le rapport ligne à ligne sur l'erreur standard ou dans --report ;
                            sans territoire, rien n'est écrit ; avec, les lieux sont importés
  places import FICHIER [--services SERVICES] [--territory ADRESSE] [--dry-run]
                            importe des lieux (rapport JSON ligne à ligne) ; avec un territoire,
                            les lieux hors de son périmètre sont signalés et ignorés ; un fichier
                            de structures data·inclusion est reconnu (--services : ses services)
  places export [--territory ADRESSE] --format csv|json|geojson|data-inclusion
                            écrit les lieux sur la sortie standard (standard v1.0.2, ou
                            structures et services data·inclusion v1)
  diagnostic export --territory ADRESSE
                            écrit le tableau par commune du portrait (CSV) sur la sortie standard
  plan export --territory ADRESSE --format json|xlsx|ods|odt [--version N]
                            écrit le plan d'action (version de travail, ou version N) sur la
                            sortie standard : le même contenu que les exports de l'espace
  charter pdf|odt --territory ADRESSE [--version N]
                            écrit la charte sur la sortie standard (pour une version signée :
                            le PDF signé conservé, celui dont l'empreinte est au journal)
  charter verify FICHIER.pdf
                            dit si ce PDF est une version signée inscrite au journal, par qui et
                            quand (code 0), ou non (code 1)
  charter journal --territory ADRESSE
                            écrit le journal des signatures (lignes JSON) et vérifie sa chaîne
                            (code 1 si elle est rompue)
  indicators export --territory ADRESSE --format csv|json
                            écrit les indicateurs de l'évaluation et leurs mesures (cibles,
                            statut du jour) sur la sortie standard
  accompaniments export --territory ADRESSE --format csv|xlsx|ods [--from AAAA-MM] [--to AAAA-MM] [--commune CODE]
                            écrit les accompagnements (une ligne chacun, sans donnée personnelle)
  accompaniments stats --territory ADRESSE --by theme|month|place|commune|orientation|… --format csv|xlsx|ods
                            écrit les statistiques des accompagnements (une dimension en CSV, toutes
                            en XLSX/ODS) sur la sortie standard
  migrate                   met la base à jour (fait aussi par toutes les autres commandes)
  help                      cette aide

La configuration est celle du serveur (DATA_DIR, DATABASE_URL, DEMO…, voir README).`;

type Command = (database: Database, args: string[]) => Promise<number>;

/**
 * Standard output carries data only (JSON, CSV, lists), so that `npx maillage … > fichier` gives a
 * valid file: data is written with `out`, and while the CLI runs every console.log/info/warn/debug
 * of any code (the demo banner at first start, a mail without SMTP, a library's notice) goes to
 * standard error with the other messages.
 */
const out = (text: string) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);

function messagesToStandardError(): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, debug: console.debug };
  const toStderr = (...args: unknown[]) => console.error(...args);
  Object.assign(console, { log: toStderr, info: toStderr, warn: toStderr, debug: toStderr });
  return () => Object.assign(console, saved);
}

const commands: Record<string, Command> = {
  async status(database) {
    const db = database.db;
    const [t] = await db.select({ n: count() }).from(territories);
    const [u] = await db.select({ n: count() }).from(user);
    const [c] = await db.select({ n: count() }).from(communes);
    out(JSON.stringify({ database: database.kind, territories: t?.n ?? 0, users: u?.n ?? 0, communes: c?.n ?? 0 }));
    return 0;
  },
  async territories(database, [sub, slug, ...rest]) {
    if (sub === "verify" || sub === "refuse" || sub === "suspend") {
      const territory = slug ? await findTerritoryBySlug(database.db, slug) : undefined;
      if (!territory) return fail(`Territoire inconnu : « ${slug ?? ""} ». Voir : npx maillage territories list`);
      const updated = await reviewTerritory(database.db, { kind: "system", label: "ligne de commande" }, territory.id, { decision: sub, reason: option(rest, "--reason") ?? "" });
      console.error(`« ${updated.name} » : ${updated.status}.`);
      return 0;
    }
    if (sub !== "list") return fail(`Sous-commande inconnue : « ${sub ?? ""} ». Essayez : npx maillage territories list`);
    for (const t of await listTerritories(database.db)) out(`${t.slug}\t${t.name}\t${t.kind}\t${t.status}${t.isDemo ? "\tdémo" : ""}`);
    return 0;
  },
  async admin(database, [sub, email]) {
    if ((sub !== "grant" && sub !== "revoke") || !email) return fail("Utilisation : npx maillage admin grant|revoke <courriel>");
    await setPlatformAdmin(database.db, { kind: "system", label: "ligne de commande" }, email, sub === "grant");
    console.error(sub === "grant" ? `${email} administre désormais la plateforme.` : `${email} n'administre plus la plateforme.`);
    return 0;
  },
  async places(database, [sub, ...rest]) {
    const territorySlug = option(rest, "--territory");
    const territory = territorySlug ? await findTerritoryBySlug(database.db, territorySlug) : undefined;
    if (territorySlug && !territory) return fail(`Territoire inconnu : « ${territorySlug} ». Voir : npx maillage territories list`);
    if (sub === "import") {
      const servicesFile = option(rest, "--services");
      const file = rest.find((a) => !a.startsWith("--") && a !== territorySlug && a !== servicesFile);
      if (!file) return fail("Utilisation : npx maillage places import FICHIER [--services SERVICES] [--territory ADRESSE] [--dry-run]");
      let bytes: Uint8Array | undefined = await readFile(file).then((b) => new Uint8Array(b)).catch(() => undefined);
      if (!bytes) return fail(`Impossible de lire le fichier « ${file} ».`);
      if (servicesFile) {
        // data·inclusion publishes structures and services as two files: joined as the import reads them.
        const joined = await dataInclusionPair(bytes, servicesFile);
        if (typeof joined === "string") return fail(joined);
        bytes = joined;
      }
      const report = await importPlaces(database.db, { kind: "system", label: "ligne de commande" }, { bytes, filename: path.basename(file), territory, dryRun: rest.includes("--dry-run") });
      const { lines: _lines, ...summary } = report;
      out(JSON.stringify(summary));
      return 0;
    }
    if (sub === "map") {
      const args = mapArgs(rest);
      if ("error" in args) return fail(args.error);
      return placesMap(args, territory ? { db: database.db, territory } : undefined);
    }
    if (sub === "export") {
      const format = option(rest, "--format");
      if (format !== "csv" && format !== "json" && format !== "geojson" && format !== "data-inclusion") {
        return fail("Utilisation : npx maillage places export [--territory ADRESSE] --format csv|json|geojson|data-inclusion");
      }
      const list = territory ? await placesForExport(database.db, territory.id) : await registryForExport(database.db);
      out(format === "csv" ? exportCsv(list) : format === "json" ? exportJson(list) : format === "data-inclusion" ? dataInclusionJson(list) : exportGeoJson(list).json);
      return 0;
    }
    return fail("Utilisation : npx maillage places validate|map|import|export …");
  },
  async diagnostic(database, [sub, ...rest]) {
    if (sub !== "export") return fail("Utilisation : npx maillage diagnostic export --territory ADRESSE");
    return diagnosticExport(database.db, option(rest, "--territory"));
  },
  async plan(database, args) {
    return planCommand(database.db, args);
  },
  async charter(database, args) {
    return charterCommand(database.db, args);
  },
  async indicators(database, args) {
    return indicatorsCommand(database.db, args);
  },
  async accompaniments(database, args) {
    return accompanimentsCommand(database.db, args);
  },
  async migrate() {
    console.error("La base est à jour.");
    return 0;
  },
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

/**
 * A reader that stops early (`… | head`) closes the pipe: like other Unix tools, stop quietly instead of
 * printing an unhandled EPIPE error. Any other write error still surfaces.
 */
let pipeWatched = false;
function stopQuietlyOnClosedPipe(): void {
  // Once per process: tests call main() many times in one process.
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  stopQuietlyOnClosedPipe();
  const restore = messagesToStandardError();
  try {
    return await run(argv);
  } finally {
    restore();
  }
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    // Asked for, the help is the command's output; without a command it is an error message.
    if (name) out(usage);
    else console.error(usage);
    return name ? 0 : 2;
  }
  // Validation reads a file only: no database, so it also works while the server runs.
  if (name === "places" && args[0] === "validate") {
    if (!args[1]) return fail("Utilisation : npx maillage places validate FICHIER");
    return placesValidate(args[1]);
  }
  // Mapping without a territory checks only: no database either.
  if (name === "places" && args[0] === "map" && !args.includes("--territory")) {
    const parsed = mapArgs(args.slice(1));
    return "error" in parsed ? fail(parsed.error) : placesMap(parsed);
  }
  const command = commands[name];
  if (!command) return fail(`Commande inconnue : « ${name} ».\n\n${usage}`);
  let database: Database | undefined;
  try {
    const env = getEnv();
    database = await openDatabase(env);
    // Like the server: an empty database is migrated and seeded before anything else.
    await startDatabase(database, env);
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
