import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { jobRuns } from "@/platform/jobs/schema";
import type { JobState } from "@/platform/jobs/queue";
import { actors, speakerIdsOf } from "@/modules/actors";
import { charterPartners, charters, charterVersions, type CharterVersionStatus } from "@/modules/charter";
import { territories } from "@/modules/territories";
import { entriesWithDocument, type JournalEntry } from "./journal";
import { sha256Hex } from "./hash";
import { handwrittenScans, signatureJournal, signedCharterPdfs } from "./schema";

export type SignableVersion = {
  id: string;
  charterId: string;
  charterTitle: string;
  charterKind: "charte" | "contrat";
  territoryId: string;
  number: number;
  status: CharterVersionStatus;
  content: unknown;
  contentSha256: string | null;
  submittedAt: Date | null;
};

const versionColumns = {
  id: charterVersions.id,
  charterId: charterVersions.charterId,
  charterTitle: charters.title,
  charterKind: charters.kind,
  territoryId: charterVersions.territoryId,
  number: charterVersions.number,
  status: charterVersions.status,
  content: charterVersions.content,
  contentSha256: charterVersions.contentSha256,
  submittedAt: charterVersions.submittedAt,
};

/** The territory's charter (its first one: the routes name a version by its number only). */
async function charterIdOf(db: Executor, territoryId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: charters.id }).from(charters).where(eq(charters.territoryId, territoryId)).orderBy(asc(charters.createdAt), asc(charters.id)).limit(1);
  return row?.id;
}

/** Version `number` of the territory's charter. */
export async function findVersionByNumber(db: Executor, territoryId: string, number: number): Promise<SignableVersion | undefined> {
  const charterId = await charterIdOf(db, territoryId);
  if (!charterId) return undefined;
  const [row] = await db
    .select(versionColumns)
    .from(charterVersions)
    .innerJoin(charters, eq(charters.id, charterVersions.charterId))
    .where(and(eq(charterVersions.territoryId, territoryId), eq(charterVersions.charterId, charterId), eq(charterVersions.number, number)));
  return row;
}

export async function findVersionById(db: Executor, territoryId: string, versionId: string): Promise<SignableVersion | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(charterVersions)
    .innerJoin(charters, eq(charters.id, charterVersions.charterId))
    .where(and(eq(charterVersions.territoryId, territoryId), eq(charterVersions.id, versionId)));
  return row;
}

/** The newest version submitted for signature or signed (what a signer must read now), if any. */
export async function currentSignableVersion(db: Executor, territoryId: string): Promise<SignableVersion | undefined> {
  const charterId = await charterIdOf(db, territoryId);
  if (!charterId) return undefined;
  const [row] = await db
    .select(versionColumns)
    .from(charterVersions)
    .innerJoin(charters, eq(charters.id, charterVersions.charterId))
    .where(and(eq(charterVersions.territoryId, territoryId), eq(charterVersions.charterId, charterId), inArray(charterVersions.status, ["soumise", "signee"])))
    .orderBy(desc(charterVersions.number))
    .limit(1);
  return row;
}

export type PartnerSignature = {
  partnerId: string;
  /** The partner's structure (its speakers are the people who speak for it). */
  actorId: string;
  partnerName: string;
  signatoryUserId: string | null;
  signatoryName: string;
  signatoryTitle: string;
  /** Its entry in the journal, once signed (online or handwritten). */
  entry: JournalEntry | undefined;
};

/** Every partner of the version's charter, in their order, with its signature of that version if any. */
export async function partnerSignatures(db: Executor, territoryId: string, version: Pick<SignableVersion, "id" | "charterId">): Promise<PartnerSignature[]> {
  const partners = await db
    .select({
      partnerId: charterPartners.id,
      actorId: charterPartners.actorId,
      partnerName: actors.name,
      signatoryUserId: charterPartners.signatoryUserId,
      signatoryName: charterPartners.signatoryName,
      signatoryTitle: charterPartners.signatoryTitle,
    })
    .from(charterPartners)
    .innerJoin(charters, eq(charters.id, charterPartners.charterId))
    .innerJoin(actors, eq(actors.id, charterPartners.actorId))
    .where(and(eq(charterPartners.charterId, version.charterId), eq(charters.territoryId, territoryId)))
    .orderBy(asc(charterPartners.position), asc(actors.name));
  const entries = await db
    .select()
    .from(signatureJournal)
    .where(and(eq(signatureJournal.territoryId, territoryId), eq(signatureJournal.versionId, version.id), ne(signatureJournal.kind, "pdf_signe")));
  return partners.map((p) => ({ ...p, entry: entries.find((e) => e.partnerId === p.partnerId) }));
}

/** The signature table and certificate of the charter document (the shape CHARTER's document model expects). */
export type CharterSignatures = {
  rows: { partner: string; signatory: string; title: string; signedAt: string | null; how: "en_ligne" | "manuscrite" | null }[];
  certificate: {
    contentSha256: string;
    entries: { seq: number; signatory: string; signedAt: string; contentSha256: string; consentSha256: string; entryHash: string }[];
  } | null;
};

/**
 * What the printed charter shows of its signatures: one row per partner (signed or not, how, when — ISO
 * 8601 in UTC), and the certificate (the version's hash and each signature's journal entry) once the
 * version is frozen. A draft has no certificate.
 */
export async function signaturesOf(db: Executor, territoryId: string, versionId: string): Promise<CharterSignatures> {
  const version = await findVersionById(db, territoryId, versionId);
  if (!version) return { rows: [], certificate: null };
  const partners = await partnerSignatures(db, territoryId, version);
  const rows = partners.map((p) => ({
    partner: p.entry?.partnerName ?? p.partnerName,
    signatory: p.entry?.signatoryName ?? p.signatoryName,
    title: p.entry?.signatoryTitle ?? p.signatoryTitle,
    signedAt: p.entry ? p.entry.signedAt.toISOString() : null,
    how: p.entry ? (p.entry.kind as "en_ligne" | "manuscrite") : null,
  }));
  const signed = partners.flatMap((p) => (p.entry ? [p.entry] : [])).sort((a, b) => a.seq - b.seq);
  const certificate = version.contentSha256
    ? {
        contentSha256: version.contentSha256,
        entries: signed.map((e) => ({
          seq: e.seq,
          signatory: e.signatoryName,
          signedAt: e.signedAt.toISOString(),
          contentSha256: e.contentSha256,
          consentSha256: e.consentSha256,
          entryHash: e.entryHash,
        })),
      }
    : null;
  return { rows, certificate };
}

export async function signedPdfOf(db: Executor, territoryId: string, versionId: string): Promise<{ sha256: string; size: number; bytes: Uint8Array; createdAt: Date } | undefined> {
  const [row] = await db
    .select({ sha256: signedCharterPdfs.sha256, size: signedCharterPdfs.size, bytes: signedCharterPdfs.bytes, createdAt: signedCharterPdfs.createdAt })
    .from(signedCharterPdfs)
    .where(and(eq(signedCharterPdfs.territoryId, territoryId), eq(signedCharterPdfs.versionId, versionId)));
  return row;
}

/** Whether the signed PDF exists, without reading its bytes. */
export async function signedPdfInfo(db: Executor, territoryId: string, versionId: string): Promise<{ sha256: string; size: number; createdAt: Date } | undefined> {
  const [row] = await db
    .select({ sha256: signedCharterPdfs.sha256, size: signedCharterPdfs.size, createdAt: signedCharterPdfs.createdAt })
    .from(signedCharterPdfs)
    .where(and(eq(signedCharterPdfs.territoryId, territoryId), eq(signedCharterPdfs.versionId, versionId)));
  return row;
}

/** The stored scanned page of a partner's handwritten signature of a version, with its bytes. */
export async function scanOf(db: Executor, territoryId: string, versionId: string, partnerId: string) {
  const [row] = await db
    .select()
    .from(handwrittenScans)
    .where(and(eq(handwrittenScans.territoryId, territoryId), eq(handwrittenScans.versionId, versionId), eq(handwrittenScans.partnerId, partnerId)));
  return row;
}

/** What the scan page shows of a stored scan, without its bytes. */
export async function scanInfoOf(db: Executor, territoryId: string, versionId: string, partnerId: string) {
  const [row] = await db
    .select({ filename: handwrittenScans.filename, contentType: handwrittenScans.contentType, sha256: handwrittenScans.sha256, size: handwrittenScans.size, createdAt: handwrittenScans.createdAt })
    .from(handwrittenScans)
    .where(and(eq(handwrittenScans.territoryId, territoryId), eq(handwrittenScans.versionId, versionId), eq(handwrittenScans.partnerId, partnerId)));
  return row;
}

/** The people who speak for a partner's structure (the scan policy lets them see their own scanned page). */
export function speakersOf(db: Executor, actorId: string): Promise<string[]> {
  return speakerIdsOf(db, actorId);
}

/** The job queue's key of a version's signed PDF: one print at a time per version. */
export const signedPdfKey = (versionId: string) => `charter-signed-pdf:${versionId}`;

/**
 * Where the print of a signed version's PDF stands (its latest run), so that the signatures page says it is
 * waiting, running, or failed (with why) instead of "being printed" forever; undefined when never asked.
 */
export async function signedPdfJobOf(db: Executor, territoryId: string, versionId: string): Promise<{ state: JobState; error: string | null } | undefined> {
  const [row] = await db
    .select({ state: jobRuns.state, error: jobRuns.error })
    .from(jobRuns)
    .where(and(eq(jobRuns.queue, "charter-signed-pdf"), eq(jobRuns.scopeId, territoryId), eq(jobRuns.exclusiveKey, signedPdfKey(versionId))))
    .orderBy(desc(jobRuns.createdAt))
    .limit(1);
  return row;
}

/** What a checked PDF turned out to be: a signed version recorded in a journal, or not. */
export type PdfCheck = {
  sha256: string;
  match:
    | {
        territoryName: string;
        territorySlug: string;
        charterTitle: string;
        versionNumber: number;
        printedAt: string;
        signatures: { partner: string; signatory: string; title: string; signedAt: string; how: "en_ligne" | "manuscrite" }[];
      }
    | null;
};

/**
 * Looks a file's SHA-256 up among the signed PDFs recorded in the journals (any territory: the public
 * page and the CLI ask without knowing which). A file whose bytes differ by one bit is not found.
 */
export async function checkPdf(db: Executor, bytes: Uint8Array): Promise<PdfCheck> {
  const sha256 = sha256Hex(bytes);
  const [entry] = (await entriesWithDocument(db, sha256)).filter((e) => e.kind === "pdf_signe");
  if (!entry) return { sha256, match: null };
  const [territory] = await db.select({ name: territories.name, slug: territories.slug }).from(territories).where(eq(territories.id, entry.territoryId));
  const signed = await db
    .select()
    .from(signatureJournal)
    .where(and(eq(signatureJournal.territoryId, entry.territoryId), eq(signatureJournal.versionId, entry.versionId), ne(signatureJournal.kind, "pdf_signe")))
    .orderBy(asc(signatureJournal.seq));
  return {
    sha256,
    match: {
      territoryName: territory?.name ?? "",
      territorySlug: territory?.slug ?? "",
      charterTitle: entry.charterTitle,
      versionNumber: entry.versionNumber,
      printedAt: entry.signedAt.toISOString(),
      signatures: signed.map((e) => ({ partner: e.partnerName, signatory: e.signatoryName, title: e.signatoryTitle, signedAt: e.signedAt.toISOString(), how: e.kind as "en_ligne" | "manuscrite" })),
    },
  };
}

/**
 * A partner's handwritten signature of version `number`, as its scan page shows it: the version, the partner,
 * its journal entry, what is stored of the scanned page (not its bytes) and who speaks for the partner (the
 * scan policy's resource). Undefined when the version, the partner or a handwritten signature with its scan is missing.
 */
export async function handwrittenSignatureOf(db: Executor, territoryId: string, number: number, partnerId: string) {
  if (!/^[0-9a-f-]{36}$/.test(partnerId)) return undefined;
  const version = await findVersionByNumber(db, territoryId, number);
  if (!version) return undefined;
  const partner = (await partnerSignatures(db, territoryId, version)).find((p) => p.partnerId === partnerId);
  const entry = partner?.entry;
  if (!partner || entry?.kind !== "manuscrite") return undefined;
  const scan = await scanInfoOf(db, territoryId, version.id, partnerId);
  if (!scan) return undefined;
  return { version, partner, entry, scan, speakerIds: await speakerIdsOf(db, partner.actorId) };
}
