import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { bytea } from "@/platform/jobs/schema";
import { territories } from "@/modules/territories";

/**
 * en_ligne: the named signatory signed in the platform on the consent screen;
 * manuscrite: the coordinator recorded a handwritten signature with the scanned page;
 * pdf_signe: the signed PDF, printed once when the last signatory signed.
 */
export const journalKinds = ["en_ligne", "manuscrite", "pdf_signe"] as const;
export type JournalKind = (typeof journalKinds)[number];
export const journalKind = pgEnum("signature_journal_kind", journalKinds);

/**
 * The signature journal of a territory: append-only (the database refuses UPDATE and DELETE, migration
 * 0016) and hash-chained: `entryHash` = SHA-256 of the entry's canonical fields, `prevHash` included, so a
 * changed entry breaks the chain from there on (journal.ts verifies it). Who and what are copied in
 * (names, titles, version number) rather than referenced: a later rename or a deleted account must not
 * change what was signed, and a foreign key's "set null" would be an UPDATE the journal refuses.
 * Only the territory is a foreign key: erasing a whole territory erases its journal (the trigger lets a
 * cascade through once the territory row is gone).
 */
export const signatureJournal = pgTable(
  "signature_journal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per territory, without gaps: a removed entry shows as a gap even before its hash is checked. */
    seq: integer("seq").notNull(),
    kind: journalKind("kind").notNull(),
    charterId: uuid("charter_id").notNull(),
    charterTitle: text("charter_title").notNull(),
    versionId: uuid("version_id").notNull(),
    versionNumber: integer("version_number").notNull(),
    /** The partner signed for (null for the signed PDF). */
    partnerId: uuid("partner_id"),
    partnerName: text("partner_name").notNull().default(""),
    signatoryUserId: text("signatory_user_id"),
    signatoryName: text("signatory_name").notNull().default(""),
    signatoryTitle: text("signatory_title").notNull().default(""),
    /** Who wrote the entry: the signatory (en ligne), the coordinator (manuscrite), the system (PDF). */
    recordedBy: text("recorded_by").notNull(),
    /** When the signature was given (en ligne: now; manuscrite: the date written on the page, at noon UTC). */
    signedAt: timestamp("signed_at", { withTimezone: true, precision: 3 }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
    /** The version's `content_sha256`, as the signer was shown it. */
    contentSha256: text("content_sha256").notNull(),
    /** The exact consent text shown and its hash (en ligne only). */
    consentText: text("consent_text").notNull().default(""),
    consentSha256: text("consent_sha256").notNull().default(""),
    /** The scanned page (manuscrite) or the signed PDF (pdf_signe). */
    documentSha256: text("document_sha256").notNull().default(""),
    prevHash: text("prev_hash").notNull(),
    entryHash: text("entry_hash").notNull(),
  },
  (t) => [
    uniqueIndex("signature_journal_seq_idx").on(t.territoryId, t.seq),
    // Once per partner and version, whatever the way; and one signed PDF per version.
    uniqueIndex("signature_journal_partner_idx").on(t.versionId, t.partnerId).where(sql`kind <> 'pdf_signe'`),
    uniqueIndex("signature_journal_pdf_idx").on(t.versionId).where(sql`kind = 'pdf_signe'`),
    index("signature_journal_document_idx").on(t.documentSha256),
  ],
);

/** The signed PDF of a version, printed once; anyone's copy is checked against its hash. */
export const signedCharterPdfs = pgTable("signed_charter_pdfs", {
  versionId: uuid("version_id").primaryKey(),
  territoryId: uuid("territory_id")
    .notNull()
    .references(() => territories.id, { onDelete: "cascade" }),
  sha256: text("sha256").notNull(),
  size: integer("size").notNull(),
  bytes: bytea("bytes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The scanned page of a handwritten signature (its hash is in the journal entry). */
export const handwrittenScans = pgTable(
  "handwritten_signature_scans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    versionId: uuid("version_id").notNull(),
    partnerId: uuid("partner_id").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("handwritten_signature_scans_partner_idx").on(t.versionId, t.partnerId)],
);
