import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { places } from "../schema";
import { deleteMapping, saveMapping } from "./commands";
import { findMapping, listMappings } from "./queries";
import { readProducerFile, type ProducerTable } from "./read";
import { importMappings } from "./schema";
import { importMapped, reportView } from "./wizard";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";

let database: Database;
let creuse: Territory;
let other: Territory;
let coordinator: Principal;
let coordinatorEmail = "";
let observer: Principal;
let otherCoordinator: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  creuse = await createTestTerritory(db, { name: "Creuse", slug: "creuse-correspondances", kind: "departement", code: "23" });
  other = await createTestTerritory(db, { name: "Charente", slug: "charente-correspondances", kind: "departement", code: "16" });
  const [c, o, s] = [await createUser(db), await createUser(db), await createUser(db)];
  await addMember(db, creuse.id, c.id, "coordinator");
  await addMember(db, creuse.id, o.id, "observer");
  await addMember(db, other.id, s.id, "coordinator");
  [coordinator, observer, otherCoordinator] = [await principalOf(db, c.id), await principalOf(db, o.id), await principalOf(db, s.id)];
  coordinatorEmail = c.email;
});
afterAll(async () => {
  await database?.close();
});

const mapping = { fields: { nom: "Lieu", adresse: "Adresse postale", code_postal: "Adresse postale", commune: "Commune" }, constants: { source: "Département de la Gironde" } };

describe("saved mappings", () => {
  it("a coordinator saves a mapping under a name, audited; saving the same name replaces it", async () => {
    const db = database.db;
    const first = await saveMapping(db, coordinator, creuse, { name: "  Export Gironde ", mapping });
    expect(first.replaced).toBe(false);
    expect(first.mapping).toMatchObject({ territoryId: creuse.id, name: "Export Gironde", mapping, createdBy: coordinatorEmail });

    const changed = { fields: { ...mapping.fields, telephone: "Téléphone" } };
    const second = await saveMapping(db, coordinator, creuse, { name: "Export Gironde", mapping: changed });
    expect(second.replaced).toBe(true);
    expect(second.mapping.id).toBe(first.mapping.id);
    expect((await listMappings(db, creuse.id)).map((m) => [m.name, m.mapping])).toEqual([["Export Gironde", changed]]);

    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "import_mapping"), eq(auditEvents.entityId, first.mapping.id)));
    expect(events.map((e) => e.action).sort()).toEqual(["create", "update"]);
    const update = events.find((e) => e.action === "update");
    expect(update?.territoryId).toBe(creuse.id);
    expect(update?.before).toEqual({ name: "Export Gironde", mapping });
    expect(update?.after).toEqual({ name: "Export Gironde", mapping: changed });
  });

  it("another territory neither lists nor finds nor deletes it; the same name is free there", async () => {
    const db = database.db;
    const [saved] = await listMappings(db, creuse.id);
    if (!saved) throw new Error("mapping missing");
    expect(await listMappings(db, other.id)).toEqual([]);
    expect(await findMapping(db, other.id, saved.id)).toBeUndefined();
    expect((await findMapping(db, creuse.id, saved.id))?.name).toBe("Export Gironde");
    await expectAppError(deleteMapping(db, otherCoordinator, other, saved.id), "not_found");
    const theirs = await saveMapping(db, otherCoordinator, other, { name: "Export Gironde", mapping });
    expect(theirs.replaced).toBe(false);
    expect(theirs.mapping.id).not.toBe(saved.id);
    expect(await findMapping(db, creuse.id, "pas-un-uuid")).toBeUndefined();
  });

  it("only coordinators (and administrators) save or delete; nothing is written otherwise", async () => {
    const db = database.db;
    const [saved] = await listMappings(db, creuse.id);
    if (!saved) throw new Error("mapping missing");
    const before = (await db.select({ n: count() }).from(importMappings))[0]?.n;
    await expectAppError(saveMapping(db, observer, creuse, { name: "Essai", mapping }), "forbidden");
    await expectAppError(saveMapping(db, otherCoordinator, creuse, { name: "Essai", mapping }), "forbidden");
    await expectAppError(saveMapping(db, { kind: "anonymous" }, creuse, { name: "Essai", mapping }), "forbidden");
    await expectAppError(deleteMapping(db, observer, creuse, saved.id), "forbidden");
    await expectAppError(deleteMapping(db, otherCoordinator, creuse, saved.id), "forbidden");
    expect((await db.select({ n: count() }).from(importMappings))[0]?.n).toBe(before);
  });

  it("refuses an empty name and unknown fields, with French messages", async () => {
    const db = database.db;
    const e = await expectAppError(saveMapping(db, coordinator, creuse, { name: "   ", mapping }), "validation", "name");
    expect(e.fieldErrors?.name?.[0]).toMatch(/^Donnez un nom/);
    await expectAppError(saveMapping(db, coordinator, creuse, { name: "X", mapping: { fields: { pas_un_champ: "A" } } }), "validation");
  });

  it("a coordinator deletes it, audited with what it was", async () => {
    const db = database.db;
    const [saved] = await listMappings(db, creuse.id);
    if (!saved) throw new Error("mapping missing");
    const deleted = await deleteMapping(db, coordinator, creuse, saved.id);
    expect(deleted.name).toBe("Export Gironde");
    expect(await listMappings(db, creuse.id)).toEqual([]);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, saved.id), eq(auditEvents.action, "delete")));
    expect(event?.before).toMatchObject({ name: "Export Gironde" });
    await expectAppError(deleteMapping(db, coordinator, creuse, saved.id), "not_found");
  });
});

describe("importing La Creuse's own JSON through a mapping", () => {
  let table: ProducerTable;
  const creuseMapping = {
    fields: { id: "id", nom: "nom", adresse: "adresse", code_postal: "code_postal", commune: "commune", latitude: "latitude", longitude: "longitude", telephone: "téléphone", horaires: "horaires" },
    constants: { source: "Réseau creusois (test)", date_maj: "2024-05-01" },
  };

  beforeAll(async () => {
    const read = await readProducerFile(new Uint8Array(fs.readFileSync(`${RAW}/la-creuse.json`)), "la-creuse.json");
    if (!read.ok) throw new Error(read.error);
    table = read.table;
  });

  const run = (dryRun: boolean, principal: Principal = coordinator) =>
    importMapped(database.db, principal, { territory: creuse, table, filename: "la-creuse.json", mapping: creuseMapping, today: "2026-11-20", dryRun });
  const creusePlaces = async () => database.db.select().from(places).where(eq(places.source, "Réseau creusois (test)"));

  it("a dry run reports the producer's lines and writes nothing", async () => {
    const report = await run(true);
    expect(report.records).toBe(91);
    expect(report.rejected).toBe(2);
    expect(report.lines.filter((l) => l.status === "rejected").map((l) => l.line)).toEqual([35, 61]);
    // What the page shows: 89 to import; the 2 refused listed (the 90th, « 0 Pontarion », is found since
    // communes are resolved and not just read; the 26th, « Châtain », is Arfeuille-Châtain, found by its last word).
    const view = reportView(report);
    expect([view.toImport, view.totalNotImported]).toEqual([89, 2]);
    expect(view.notImported.map((l) => [l.line, l.status])).toEqual([
      [35, "rejected"],
      [61, "rejected"],
    ]);
    expect(await creusePlaces()).toHaveLength(0);
  });

  it("a commit imports the places of the territory; importing again changes nothing", async () => {
    const first = await run(false);
    // 91 objects: 2 without an address (35th, 61st), 89 imported (the 90th, « 0 Pontarion », is
    // Pontarion; the 26th, « Châtain », is Arfeuille-Châtain, the only commune of the Creuse whose name ends so).
    expect([first.created, first.rejected, first.skipped]).toEqual([89, 2, 0]);
    expect(first.lines.find((l) => l.line === 26)?.status).toBe("created");
    const stored = await creusePlaces();
    expect(stored).toHaveLength(first.created);
    // The 2nd object of the file (id 2), as the file says.
    const palette = stored.find((p) => p.sourceId === "2");
    expect(palette).toMatchObject({ name: "Dun Le Palestel - La Palette", lat: 46.305347, lon: 1.663651, updatedOn: "2024-05-01" });
    expect(palette?.communeCode?.startsWith("23")).toBe(true);

    const again = await run(false);
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBe(first.created);
    expect(await creusePlaces()).toHaveLength(first.created);
    const imports = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "place_import"), eq(auditEvents.territoryId, creuse.id)));
    expect(imports).toHaveLength(2);
  });

  it("an observer may not import, nor check", async () => {
    await expectAppError(run(true, observer), "forbidden");
    await expectAppError(run(false, otherCoordinator), "forbidden");
  });

  it("a mapping without a name column is refused before anything is read", async () => {
    const e = await expectAppError(
      importMapped(database.db, coordinator, { territory: creuse, table, filename: "x.json", mapping: { fields: { adresse: "adresse", code_postal: "code_postal", commune: "commune" } }, today: "2026-11-20", dryRun: true }),
      "validation",
      "colonne_nom",
    );
    expect(e.message).toBe("Choisissez une colonne (ou une valeur fixe) pour : nom.");
  });
});
