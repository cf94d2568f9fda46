import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { applyMapping, standardJson } from "./apply";
import { saveMapping } from "./commands";
import { findMapping } from "./queries";
import { readProducerFile, type ProducerTable } from "./read";
import { importMappings, type ColumnMapping } from "./schema";
import { projections } from "./normalize/projections";
import { columnMappingSchema, mappingFileText, readMappingFile } from "./validation";
import { importMapped } from "./wizard";
import { enumValues, fieldNames, isEnumField } from "../standard/schema";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";
const TODAY = "2026-11-20";

async function rawTable(name: string): Promise<ProducerTable> {
  const result = await readProducerFile(new Uint8Array(fs.readFileSync(`${RAW}/${name}`)), name);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

/** A mapping using every part of the format, on the Gironde export. */
const full: ColumnMapping = {
  fields: { nom: "Lieu", adresse: "Adresse postale", code_postal: "Adresse postale", commune: "Commune", telephone: "Téléphone" },
  constants: { source: "Département de la Gironde", frais_a_charge: "Gratuit" },
  translations: { dispositif_programmes_nationaux: { rules: [{ terms: ["Conseiller numérique", "CNFS"], values: ["Conseillers numériques"] }], exclude: ["Aucun"] } },
  compose: { presentation_resume: { kind: "concat", columns: ["Lieu", "Commune"], separator: " — " } },
};

describe("the mapping file", () => {
  it("is written in a fixed shape (format, version, name, standard, then the mapping) and read back to the same mapping", () => {
    const text = mappingFileText(full, "Export Gironde");
    expect(text.startsWith('{\n  "format": "maillage-correspondance",\n  "version": 1,\n  "name": "Export Gironde",\n  "standard": "v1.0.2",\n  "fields": {')).toBe(true);
    expect(readMappingFile(text)).toEqual({ ok: true, mapping: full, name: "Export Gironde" });
    // Export → import → export: the same bytes.
    const again = readMappingFile(text);
    expect(again.ok && mappingFileText(again.mapping, again.name)).toBe(text);
  });

  it("refuses what is not a mapping with French errors saying where", () => {
    expect(readMappingFile("{")).toEqual({ ok: false, errors: ["Le fichier de correspondance n'est pas du JSON lisible."] });
    expect(readMappingFile('{"format":"autre","version":1,"fields":{}}')).toEqual({ ok: false, errors: ["format : Ce fichier n'est pas une correspondance Maillage (« format » doit valoir « maillage-correspondance »)."] });
    expect(readMappingFile('{"format":"maillage-correspondance","version":2,"fields":{}}')).toEqual({ ok: false, errors: ["version : Version de correspondance non prise en charge : seule la version 1 est lue."] });
    const bad = readMappingFile(
      JSON.stringify({ format: "maillage-correspondance", version: 1, fields: { nom: "" }, translations: { services: { rules: [{ terms: ["x"], values: ["Cours de cuisine"] }] }, nom: {} }, compose: { horaires: { kind: "hours_by_day", days: ["a"] } }, extra: 1 }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toEqual(
      expect.arrayContaining([
        "fields.nom : Nom de colonne vide.",
        "translations.services.rules.0.values : « Cours de cuisine » n'est pas une valeur du champ services. Valeurs possibles : Aide aux démarches administratives ; Maîtrise des outils numériques du quotidien ; Insertion professionnelle via le numérique ; Utilisation sécurisée du numérique ; Parentalité et éducation avec le numérique ; Loisirs et créations numériques ; Compréhension du monde numérique ; Accès internet et matériel informatique ; Acquisition de matériel informatique à prix solidaire.",
        'compose.horaires.days : Sept colonnes, du lundi au dimanche ("" pour un jour sans colonne).',
      ]),
    );
    expect(!bad.ok && bad.errors).toEqual(expect.arrayContaining(['translations : Clé non reconnue : "nom"', 'Clé non reconnue : "extra"']));
    expect(!bad.ok && bad.errors).toHaveLength(5);
  });
});

let database: Database;
let territory: Territory;
let coordinator: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { name: "Gironde", slug: "gironde-fichier-correspondance", kind: "departement", code: "33" });
  const u = await createUser(database.db);
  await addMember(database.db, territory.id, u.id, "coordinator");
  coordinator = await principalOf(database.db, u.id);
});
afterAll(async () => {
  await database?.close();
});

describe("replay", () => {
  it("a saved mapping, exported then imported again, gives the same places byte for byte", async () => {
    const table = await rawTable("gironde.json");
    const saved = await saveMapping(database.db, coordinator, territory, { name: "Gironde complète", mapping: full });
    const stored = await findMapping(database.db, territory.id, saved.mapping.id);
    if (!stored) throw new Error("not stored");
    const file = readMappingFile(mappingFileText(stored.mapping, stored.name));
    if (!file.ok) throw new Error(file.errors.join("\n"));
    const before = standardJson(applyMapping(table, full, { today: TODAY }).records);
    const after = standardJson(applyMapping(table, file.mapping, { today: TODAY }).records);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(after))[0]).toMatchObject({ source: "Département de la Gironde", frais_a_charge: "Gratuit" });
  });

  it("a mapping stored in the first shape (fields and constants only) still loads, exports and replays", async () => {
    const old = { fields: { nom: "Lieu", adresse: "Adresse postale", code_postal: "Adresse postale", commune: "Commune" }, constants: { source: "Département de la Gironde" } };
    const [row] = await database.db.insert(importMappings).values({ territoryId: territory.id, name: "Ancienne forme", mapping: old }).returning();
    const stored = row ? await findMapping(database.db, territory.id, row.id) : undefined;
    expect(stored?.mapping).toEqual(old);
    expect(columnMappingSchema.parse(stored?.mapping)).toEqual(old);
    const file = readMappingFile(mappingFileText(old, "Ancienne forme"));
    expect(file).toEqual({ ok: true, mapping: old, name: "Ancienne forme" });
    const report = await importMapped(database.db, coordinator, { territory, table: await rawTable("gironde.json"), filename: "gironde.json", mapping: old, today: TODAY, dryRun: true });
    expect(report.records).toBeGreaterThan(0);
    expect(report.accepted + report.warned).toBeGreaterThan(0);
  });
});

describe("docs/mapping.schema.json", () => {
  const schema = JSON.parse(fs.readFileSync("docs/mapping.schema.json", "utf8")) as {
    properties: { fields: { properties: Record<string, unknown> }; translations: { properties: Record<string, unknown> } };
    $defs: Record<string, { properties?: { rules?: { items: { properties: { values: { items: { enum: string[] } } } } } } }>;
  };
  it("names every field of the standard, and for each enumerated field exactly its values", () => {
    expect(Object.keys(schema.properties.fields.properties)).toEqual([...fieldNames]);
    const enumerated = fieldNames.filter(isEnumField);
    expect(Object.keys(schema.properties.translations.properties)).toEqual(enumerated);
    for (const f of enumerated) expect(schema.$defs[`translation_${f}`]?.properties?.rules?.items.properties.values.items.enum).toEqual([...enumValues(f)]);
  });
  it("lists exactly the projections a mapping may name", () => {
    const projection = (schema.properties as unknown as { projection: { enum: string[] } }).projection;
    expect(projection.enum).toEqual(projections.map((p) => p.code));
  });
});

describe("the mapping's own findings in the import report", () => {
  it("a line whose composed hours would change meaning is refused with its error at the producer's line; unknown terms are one file-level line", async () => {
    const csv = [
      "Nom;Adresse;CP;Ville;Services;lun;dim",
      "Lieu A;1 cours de l'Intendance;33000;Bordeaux;Cours de cuisine;9h-12h;",
      "Lieu B;2 cours de l'Intendance;33000;Bordeaux;Cours de cuisine;;du lundi au dimanche 9h-12h",
    ].join("\n");
    const read = await readProducerFile(new TextEncoder().encode(csv), "lieux.csv");
    if (!read.ok) throw new Error(read.error);
    const mapping: ColumnMapping = {
      fields: { nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville", services: "Services" },
      compose: { horaires: { kind: "hours_by_day", days: ["lun", "", "", "", "", "", "dim"] } },
    };
    const report = await importMapped(database.db, coordinator, { territory, table: read.table, filename: "lieux.csv", mapping, today: TODAY, dryRun: true });
    expect(report.records).toBe(2);
    expect(report.rejected).toBe(1);
    expect(report.lines.find((l) => l.line === 3)?.status).toBe("rejected");
    expect(report.issues.filter((i) => i.field === "horaires")).toEqual([
      { line: 3, id: expect.stringMatching(/^lieu-/) as unknown as string, field: "horaires", level: "error", message: "La colonne du dimanche (« du lundi au dimanche 9h-12h ») ouvrirait aussi le lundi : le sens changerait, corrigez la cellule." },
    ]);
    expect(report.issues.filter((i) => i.field === "services")).toEqual([
      { line: 0, id: "", field: "services", level: "warning", message: "Une valeur de « Services » ne correspond à aucune valeur du champ services et est ignorée (2\u00a0occurrences) : « Cours de cuisine » (2\u00a0fois). Ajoutez une règle de traduction à la correspondance pour les garder." },
    ]);
  });
});
