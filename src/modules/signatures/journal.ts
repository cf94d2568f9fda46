import { asc, desc, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { territories } from "@/modules/territories";
import { canonicalJson, sha256Hex } from "./hash";
import { signatureJournal, type JournalKind } from "./schema";

/** The hash before the first entry of a territory's journal. */
export const GENESIS_HASH = "0".repeat(64);

export type JournalEntry = typeof signatureJournal.$inferSelect;

/** What a new entry says; the journal adds its place (seq), the previous hash and its own hash. */
export type NewEntry = {
  territoryId: string;
  kind: JournalKind;
  charterId: string;
  charterTitle: string;
  versionId: string;
  versionNumber: number;
  partnerId: string | null;
  partnerName: string;
  signatoryUserId: string | null;
  signatoryName: string;
  signatoryTitle: string;
  recordedBy: string;
  signedAt: Date;
  contentSha256: string;
  consentText: string;
  consentSha256: string;
  documentSha256: string;
};

/**
 * The fields an entry's hash covers, in canonical JSON: everything it says, its place and the previous
 * entry's hash (the consent text through its own hash). Dates at the millisecond, in UTC.
 */
export function entryHashOf(entry: Omit<JournalEntry, "id" | "entryHash">): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      territoryId: entry.territoryId,
      kind: entry.kind,
      charterId: entry.charterId,
      charterTitle: entry.charterTitle,
      versionId: entry.versionId,
      versionNumber: entry.versionNumber,
      partnerId: entry.partnerId,
      partnerName: entry.partnerName,
      signatoryUserId: entry.signatoryUserId,
      signatoryName: entry.signatoryName,
      signatoryTitle: entry.signatoryTitle,
      recordedBy: entry.recordedBy,
      signedAt: entry.signedAt.toISOString(),
      recordedAt: entry.recordedAt.toISOString(),
      contentSha256: entry.contentSha256,
      consentSha256: entry.consentSha256,
      documentSha256: entry.documentSha256,
      prevHash: entry.prevHash,
    }),
  );
}

/**
 * Appends one entry, inside the caller's transaction. The territory's row is locked (FOR NO KEY UPDATE:
 * other writes referencing the territory are not blocked) so that two signatures at once take seq n and
 * n + 1 in turn, each chained on the other, instead of both claiming n.
 */
export async function appendEntry(tx: Executor, entry: NewEntry): Promise<JournalEntry> {
  await tx.select({ id: territories.id }).from(territories).where(eq(territories.id, entry.territoryId)).for("no key update");
  const [last] = await tx
    .select({ seq: signatureJournal.seq, entryHash: signatureJournal.entryHash })
    .from(signatureJournal)
    .where(eq(signatureJournal.territoryId, entry.territoryId))
    .orderBy(desc(signatureJournal.seq))
    .limit(1);
  const row = {
    ...entry,
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.entryHash ?? GENESIS_HASH,
    // Milliseconds, as stored (timestamp(3)): the hash recomputed from the row is the same.
    signedAt: new Date(entry.signedAt.getTime()),
    recordedAt: new Date(Math.floor(Date.now())),
  };
  const entryHash = entryHashOf(row);
  const [inserted] = await tx.insert(signatureJournal).values({ ...row, entryHash }).returning();
  if (!inserted) throw new Error("signature journal: insert returned nothing");
  return inserted;
}

export type ChainCheck =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

/** The check of a list of entries in seq order (pure: the CLI and the page show its answer). */
export function checkChain(entries: readonly JournalEntry[]): ChainCheck {
  let prev = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, count: entries.length, brokenAt: i + 1, reason: `l'entrée n° ${i + 1} manque (la suivante porte le n° ${e.seq})` };
    if (e.prevHash !== prev) return { ok: false, count: entries.length, brokenAt: e.seq, reason: `l'entrée n° ${e.seq} ne suit pas l'empreinte de la précédente` };
    if (e.consentText && sha256Hex(e.consentText) !== e.consentSha256) return { ok: false, count: entries.length, brokenAt: e.seq, reason: `le texte de consentement de l'entrée n° ${e.seq} a été modifié` };
    const { id: _id, entryHash, ...fields } = e;
    if (entryHashOf(fields) !== entryHash) return { ok: false, count: entries.length, brokenAt: e.seq, reason: `l'entrée n° ${e.seq} a été modifiée après son inscription` };
    prev = entryHash;
  }
  return { ok: true, count: entries.length, lastHash: prev };
}

export async function journalEntries(db: Executor, territoryId: string): Promise<JournalEntry[]> {
  return db.select().from(signatureJournal).where(eq(signatureJournal.territoryId, territoryId)).orderBy(asc(signatureJournal.seq));
}

/** Recomputes every hash of the territory's journal and follows the chain from the first entry. */
export async function verifyJournal(db: Executor, territoryId: string): Promise<ChainCheck> {
  return checkChain(await journalEntries(db, territoryId));
}

/** Entries of every territory whose document (signed PDF or scan) has this hash. */
export async function entriesWithDocument(db: Executor, sha256: string): Promise<JournalEntry[]> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return [];
  return db.select().from(signatureJournal).where(eq(signatureJournal.documentSha256, sha256)).orderBy(asc(signatureJournal.seq));
}
