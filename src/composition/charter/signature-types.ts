/** The signature table and certificate of a charter version, as the signatures module's `signaturesOf` gives them (contract of decision 026). */
export type SignatureRow = { partner: string; signatory: string; title: string; signedAt: string | null; how: "en_ligne" | "manuscrite" | null };
export type SignatureCertificate = { contentSha256: string; entries: { seq: number; signatory: string; signedAt: string; contentSha256: string; consentSha256: string; entryHash: string }[] } | null;
