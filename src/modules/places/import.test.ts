import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { openTestDatabase } from "@/testing/db";
import { principalOf, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { listPlaces, placesForExport } from "./queries";
import { places } from "./schema";

const DATASETS = "../shared/data/standard-mediation-numerique/datasets";
const charenteFile = `${DATASETS}/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json`;
const charenteBytes = new Uint8Array(fs.readFileSync(charenteFile));
// Read straight from the file: what a reviewer can check by opening it.
const charenteRecords = JSON.parse(fs.readFileSync(charenteFile, "utf8")) as { id: string; nom: string; code_postal: string }[];

let database: Database;
let charente: Territory;
let cognac: Territory;
const system = { kind: "system", label: "test" } as const;

beforeAll(async () => {
  database = await openTestDatabase();
  charente = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-import" });
  cognac = await createTestTerritory(database.db, { kind: "epci", code: "200070514", slug: "cognac-import" });
});
afterAll(async () => {
  await database?.close();
});

const placeCount = async () => (await database.db.select({ n: count() }).from(places))[0]?.n ?? 0;

describe("importing the Charente dataset of the national standard", () => {
  it("a dry run reports every line and writes nothing", async () => {
    const report = await importPlaces(database.db, system, { bytes: charenteBytes, filename: "charente.json", territory: charente, dryRun: true });
    // Counted in the file (20230711, 188 records): 27 carry a warning ("Adultes" with
    // specific publics, a 1970 date, an unknown commune; and, since the communes are found and not just
    // read, former communes — Mansle, Cherves-Richemont, Saint-Sulpice-de-Cognac — and Angoulême's CEDEX
    // codes 16016, 16024, 16025, said on lines 17, 32, 53, 69, 86, 109, 122, 152; and line 70's « AMBLEVILLE », read as
    // Lignières-Ambleville, the only commune of the Charente whose name ends so), 28 in all; none is invalid.
    // The 67 placeholder pivots are one line for the file, not 67 warned places.
    expect(charenteRecords).toHaveLength(188);
    expect([report.records, report.accepted, report.warned, report.rejected]).toEqual([188, 160, 28, 0]);
    expect(report.lines).toHaveLength(188);
    const pivots = report.issues.filter((i) => i.field === "pivot");
    expect(pivots).toHaveLength(1);
    expect(pivots[0]).toMatchObject({ line: 0, level: "warning" });
    expect(pivots[0]?.message).toMatch(/^67 lieux sur 188 ont le pivot de remplacement « 00000000000000 » au lieu d'un SIRET ou d'un numéro RNA \(lignes 1, /);
    // Four records name a commune with a code that is not its INSEE code and that nothing else resolves: they cannot be
    // placed. (53 and 86, former communes of Val-de-Cognac, 69 and 109, Angoulême CEDEX codes, and 70, Ambleville, now are.)
    const unplaced = report.issues.filter((i) => i.field === "code_insee" && i.message.startsWith("Commune introuvable")).map((i) => i.line);
    expect(unplaced).toEqual([126, 150, 182, 187]);
    // The point is checked against the commune's contour: one place is out of it, CoCowork in Cognac (line 145,
    // longitude 0.3331 for 0.33° W). That line was already warned (« Adultes » with specific publics), so it adds none.
    const outside = report.issues.filter((i) => i.field === "latitude" && i.message.startsWith("Les coordonnées (")).map((i) => i.line);
    expect(outside).toEqual([145]);
    expect(await placeCount()).toBe(0);
  });

  it("a commit writes the valid places of the perimeter, audited; re-importing changes nothing", async () => {
    const first = await importPlaces(database.db, system, { bytes: charenteBytes, filename: "charente.json", territory: charente, dryRun: false });
    // 188 records less the four that cannot be placed in a commune.
    expect([first.created, first.skipped, first.rejected, first.updated]).toEqual([184, 4, 0, 0]);
    expect(await placeCount()).toBe(first.created);
    const again = await importPlaces(database.db, system, { bytes: charenteBytes, filename: "charente.json", territory: charente, dryRun: false });
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBe(first.created);
    expect(await placeCount()).toBe(first.created);
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.entityType, "place_import"));
    expect(events).toHaveLength(2);
    expect(events[0]?.after).toMatchObject({ file: "charente.json", created: first.created });
  });

  it("a changed record is updated, the others are left alone", async () => {
    const changed = charenteRecords.map((r, i) => (i === 0 ? { ...r, nom: `${r.nom} (modifié)` } : r));
    const report = await importPlaces(database.db, system, { bytes: new TextEncoder().encode(JSON.stringify(changed)), filename: "charente.json", territory: charente, dryRun: false });
    expect(report.updated).toBe(1);
    expect(report.created).toBe(0);
    const [row] = await database.db.select().from(places).where(eq(places.sourceId, charenteRecords[0]?.id ?? ""));
    expect(row?.name).toBe(`${charenteRecords[0]?.nom} (modifié)`);
  });

  it("a territory sees only the places of its perimeter", async () => {
    const communesFile = JSON.parse(fs.readFileSync("data/communes.json", "utf8")) as { columns: string[]; rows: unknown[][] };
    const [code, epci] = [communesFile.columns.indexOf("code"), communesFile.columns.indexOf("epci")];
    const grandCognac = new Set(communesFile.rows.filter((r) => r[epci] === "200070514").map((r) => r[code]));
    const { items, total } = await listPlaces(database.db, cognac.id, {}, 1);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(charenteRecords.length);
    for (const p of items) expect(grandCognac.has(p.communeCode)).toBe(true);
    expect(await placesForExport(database.db, cognac.id)).toHaveLength(total);
  });

  it("an unreadable file is reported and writes nothing", async () => {
    const before = await placeCount();
    const report = await importPlaces(database.db, system, { bytes: new TextEncoder().encode("{ pas du json"), filename: "casse.json", territory: charente, dryRun: false });
    expect(report.records).toBe(0);
    expect(report.issues[0]?.level).toBe("error");
    expect(await placeCount()).toBe(before);
  });

  it("places outside the perimeter are reported and skipped", async () => {
    const paca = new Uint8Array(fs.readFileSync(`${DATASETS}/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json`));
    const before = await placeCount();
    const report = await importPlaces(database.db, system, { bytes: paca, filename: "paca.json", territory: charente, dryRun: false });
    expect(report.created).toBe(0);
    expect(report.skipped).toBe(report.accepted + report.warned);
    expect(report.issues.some((i) => i.message.startsWith("Hors du périmètre"))).toBe(true);
    expect(await placeCount()).toBe(before);
  });

  it("only coordinators of the territory may import into it", async () => {
    const person = await createUser(database.db);
    const e = await importPlaces(database.db, await principalOf(database.db, person.id), { bytes: charenteBytes, filename: "x.json", territory: charente, dryRun: true }).catch((x: unknown) => x);
    expect((e as AppError).id).toBe("forbidden");
  });
});
