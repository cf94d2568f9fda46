import { count, desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { craftXlsx, repeat, SHEET_END, SHEET_START } from "@/testing/crafted-zip";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { importIndicators } from "@/modules/diagnostic/indicators";
import { customIndicators } from "@/modules/diagnostic/schema";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { places } from "./schema";

// Files refused for their size or shape are refused whole: no place and no indicator is written (the
// places import still records the attempt in the audit log, with nothing created).

let database: Database;
let charente: Territory;
const system = { kind: "system", label: "test" } as const;
const enc = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  database = await openTestDatabase();
  charente = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-limites" });
});
afterAll(async () => {
  await database?.close();
});

const counts = async () => ({
  places: (await database.db.select({ n: count() }).from(places))[0]?.n,
  indicators: (await database.db.select({ n: count() }).from(customIndicators))[0]?.n,
});
const lastAudit = async () => (await database.db.select().from(auditEvents).orderBy(desc(auditEvents.at)).limit(1))[0];

describe("an import of a refused file writes nothing", () => {
  it("a JSON file nested 200,000 deep: the report says why, no place is written, the attempt is audited with nothing created", async () => {
    const before = await counts();
    const n = 200_000;
    const bytes = enc(`[{"id":"a","nom":"Lieu","commune":"Cognac","code_postal":"16100","adresse":"1 rue","date_maj":"2024-01-01"},${"[".repeat(n)}${"]".repeat(n)}]`);
    const report = await importPlaces(database.db, system, { bytes, filename: "lieux.json", territory: charente, dryRun: false });
    expect(report).toMatchObject({ records: 0, created: 0, updated: 0 });
    expect(report.issues.map((i) => i.message)).toEqual([expect.stringContaining("plus de 32 niveaux")]);
    expect(await counts()).toEqual(before);
    expect((await lastAudit())?.after).toMatchObject({ records: 0, created: 0, updated: 0 });
  });

  it("a CSV of 50,001 valid places: refused as a whole before any line is checked", async () => {
    const before = await counts();
    const lines = Array.from({ length: 50_001 }, (_, i) => `lieu-${i};Lieu ${i};Cognac;16100;1 rue de la Paix;2024-01-01`);
    const bytes = enc(`id;nom;commune;code_postal;adresse;date_maj\n${lines.join("\n")}\n`);
    const report = await importPlaces(database.db, system, { bytes, filename: "lieux.csv", territory: charente, dryRun: false });
    expect(report).toMatchObject({ records: 0, created: 0 });
    expect(report.issues[0]?.message).toContain("plus de 50\u202f000 lieux");
    expect(await counts()).toEqual(before);
  });

  it("indicators: an XLSX that inflates to 100 MB is refused with the reason and writes nothing", async () => {
    const before = await counts();
    const sheet = [Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`), ...repeat(Buffer.alloc(1024 * 1024, 0x61), 100), Buffer.from(`</t></is></c></row>${SHEET_END}`)];
    const bytes = await craftXlsx(sheet);
    const user = await createUser(database.db);
    await addMember(database.db, charente.id, user.id, "coordinator");
    const report = await importIndicators(database.db, await principalOf(database.db, user.id), charente, { bytes, filename: "indicateurs.xlsx", dryRun: false });
    expect(report.issues).toEqual([{ line: 0, column: "", message: expect.stringContaining("dépasse 64 Mo : le fichier est refusé sans être lu") }]);
    expect(report.accepted).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
