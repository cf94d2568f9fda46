// Public entry of the signatures module: the signature journal of a territory's charter (online signatures
// with consent, handwritten ones with their scan, the signed PDF printed once) and its verification.
export * from "./schema";
export { signaturesOf, checkPdf, currentSignableVersion, findVersionByNumber, partnerSignatures, signedPdfOf } from "./queries";
export type { CharterSignatures, PdfCheck } from "./queries";
export { verifyJournal, journalEntries, checkChain } from "./journal";
export type { ChainCheck, JournalEntry } from "./journal";
export { registerCharterHtmlRenderer, charterHtml, printSignedPdf } from "./signed-pdf";
export type { CharterHtmlRenderer } from "./signed-pdf";
export { signaturePolicy, journalPolicy } from "./policy";
export { signOnline, recordHandwritten, storeSignedPdf } from "./commands";
export { consentText, consentSha256 } from "./consent";
