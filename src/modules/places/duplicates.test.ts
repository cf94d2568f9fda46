import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { duplicateCandidates, mergePlaces } from "./duplicates";
import { places } from "./schema";

const header = '"id","pivot","nom","commune","code_postal","code_insee","adresse","latitude","longitude","date_maj","services","telephone"';
const csv = [
  header,
  // The same médiathèque published twice: same street, 30 m apart, the second one newer with another phone.
  '"a-1","00000000000000","Médiathèque l\'Alpha","Angoulême","16000","16015","1 rue Coulomb","45.6500","0.1600","2024-01-10","Aide aux démarches administratives","+33545000001"',
  '"b-1","00000000000000","Médiathèque L\'Alpha","Angoulême","16000","16015","1 rue Coulomb","45.6502","0.1602","2025-06-01","Maîtrise des outils numériques du quotidien","+33545000002"',
  // A different place in the same commune.
  '"c-1","00000000000000","Centre social Basseau","Angoulême","16000","16015","30 rue de Basseau","45.6400","0.1300","2025-01-01","Aide aux démarches administratives",""',
].join("\n");

let database: Database;
let territory: Territory;
let other: Territory;
beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-doublons" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-doublons" });
  await importPlaces(database.db, { kind: "system", label: "test" }, { bytes: new TextEncoder().encode(csv), filename: "doublons.csv", territory, dryRun: false });
});
afterAll(async () => {
  await database?.close();
});

const byId = async (sourceId: string) => (await database.db.select().from(places).where(eq(places.sourceId, sourceId)))[0];

describe("duplicates", () => {
  it("lists the two records of the same place, and not the other place", async () => {
    const pairs = await duplicateCandidates(database.db, territory.id);
    expect(pairs).toHaveLength(1);
    expect([pairs[0]?.a.name, pairs[0]?.b.name].sort()).toEqual(["Médiathèque L'Alpha", "Médiathèque l'Alpha"]);
    expect(pairs[0]?.reasons.join(" ")).toMatch(/noms semblables/);
    expect(pairs[0]?.reasons.join(" ")).toMatch(/à \d+ m/);
    expect(await duplicateCandidates(database.db, other.id)).toEqual([]);
  });

  it("merging keeps the newest value per field and the union of lists, audited; only coordinators of the territory merge", async () => {
    const [a, b] = [await byId("a-1"), await byId("b-1")];
    const observer = await createUser(database.db);
    await addMember(database.db, territory.id, observer.id, "observer");
    await expectAppError(mergePlaces(database.db, await principalOf(database.db, observer.id), territory, a?.id ?? "", b?.id ?? ""), "forbidden");
    await expectAppError(mergePlaces(database.db, { kind: "system", label: "test" }, other, a?.id ?? "", b?.id ?? ""), "forbidden");
    const coordinator = await createUser(database.db);
    await addMember(database.db, territory.id, coordinator.id, "coordinator");
    await mergePlaces(database.db, await principalOf(database.db, coordinator.id), territory, a?.id ?? "", b?.id ?? "");
    expect(await byId("b-1")).toBeUndefined();
    const kept = await byId("a-1");
    expect(kept?.data.telephone).toBe("+33545000002");
    expect(kept?.data.date_maj).toBe("2025-06-01");
    expect(kept?.services.sort()).toEqual(["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"]);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "merge"));
    expect(event).toMatchObject({ territoryId: territory.id, entityType: "place", entityId: kept?.id });
    expect(await duplicateCandidates(database.db, territory.id)).toEqual([]);
  });
});
