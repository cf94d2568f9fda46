import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { jobRuns } from "@/platform/jobs/schema";
import { expectAppError } from "@/testing/assertions";
import { insertSubmittedCharter } from "@/testing/charter-rows";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actors } from "@/modules/actors";
import { charterVersions } from "@/modules/charter";
import type { Territory } from "@/modules/territories";
import { recordHandwritten, signOnline, storeSignedPdf } from "./commands";
import { consentSha256 } from "./consent";
import { sha256Hex } from "./hash";
import { checkChain, GENESIS_HASH, journalEntries, verifyJournal, type JournalEntry } from "./journal";
import { checkPdf, handwrittenSignatureOf, signaturesOf, signedPdfJobOf, signedPdfKey } from "./queries";
import { signatureJournal } from "./schema";

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "alice" | "bruno" | "observer" | "outsider", Principal>;
let intact: JournalEntry[] = [];
let fixture: Awaited<ReturnType<typeof insertSubmittedCharter>>;

const idAt = (rows: { id: string }[], i: number) => rows[i]?.id ?? "";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function consentFor(name: string, title: string, partner: string) {
  return consentSha256({ signatoryName: name, signatoryTitle: title, partnerName: partner, charterTitle: "Charte de l'inclusion numérique", charterKind: "charte", versionNumber: 1, contentSha256: fixture.contentSha256 });
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  territory = await createTestTerritory(db, { name: "Charente test" });
  other = await createTestTerritory(db, { name: "Ailleurs" });
  const ids: Record<string, string> = {};
  for (const [key, role] of [["coordinator", "coordinator"], ["alice", "partner"], ["bruno", "observer"], ["observer", "observer"], ["outsider", null]] as const) {
    const u = await createUser(db, { name: key === "alice" ? "Alice Martin" : key === "bruno" ? "Bruno Petit" : key });
    ids[key] = u.id;
    if (role) await addMember(db, territory.id, u.id, role);
    if (key === "outsider") await addMember(db, other.id, u.id, "coordinator");
    people[key] = await principalOf(db, u.id);
  }
  const made = await db.insert(actors).values([{ name: "Centre social Les Alliés" }, { name: "Commune de Cognac" }, { name: "Département de la Charente" }]).returning({ id: actors.id });
  fixture = await insertSubmittedCharter(db, territory.id, {
    partners: [
      { actorId: idAt(made, 0), signatoryUserId: ids.alice ?? null, signatoryName: "Alice Martin", signatoryTitle: "Présidente" },
      { actorId: idAt(made, 1), signatoryUserId: ids.bruno ?? null, signatoryName: "Bruno Petit", signatoryTitle: "Maire" },
      { actorId: idAt(made, 2), signatoryUserId: null, signatoryName: "Claire Durand", signatoryTitle: "Présidente du conseil départemental" },
    ],
  });
});
afterAll(async () => {
  await database?.close();
});

const signInput = (partnerIndex: number, consent: string, contentSha256 = fixture.contentSha256) => ({
  version: 1,
  partner: fixture.partnerIds[partnerIndex] ?? "",
  contentSha256,
  consentSha256: consent,
  consent: "oui" as const,
});

describe("signing a submitted version", () => {
  it("refuses a version whose hash differs from the one displayed (charter_changed), and writes nothing", async () => {
    const stale = sha256Hex("un autre contenu");
    await expectAppError(signOnline(database.db, people.alice, territory, signInput(0, consentFor("Alice Martin", "Présidente", "Centre social Les Alliés"), stale)), "charter_changed");
    expect(await journalEntries(database.db, territory.id)).toEqual([]);
  });

  it("refuses anyone but the partner's named signatory (403), the coordinator included", async () => {
    const consent = consentFor("Alice Martin", "Présidente", "Centre social Les Alliés");
    await expectAppError(signOnline(database.db, people.coordinator, territory, signInput(0, consent)), "forbidden");
    await expectAppError(signOnline(database.db, people.bruno, territory, signInput(0, consent)), "forbidden");
    await expectAppError(signOnline(database.db, people.outsider, territory, signInput(0, consent)), "forbidden");
  });

  it("records the named signatory's signature with the version's hash and the consent's, once", async () => {
    const consent = consentFor("Alice Martin", "Présidente", "Centre social Les Alliés");
    const { entry, complete } = await signOnline(database.db, people.alice, territory, signInput(0, consent));
    expect(complete).toBe(false);
    expect(entry).toMatchObject({ seq: 1, kind: "en_ligne", partnerName: "Centre social Les Alliés", signatoryName: "Alice Martin", contentSha256: fixture.contentSha256, consentSha256: consent, prevHash: GENESIS_HASH });
    expect(sha256Hex(entry.consentText)).toBe(consent);
    expect(entry.consentText).toContain(fixture.contentSha256);
    await expectAppError(signOnline(database.db, people.alice, territory, signInput(0, consent)), "already_signed");
  });

  it("refuses a consent text other than the one the platform shows (its hash is compared)", async () => {
    await expectAppError(signOnline(database.db, people.bruno, territory, signInput(1, sha256Hex("J'accepte tout."))), "charter_changed");
  });

  it("lets the coordinator record a handwritten signature with its scan, marked « manuscrite » with the scan's hash", async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    await expectAppError(recordHandwritten(database.db, people.alice, territory, { version: 1, partner: fixture.partnerIds[2] ?? "", signedOn: today, signatoryName: "", signatoryTitle: "" }, { bytes: PNG, filename: "page.png" }), "forbidden");
    await expectAppError(
      recordHandwritten(database.db, people.coordinator, territory, { version: 1, partner: fixture.partnerIds[2] ?? "", signedOn: today, signatoryName: "", signatoryTitle: "" }, { bytes: new TextEncoder().encode("GIF89a nope"), filename: "page.gif" }),
      "file_refused",
    );
    expect(future > today).toBe(true);
    const { entry } = await recordHandwritten(database.db, people.coordinator, territory, { version: 1, partner: fixture.partnerIds[2] ?? "", signedOn: today, signatoryName: "", signatoryTitle: "" }, { bytes: PNG, filename: "page.png" });
    expect(entry).toMatchObject({ seq: 2, kind: "manuscrite", signatoryName: "Claire Durand", documentSha256: sha256Hex(PNG), consentSha256: "" });
    // What its scan page reads: the stored file (not its bytes), whose hash is the entry's; none for an online signature.
    const shown = await handwrittenSignatureOf(database.db, territory.id, 1, fixture.partnerIds[2] ?? "");
    expect(shown?.entry.seq).toBe(2);
    expect(shown?.scan).toMatchObject({ filename: "page.png", contentType: "image/png", size: 16, sha256: sha256Hex(PNG) });
    expect(shown?.speakerIds).toEqual([]);
    expect(await handwrittenSignatureOf(database.db, territory.id, 1, fixture.partnerIds[0] ?? "")).toBeUndefined();
    expect(await handwrittenSignatureOf(database.db, other.id, 1, fixture.partnerIds[2] ?? "")).toBeUndefined();
  });

  it("the last signature makes the version signée; the signed PDF is kept once and its hash is found by checkPdf", async () => {
    const consent = consentFor("Bruno Petit", "Maire", "Commune de Cognac");
    const { complete } = await signOnline(database.db, people.bruno, territory, signInput(1, consent));
    expect(complete).toBe(true);
    const [v] = await database.db.select({ status: charterVersions.status }).from(charterVersions).where(eq(charterVersions.id, fixture.versionId));
    expect(v?.status).toBe("signee");
    await expectAppError(signOnline(database.db, people.bruno, territory, signInput(1, consent)), "not_signable");

    // Signed, never asked to print: the signatures page says so rather than "being printed".
    expect(await signedPdfJobOf(database.db, territory.id, fixture.versionId)).toBeUndefined();
    await database.db.insert(jobRuns).values({ id: randomUUID(), queue: "charter-signed-pdf", scopeId: territory.id, label: "PDF signé", exclusiveKey: signedPdfKey(fixture.versionId), input: {}, state: "failed", error: "Chromium absent." });
    expect(await signedPdfJobOf(database.db, territory.id, fixture.versionId)).toEqual({ state: "failed", error: "Chromium absent." });
    expect(await signedPdfJobOf(database.db, other.id, fixture.versionId)).toBeUndefined();

    const pdf = new TextEncoder().encode("%PDF-1.7 charte signée");
    const system: Principal = { kind: "system", label: "test" };
    expect(await storeSignedPdf(database.db, system, territory.id, fixture.versionId, pdf)).toEqual({ sha256: sha256Hex(pdf), stored: true });
    expect(await storeSignedPdf(database.db, system, territory.id, fixture.versionId, new TextEncoder().encode("%PDF-1.7 autre"))).toEqual({ sha256: sha256Hex(pdf), stored: false });

    const found = await checkPdf(database.db, pdf);
    expect(found.match).toMatchObject({ territoryName: "Charente test", charterTitle: "Charte de l'inclusion numérique", versionNumber: 1 });
    expect(found.match?.signatures.map((s) => [s.partner, s.signatory, s.how])).toEqual([
      ["Centre social Les Alliés", "Alice Martin", "en_ligne"],
      ["Département de la Charente", "Claire Durand", "manuscrite"],
      ["Commune de Cognac", "Bruno Petit", "en_ligne"],
    ]);
    const oneBitOff = pdf.slice();
    oneBitOff[pdf.length - 1] = (oneBitOff[pdf.length - 1] ?? 0) ^ 1;
    expect((await checkPdf(database.db, oneBitOff)).match).toBeNull();
  });

  it("gives the charter document its signature table and certificate", async () => {
    const { rows, certificate } = await signaturesOf(database.db, territory.id, fixture.versionId);
    expect(rows.map((r) => [r.partner, r.signatory, r.title, r.how])).toEqual([
      ["Centre social Les Alliés", "Alice Martin", "Présidente", "en_ligne"],
      ["Commune de Cognac", "Bruno Petit", "Maire", "en_ligne"],
      ["Département de la Charente", "Claire Durand", "Présidente du conseil départemental", "manuscrite"],
    ]);
    expect(certificate?.contentSha256).toBe(fixture.contentSha256);
    expect(certificate?.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    // Another territory asking for this version gets nothing (tenancy).
    expect(await signaturesOf(database.db, other.id, fixture.versionId)).toEqual({ rows: [], certificate: null });
  });
});

describe("the signature journal", () => {
  it("verifies: four entries chained from the genesis hash", async () => {
    intact = await journalEntries(database.db, territory.id);
    expect(await verifyJournal(database.db, territory.id)).toMatchObject({ ok: true, count: 4 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const db = database.db;
    await expect(db.update(signatureJournal).set({ signatoryName: "Mallory" }).where(eq(signatureJournal.territoryId, territory.id))).rejects.toThrow();
    await expect(db.delete(signatureJournal).where(eq(signatureJournal.territoryId, territory.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate signature_journal`)).rejects.toThrow();
    expect(await verifyJournal(db, territory.id)).toMatchObject({ ok: true, count: 4 });
  });

  it("detects an entry modified behind the trigger's back (as a superuser could) and names it", async () => {
    const db = database.db;
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table signature_journal disable trigger signature_journal_append_only`);
      await tx.execute(sql`update signature_journal set signatory_name = 'Mallory' where territory_id = ${territory.id} and seq = 2`);
      await tx.execute(sql`alter table signature_journal enable trigger signature_journal_append_only`);
    });
    expect(await verifyJournal(db, territory.id)).toEqual({ ok: false, count: 4, brokenAt: 2, reason: "l'entrée n° 2 a été modifiée après son inscription" });
  });

  it("detects an entry removed from the middle (a gap in the numbers)", () => {
    const gapped = intact.filter((e) => e.seq !== 3);
    expect(checkChain(gapped)).toEqual({ ok: false, count: 3, brokenAt: 3, reason: "l'entrée n° 3 manque (la suivante porte le n° 4)" });
    expect(checkChain(intact)).toMatchObject({ ok: true, count: 4 });
  });
});

describe("erasing a whole territory", () => {
  it("takes its journal, scans and signed PDF with it (the only delete the trigger lets through)", async () => {
    const db = database.db;
    await db.execute(sql`delete from territories where id = ${territory.id}`);
    expect(await journalEntries(db, territory.id)).toEqual([]);
    const left = await db.execute(sql`select (select count(*) from signed_charter_pdfs where territory_id = ${territory.id})::int + (select count(*) from handwritten_signature_scans where territory_id = ${territory.id})::int as n`);
    expect((left as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });
});
