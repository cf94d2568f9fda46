import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/platform/runtime";
import { openTestRuntime } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { GET } from "@/app/territoires/[slug]/lieux/export/[format]/route";
import { schemaErrors, serviceSchema, structureSchema } from "./schema-json.testing";

/* The open-data link « data·inclusion (structures et services, JSON) » of a territory's places list. */
const charenteFile = "../shared/data/standard-mediation-numerique/datasets/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openTestRuntime();
  const territory = await createTestTerritory(runtime.db, { kind: "departement", code: "16", slug: "charente-di-export" });
  await importPlaces(runtime.db, { kind: "system", label: "test" }, { bytes: new Uint8Array(fs.readFileSync(charenteFile)), filename: "charente.json", territory, dryRun: false });
});
afterAll(async () => {
  await runtime?.database.close();
});

const get = (format: string) => GET(new Request(`http://localhost/territoires/charente-di-export/lieux/export/${format}`), { params: Promise.resolve({ slug: "charente-di-export", format }) });

describe("GET /territoires/<adresse>/lieux/export/data-inclusion", () => {
  it("downloads the territory's places as data·inclusion structures and services, valid against the schemas", async () => {
    const response = await get("data-inclusion");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="lieux-charente-di-export.data-inclusion.json"');
    const body = (await response.json()) as { structures: Record<string, unknown>[]; services: Record<string, unknown>[] };
    // 188 records in the file, 184 placed in a Charente commune (see places/import.test.ts).
    expect(body.structures).toHaveLength(184);
    expect(body.services.length).toBeGreaterThan(0);
    for (const s of body.structures) expect(schemaErrors(structureSchema, s)).toEqual([]);
    for (const s of body.services) expect(schemaErrors(serviceSchema, s)).toEqual([]);
  });

  it("an unknown format is a 404 naming the formats", async () => {
    const response = await get("xml");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Format inconnu : csv, json, geojson ou data-inclusion.");
  });
});
