// replaced at merge by @/modules/signatures — SIGN's `signaturesOf(db, territoryId, versionId)` (same return shape).
// Until then no version carries a signature: every partner's row says « en attente » and there is no certificate.
import type { Executor } from "@/platform/db/client";
import type { SignatureCertificate, SignatureRow } from "./signature-types";

export async function signaturesOf(db: Executor, territoryId: string, versionId: string): Promise<{ rows: SignatureRow[]; certificate: SignatureCertificate }> {
  void db;
  void territoryId;
  void versionId;
  return { rows: [], certificate: null };
}
