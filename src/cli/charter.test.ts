import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { insertSubmittedCharter } from "@/testing/charter-rows";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actors } from "@/modules/actors";
import type { Territory } from "@/modules/territories";
import { recordHandwritten, signOnline, storeSignedPdf } from "@/modules/signatures/commands";
import { consentSha256 } from "@/modules/signatures/consent";
import { charterCommand } from "./charter";

let database: Database;
let territory: Territory;
let dir: string;
const signedPdf = new TextEncoder().encode("%PDF-1.7\n% charte signée de test\n%%EOF\n");

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-charter-cli-"));
  territory = await createTestTerritory(db, { name: "Cognac CLI", slug: "cognac-charte-cli" });
  const alice = await createUser(db, { name: "Alice Martin" });
  const coordinator = await createUser(db, { name: "Coordination" });
  await addMember(db, territory.id, alice.id, "partner");
  await addMember(db, territory.id, coordinator.id, "coordinator");
  const [a, b] = await db.insert(actors).values([{ name: "Centre social" }, { name: "Mairie de Cognac" }]).returning({ id: actors.id });
  const fixture = await insertSubmittedCharter(db, territory.id, {
    title: "Charte de Cognac",
    partners: [
      { actorId: a?.id ?? "", signatoryUserId: alice.id, signatoryName: "Alice Martin", signatoryTitle: "Présidente" },
      { actorId: b?.id ?? "", signatoryUserId: null, signatoryName: "Marc Dubois", signatoryTitle: "Maire" },
    ],
  });
  const consent = consentSha256({ signatoryName: "Alice Martin", signatoryTitle: "Présidente", partnerName: "Centre social", charterTitle: "Charte de Cognac", charterKind: "charte", versionNumber: 1, contentSha256: fixture.contentSha256 });
  const aliceP: Principal = await principalOf(db, alice.id);
  await signOnline(db, aliceP, territory, { version: 1, partner: fixture.partnerIds[0] ?? "", contentSha256: fixture.contentSha256, consentSha256: consent, consent: "oui" });
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  await recordHandwritten(db, await principalOf(db, coordinator.id), territory, { version: 1, partner: fixture.partnerIds[1] ?? "", signedOn: new Date().toISOString().slice(0, 10), signatoryName: "", signatoryTitle: "" }, { bytes: png, filename: "page.png" });
  await storeSignedPdf(db, { kind: "system", label: "test" }, territory.id, fixture.versionId, signedPdf);
  fs.writeFileSync(path.join(dir, "signee.pdf"), signedPdf);
  fs.writeFileSync(path.join(dir, "autre.pdf"), new TextEncoder().encode("%PDF-1.7\n% une autre charte\n"));
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(args: string[]) {
  const chunks: Buffer[] = [];
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array, cb?: (e?: Error) => void) => {
    chunks.push(Buffer.from(chunk));
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  vi.spyOn(console, "error").mockImplementation((m: string) => void (stderr += `${m}\n`));
  const code = await charterCommand(database.db, args);
  return { code, stdout: Buffer.concat(chunks), stderr };
}

describe("npx maillage charter verify", () => {
  it("the stored signed PDF: exit 0, the check as JSON on stdout, who and when on stderr", async () => {
    const { code, stdout, stderr } = await run(["verify", path.join(dir, "signee.pdf")]);
    expect(code).toBe(0);
    const check = JSON.parse(stdout.toString("utf8")) as { match: { charterTitle: string; versionNumber: number; signatures: { signatory: string; how: string }[] } };
    expect(check.match.charterTitle).toBe("Charte de Cognac");
    expect(check.match.signatures.map((s) => [s.signatory, s.how])).toEqual([
      ["Alice Martin", "en_ligne"],
      ["Marc Dubois", "manuscrite"],
    ]);
    expect(stderr).toContain("Alice Martin, Présidente, en ligne le");
    expect(stderr).toContain("Marc Dubois, Maire, à la main le");
  });

  it("any other file: exit 1, the answer says so", async () => {
    const { code, stdout, stderr } = await run(["verify", path.join(dir, "autre.pdf")]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout.toString("utf8"))).toMatchObject({ match: null });
    expect(stderr).toContain("n'est pas une version signée enregistrée");
  });

  it("no file, or a missing one: exit 2 with a message, nothing on stdout", async () => {
    expect((await run(["verify"])).code).toBe(2);
    const missing = await run(["verify", path.join(dir, "absent.pdf")]);
    expect(missing.code).toBe(2);
    expect(missing.stdout.length).toBe(0);
    expect(missing.stderr).toContain("Fichier introuvable");
  });
});

describe("npx maillage charter pdf / journal", () => {
  it("pdf of a signed version writes the stored signed PDF, byte for byte", async () => {
    const { code, stdout } = await run(["pdf", "--territory", "cognac-charte-cli"]);
    expect(code).toBe(0);
    expect(new Uint8Array(stdout)).toEqual(signedPdf);
  });

  it("unknown territory or version: exit 2", async () => {
    expect((await run(["pdf", "--territory", "nulle-part"])).code).toBe(2);
    expect((await run(["pdf", "--territory", "cognac-charte-cli", "--version", "7"])).code).toBe(2);
    expect((await run(["pdf", "--territory", "cognac-charte-cli", "--version", "zéro"])).code).toBe(2);
  });

  it("journal: one JSON line per entry, chain verified (exit 0); an entry modified behind the trigger: exit 1", async () => {
    const ok = await run(["journal", "--territory", "cognac-charte-cli"]);
    expect(ok.code).toBe(0);
    const lines = ok.stdout.toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { seq: number; kind: string });
    expect(lines.map((l) => [l.seq, l.kind])).toEqual([
      [1, "en_ligne"],
      [2, "manuscrite"],
      [3, "pdf_signe"],
    ]);
    expect(ok.stderr).toContain("3 entrée(s), chaîne vérifiée");
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table signature_journal disable trigger signature_journal_append_only`);
      await tx.execute(sql`update signature_journal set signed_at = signed_at - interval '1 day' where territory_id = ${territory.id} and seq = 1`);
      await tx.execute(sql`alter table signature_journal enable trigger signature_journal_append_only`);
    });
    const broken = await run(["journal", "--territory", "cognac-charte-cli"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("ROMPUE à l'entrée n° 1");
  });
});
