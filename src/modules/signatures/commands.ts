import { eq } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { principalLabel } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { charterVersions, markSignedIn } from "@/modules/charter";
import type { Territory } from "@/modules/territories";
import { consentText } from "./consent";
import { sha256Hex } from "./hash";
import { appendEntry, type JournalEntry } from "./journal";
import { signaturePolicy } from "./policy";
import { findVersionById, findVersionByNumber, partnerSignatures, type PartnerSignature, type SignableVersion } from "./queries";
import { handwrittenScans, signedCharterPdfs } from "./schema";
import type { HandwrittenInput, SignInput } from "./validation";

export type SignOutcome = { entry: JournalEntry; version: SignableVersion; complete: boolean };

/**
 * The version, locked for the rest of the transaction (two last signatures at once: one of them sees the
 * other's and completes the version), and still open for signature.
 */
async function lockOpenVersion(tx: Executor, territoryId: string, number: number): Promise<SignableVersion & { contentSha256: string }> {
  const version = await findVersionByNumber(tx, territoryId, number);
  if (!version) throw new AppError("not_found", { message: "Cette version de la charte n'existe pas." });
  await tx.select({ id: charterVersions.id }).from(charterVersions).where(eq(charterVersions.id, version.id)).for("update");
  const [fresh] = await tx.select({ status: charterVersions.status, contentSha256: charterVersions.contentSha256 }).from(charterVersions).where(eq(charterVersions.id, version.id));
  if (fresh?.status === "remplacee") throw new AppError("charter_changed");
  if (fresh?.status !== "soumise" || !fresh.contentSha256) throw new AppError("not_signable");
  return { ...version, status: fresh.status, contentSha256: fresh.contentSha256 };
}

/** When every partner of the charter has signed, the version becomes signed (same transaction). */
async function completeIfAllSigned(tx: Executor, territoryId: string, version: SignableVersion): Promise<boolean> {
  const partners = await partnerSignatures(tx, territoryId, version);
  if (partners.length === 0 || partners.some((p) => !p.entry)) return false;
  await markSignedIn(tx, version.id);
  return true;
}

function partnerOf(partners: PartnerSignature[], partnerId: string): PartnerSignature {
  const partner = partners.find((p) => p.partnerId === partnerId);
  if (!partner) throw new AppError("not_found", { message: "Cette structure n'est pas partenaire de la charte." });
  return partner;
}

/**
 * The named signatory signs for their partner, online, on the consent screen. Refused when the version's
 * hash is not the one they were shown (`charter_changed`), when the consent they were shown is not the one
 * the platform would show now (a partner's name or title changed meanwhile: same refusal, they read again),
 * for anyone but the named signatory (403), and a second time (`already_signed`, also a unique index).
 */
export async function signOnline(db: Db, principal: Principal, territory: Territory, input: SignInput): Promise<SignOutcome> {
  return db.transaction(async (tx) => {
    const version = await lockOpenVersion(tx, territory.id, input.version);
    if (input.contentSha256 !== version.contentSha256) throw new AppError("charter_changed");
    const partners = await partnerSignatures(tx, territory.id, version);
    const partner = partnerOf(partners, input.partner);
    authorize(signaturePolicy.sign(principal, { ...territory, signatoryUserId: partner.signatoryUserId }));
    if (partner.entry) throw new AppError("already_signed");
    const consent = consentText({
      signatoryName: partner.signatoryName || principalLabel(principal, { show: "nameOrEmail" }),
      signatoryTitle: partner.signatoryTitle,
      partnerName: partner.partnerName,
      charterTitle: version.charterTitle,
      charterKind: version.charterKind,
      versionNumber: version.number,
      contentSha256: version.contentSha256,
    });
    if (sha256Hex(consent) !== input.consentSha256) throw new AppError("charter_changed");
    const entry = await appendEntry(tx, {
      territoryId: territory.id,
      kind: "en_ligne",
      charterId: version.charterId,
      charterTitle: version.charterTitle,
      versionId: version.id,
      versionNumber: version.number,
      partnerId: partner.partnerId,
      partnerName: partner.partnerName,
      signatoryUserId: principal.kind === "user" ? principal.userId : null,
      signatoryName: partner.signatoryName || principalLabel(principal, { show: "nameOrEmail" }),
      signatoryTitle: partner.signatoryTitle,
      recordedBy: principalLabel(principal),
      signedAt: new Date(),
      contentSha256: version.contentSha256,
      consentText: consent,
      consentSha256: input.consentSha256,
      documentSha256: "",
    });
    const complete = await completeIfAllSigned(tx, territory.id, version);
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "charter_signature",
      entityId: entry.id,
      action: "sign",
      after: { version: version.number, partner: partner.partnerName, entryHash: entry.entryHash, complete },
    });
    return { entry, version, complete };
  });
}

/** What a scanned page is, from its first bytes (its name and declared type are not trusted). */
export function scanType(bytes: Uint8Array): "application/pdf" | "image/png" | "image/jpeg" | undefined {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return undefined;
}

/**
 * The coordinator records a partner's handwritten signature with the scanned signed page: marked
 * « manuscrite » in the journal with the scan's SHA-256 (the scan alone is not an electronic signature:
 * it is kept as the trace of the paper one). The date is the one written on the page.
 */
export async function recordHandwritten(db: Db, principal: Principal, territory: Territory, input: HandwrittenInput, scan: { bytes: Uint8Array; filename: string }): Promise<SignOutcome> {
  const contentType = scanType(scan.bytes);
  if (!contentType) {
    const message = `Le fichier « ${scan.filename.slice(0, 80)} » n'est ni un PDF, ni une image PNG ou JPEG. Numérisez la page signée dans l'un de ces formats. Rien n'a été enregistré.`;
    throw new AppError("file_refused", { message, fieldErrors: { file: [message] } });
  }
  return db.transaction(async (tx) => {
    const version = await lockOpenVersion(tx, territory.id, input.version);
    const partners = await partnerSignatures(tx, territory.id, version);
    const partner = partnerOf(partners, input.partner);
    authorize(signaturePolicy.recordHandwritten(principal, { ...territory, signatoryUserId: partner.signatoryUserId }));
    if (partner.entry) throw new AppError("already_signed");
    const signedAt = new Date(`${input.signedOn}T12:00:00.000Z`);
    const submitted = version.submittedAt ? version.submittedAt.toISOString().slice(0, 10) : undefined;
    if (submitted && input.signedOn < submitted) {
      throw new AppError("validation", { fieldErrors: { signedOn: [`La version a été soumise à signature le ${submitted.split("-").reverse().join("/")} : la signature ne peut pas être antérieure.`] } });
    }
    const documentSha256 = sha256Hex(scan.bytes);
    await tx.insert(handwrittenScans).values({
      territoryId: territory.id,
      versionId: version.id,
      partnerId: partner.partnerId,
      filename: scan.filename.slice(0, 200),
      contentType,
      sha256: documentSha256,
      size: scan.bytes.length,
      bytes: scan.bytes,
    });
    const entry = await appendEntry(tx, {
      territoryId: territory.id,
      kind: "manuscrite",
      charterId: version.charterId,
      charterTitle: version.charterTitle,
      versionId: version.id,
      versionNumber: version.number,
      partnerId: partner.partnerId,
      partnerName: partner.partnerName,
      signatoryUserId: partner.signatoryUserId,
      signatoryName: input.signatoryName || partner.signatoryName,
      signatoryTitle: input.signatoryTitle || partner.signatoryTitle,
      recordedBy: principalLabel(principal),
      signedAt,
      contentSha256: version.contentSha256,
      consentText: "",
      consentSha256: "",
      documentSha256,
    });
    const complete = await completeIfAllSigned(tx, territory.id, version);
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "charter_signature",
      entityId: entry.id,
      action: "record_handwritten",
      after: { version: version.number, partner: partner.partnerName, scanSha256: documentSha256, entryHash: entry.entryHash, complete },
    });
    return { entry, version, complete };
  });
}

/**
 * Keeps the signed PDF of a fully signed version, once: its bytes and SHA-256, and that hash appended to
 * the journal, in one transaction. A second print (a job run twice) keeps the first one and says so.
 */
export async function storeSignedPdf(db: Db, principal: Principal, territoryId: string, versionId: string, bytes: Uint8Array): Promise<{ sha256: string; stored: boolean }> {
  return db.transaction(async (tx) => {
    const version = await findVersionById(tx, territoryId, versionId);
    if (!version) throw new AppError("not_found", { message: "Cette version de la charte n'existe pas." });
    await tx.select({ id: charterVersions.id }).from(charterVersions).where(eq(charterVersions.id, version.id)).for("update");
    const [existing] = await tx.select({ sha256: signedCharterPdfs.sha256 }).from(signedCharterPdfs).where(eq(signedCharterPdfs.versionId, versionId));
    if (existing) return { sha256: existing.sha256, stored: false };
    const [status] = await tx.select({ status: charterVersions.status }).from(charterVersions).where(eq(charterVersions.id, versionId));
    if (status?.status !== "signee") throw new AppError("not_signable", { message: "Cette version n'est pas encore signée par tous : son PDF signé ne peut pas être produit." });
    const sha256 = sha256Hex(bytes);
    await tx.insert(signedCharterPdfs).values({ versionId, territoryId, sha256, size: bytes.length, bytes });
    const entry = await appendEntry(tx, {
      territoryId,
      kind: "pdf_signe",
      charterId: version.charterId,
      charterTitle: version.charterTitle,
      versionId,
      versionNumber: version.number,
      partnerId: null,
      partnerName: "",
      signatoryUserId: null,
      signatoryName: "",
      signatoryTitle: "",
      recordedBy: principalLabel(principal),
      signedAt: new Date(),
      contentSha256: version.contentSha256 ?? "",
      consentText: "",
      consentSha256: "",
      documentSha256: sha256,
    });
    await recordAudit(tx, principal, { territoryId, entityType: "charter_signed_pdf", entityId: versionId, action: "store", after: { sha256, size: bytes.length, entryHash: entry.entryHash } });
    return { sha256, stored: true };
  });
}
