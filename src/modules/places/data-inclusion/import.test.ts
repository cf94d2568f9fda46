import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "../commands";
import { placesForExport } from "../queries";
import { dataInclusionJson } from "./export";
import { dataInclusionPair } from "./pair";

/** A data·inclusion file goes through the standard import: line report, one transaction, issue 8 §1 ownership. */

let database: Database;
let charente: Territory;
let paris: Territory;
let parisCoordinator: Principal;
const system = { kind: "system", label: "test" } as const;
const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

const structure = (id: string, nom: string, commune: string, code_postal: string, adresse: string) => ({
  source: "dora",
  id,
  nom,
  commune,
  code_postal,
  adresse,
  siret: null,
  reseaux_porteurs: ["france-service"],
  date_maj: "2024-05-02",
});
const structures = [
  structure("s1", "Médiathèque d'Angoulême", "Angoulême", "16000", "1 rue Coulomb"),
  structure("s2", "Espace numérique de Cognac", "Cognac", "16100", "2 place François 1er"),
  { source: "dora", id: "s3", nom: "Sans adresse", date_maj: "2024-05-02", siret: null },
];
const services = [{ source: "dora", id: "v1", structure_id: "s1", nom: "Ateliers", description: "Ateliers pour débuter.", thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique"], type: "atelier", date_maj: "2024-05-02" }];

beforeAll(async () => {
  database = await openTestDatabase();
  charente = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-di", name: "Charente" });
  paris = await createTestTerritory(database.db, { kind: "commune", code: "75056", slug: "paris-di", name: "Paris" });
  const u = await createUser(database.db);
  await addMember(database.db, paris.id, u.id, "coordinator");
  parisCoordinator = await principalOf(database.db, u.id);
});
afterAll(async () => {
  await database?.close();
});

describe("importing data·inclusion structures and services", () => {
  it("a dry run reports line by line (line n = n-th structure) and writes nothing; the commit writes; again changes nothing", async () => {
    const bytes = encode({ structures, services });
    const dry = await importPlaces(database.db, system, { bytes, filename: "dora.json", territory: charente, dryRun: true });
    expect([dry.records, dry.rejected]).toEqual([3, 1]);
    expect(dry.lines.find((l) => l.line === 3)?.status).toBe("rejected");
    expect(await placesForExport(database.db, charente.id)).toHaveLength(0);

    const done = await importPlaces(database.db, system, { bytes, filename: "dora.json", territory: charente, dryRun: false });
    expect([done.created, done.rejected]).toEqual([2, 1]);
    const saved = await placesForExport(database.db, charente.id);
    expect(saved.map((p) => [p.id, p.source, p.dispositif_programmes_nationaux])).toEqual([
      ["s1", "dora", ["France Services"]],
      ["s2", "dora", ["France Services"]],
    ]);
    expect(saved[0]?.services).toEqual(["Maîtrise des outils numériques du quotidien"]);
    const again = await importPlaces(database.db, system, { bytes, filename: "dora.json", territory: charente, dryRun: false });
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 2]);
  });

  it("the export re-imports to the same places (unchanged)", async () => {
    const exported = dataInclusionJson(await placesForExport(database.db, charente.id));
    const back = await importPlaces(database.db, system, { bytes: new TextEncoder().encode(exported), filename: "export.json", territory: charente, dryRun: false });
    expect([back.created, back.updated, back.unchanged, back.rejected]).toEqual([0, 0, 2, 0]);
  });

  it("ownership (issue 8 §1): a Paris coordinator cannot change a Charente place through a data·inclusion file", async () => {
    const moved = [structure("s1", "Médiathèque déplacée", "Paris", "75001", "1 rue de Rivoli")];
    const report = await importPlaces(database.db, parisCoordinator, { bytes: encode(moved), filename: "dora.json", territory: paris, dryRun: false });
    expect(report.conflicts).toBe(1);
    expect(report.lines[0]?.status).toBe("conflict");
    const still = await placesForExport(database.db, charente.id);
    expect(still.find((p) => p.id === "s1")?.nom).toBe("Médiathèque d'Angoulême");
  });

  it("the file is parsed once: the structures turned into records are not written out and parsed again", async () => {
    const many = Array.from({ length: 30 }, (_, i) => structure(`p${i}`, `Lieu ${i}`, "Angoulême", "16000", `${i} rue Coulomb`));
    const bytes = encode({ structures: many, services });
    const parse = vi.spyOn(JSON, "parse");
    try {
      const dry = await importPlaces(database.db, system, { bytes, filename: "dora.json", territory: charente, dryRun: true });
      expect(dry.records).toBe(30);
      // Only the file itself (several kilobytes) is parsed; small parses (cached values) do not count.
      expect(parse.mock.calls.filter(([text]) => typeof text === "string" && text.length > 1000)).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });

  it("the command line joins the structures file and the services file (--services)", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "di-"));
    try {
      const file = path.join(folder, "services.json");
      fs.writeFileSync(file, JSON.stringify(services));
      const joined = await dataInclusionPair(encode(structures), file);
      expect(typeof joined).not.toBe("string");
      expect(JSON.parse(new TextDecoder().decode(joined as Uint8Array))).toEqual({ structures, services });
      expect(await dataInclusionPair(encode(structures), path.join(folder, "absent.json"))).toBe(`Impossible de lire le fichier de services « ${path.join(folder, "absent.json")} ».`);
      fs.writeFileSync(file, "{}");
      expect(await dataInclusionPair(encode(structures), file)).toBe("Les fichiers data·inclusion doivent être deux tableaux JSON : les structures, puis (--services) les services.");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
