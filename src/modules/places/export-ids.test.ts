import fs from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { importPlaces } from "./commands";
import { exportIds } from "./export-ids";
import { placesForExport, registryForExport } from "./queries";
import { exportCsv, exportJson } from "./standard/export";
import { schemaErrors, schemaFields } from "./standard/schema-json.testing";

describe("exported ids", () => {
  it("keeps an id no other source uses; prefixes the source's slug to an id several sources use", () => {
    const rows = [
      { source: "Bus France Services en Charente", sourceId: "1" },
      { source: "Bus France Services en Charente", sourceId: "7" },
      { source: "Nouvelle-Calédonie", sourceId: "1" },
      { source: "dora", sourceId: "dora-3d64" },
    ];
    expect(exportIds(rows, new Set(["1"]))).toEqual(["bus-france-services-en-charente-1", "7", "nouvelle-caledonie-1", "dora-3d64"]);
  });

  it("a derived id never takes a producer's own id; the later one gets a number", () => {
    const rows = [
      { source: "a", sourceId: "a-1" },
      { source: "a", sourceId: "1" },
      { source: "b", sourceId: "1" },
    ];
    expect(exportIds(rows, new Set(["1"]))).toEqual(["a-1", "a-1-2", "b-1"]);
  });
});

// The five real datasets of the standard, imported into one registry as a national instance would.
const DATASETS = "../shared/data/standard-mediation-numerique/datasets";
const datasets = fs.readdirSync(DATASETS).filter((f) => f.endsWith(".json"));

describe("exports of a registry holding the five real datasets", () => {
  let database: Database;
  const system = { kind: "system", label: "test" } as const;
  beforeAll(async () => {
    database = await openTestDatabase();
    await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-export" });
    for (const file of datasets) {
      await importPlaces(database.db, system, { bytes: new Uint8Array(fs.readFileSync(`${DATASETS}/${file}`)), filename: file, dryRun: false });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const csvRows = (csv: string) => parseCsv(csv, { columns: true }) as Record<string, string>[];

  it("the CSV has unique ids and every row passes the v1.0.2 schema", async () => {
    const list = await registryForExport(database.db);
    expect(datasets).toHaveLength(5);
    // 646 + 188 + 12 + 90 + 7 records (SOURCES.md), every one of them a place.
    expect(list.length).toBe(943);
    const rows = csvRows(exportCsv(list));
    expect(rows).toHaveLength(list.length);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(schemaFields.map((f) => f.name));
    for (const row of rows) expect(schemaErrors(row), row.id).toEqual([]);
  });

  it("ids shared by two sources are told apart by their source; the others are kept as they are", async () => {
    const rows = csvRows(exportCsv(await registryForExport(database.db)));
    const ids = new Set(rows.map((r) => r.id));
    // « 1 » is the first bus of Charente and a place in New Caledonia (checked by opening both files).
    expect(ids.has("1")).toBe(false);
    expect(ids.has("bus-france-services-en-charente-1")).toBe(true);
    expect(ids.has("nouvelle-caledonie-1")).toBe(true);
    // The first record of the PACA file keeps its producer's id.
    expect(ids.has("dora-3d647b3a-a5b6-41f8-8374-ba37c1ff1746")).toBe(true);
  });

  it("two exports give the same file; a territory's export gives its places the same ids", async () => {
    const first = exportCsv(await registryForExport(database.db));
    expect(exportCsv(await registryForExport(database.db))).toBe(first);
    const json = JSON.parse(exportJson(await registryForExport(database.db))) as { id: string }[];
    expect(new Set(json.map((p) => p.id)).size).toBe(json.length);
    const territory = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-export-2" });
    const charente = csvRows(exportCsv(await placesForExport(database.db, territory.id)));
    expect(charente.map((r) => r.id)).toContain("bus-france-services-en-charente-1");
    const national = new Set(csvRows(first).map((r) => r.id));
    for (const r of charente) expect(national.has(r.id ?? "")).toBe(true);
  });

  it("a territory's export without a territory id is refused, never widened to the whole registry", async () => {
    await expect(placesForExport(database.db, "")).rejects.toMatchObject({ id: "territory_required", status: 400 });
  });
});
