import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/platform/db/client";
import { insertSubmittedCharter } from "@/testing/charter-rows";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser } from "@/testing/factories";
import { actors } from "@/modules/actors";
import { findVersionByNumber, journalEntries, partnerSignatures, verifyJournal } from "@/modules/signatures";
import { seedDemoSignatures } from "./signatures";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("seedDemoSignatures", () => {
  it("without a submitted version: nothing, and it says so on standard error", async () => {
    const territory = await createTestTerritory(database.db);
    const said = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await seedDemoSignatures(database.db, territory.id);
    expect(said.mock.calls.join(" ")).toContain("aucune version de charte soumise");
    said.mockRestore();
    expect(await journalEntries(database.db, territory.id)).toEqual([]);
  });

  it("three signatures (online for a member signatory, handwritten otherwise) and one pending; the chain verifies", async () => {
    const db = database.db;
    const coordinator = await createUser(db, { name: "Coordination" });
    const signatory = await createUser(db, { name: "Alice Martin" });
    const territory = await createTestTerritory(db, { creatorId: coordinator.id });
    await addMember(db, territory.id, signatory.id, "partner");
    const made = await db.insert(actors).values([{ name: "A" }, { name: "B" }, { name: "C" }, { name: "D" }]).returning({ id: actors.id });
    await insertSubmittedCharter(db, territory.id, {
      partners: made.map((a, i) => ({ actorId: a.id, signatoryUserId: i === 0 ? signatory.id : null, signatoryName: `Signataire ${i + 1}` })),
    });
    await seedDemoSignatures(db, territory.id);
    const version = await findVersionByNumber(db, territory.id, 1);
    expect(version?.status).toBe("soumise");
    const partners = version ? await partnerSignatures(db, territory.id, version) : [];
    expect(partners.map((p) => p.entry?.kind ?? "en attente")).toEqual(["en_ligne", "manuscrite", "manuscrite", "en attente"]);
    expect(await verifyJournal(db, territory.id)).toMatchObject({ ok: true, count: 3 });
  });
});
