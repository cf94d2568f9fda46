import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { memberships, territories } from "@/modules/territories/schema";
import { consentSha256, currentSignableVersion, partnerSignatures, recordHandwritten, signOnline } from "@/modules/signatures";
import { principalOf } from "./factories";

/** A one-page PDF standing for the scanned signed page of the demo's handwritten signatures. */
const DEMO_SCAN = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * Three signatures on the territory's latest version submitted for signature, and one partner left pending
 * (runs after the charter's demo). Through the real commands: a partner whose named signatory is a member
 * signs online as that person; the others are recorded as handwritten by a coordinator, with a scan.
 * Without a submitted version (or with fewer than two partners) it does nothing and says so.
 */
export async function seedDemoSignatures(db: Db, territoryId: string): Promise<void> {
  const version = await currentSignableVersion(db, territoryId);
  if (!version || version.status !== "soumise" || !version.contentSha256) {
    console.error("Démonstration : aucune version de charte soumise à signature, aucune signature créée.");
    return;
  }
  const [territory] = await db.select().from(territories).where(eq(territories.id, territoryId));
  const [coordination] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.territoryId, territoryId), eq(memberships.role, "coordinator")))
    .orderBy(asc(memberships.userId))
    .limit(1);
  const partners = (await partnerSignatures(db, territoryId, version)).filter((p) => !p.entry);
  if (!territory || partners.length < 2) {
    console.error("Démonstration : la charte soumise a moins de deux partenaires à faire signer, aucune signature créée.");
    return;
  }
  const members = new Set((await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.territoryId, territoryId))).map((m) => m.userId));
  // One partner stays pending: the demo shows a charter waiting for its last signature.
  for (const p of partners.slice(0, Math.min(3, partners.length - 1))) {
    if (p.signatoryUserId && members.has(p.signatoryUserId)) {
      const principal = await principalOf(db, p.signatoryUserId);
      const facts = {
        signatoryName: p.signatoryName || (principal.kind === "user" ? principal.name || principal.email : ""),
        signatoryTitle: p.signatoryTitle,
        partnerName: p.partnerName,
        charterTitle: version.charterTitle,
        charterKind: version.charterKind,
        versionNumber: version.number,
        contentSha256: version.contentSha256,
      };
      await signOnline(db, principal, territory, { version: version.number, partner: p.partnerId, contentSha256: version.contentSha256, consentSha256: consentSha256(facts), consent: "oui" });
    } else if (coordination) {
      const today = new Date().toISOString().slice(0, 10);
      await recordHandwritten(db, await principalOf(db, coordination.userId), territory, { version: version.number, partner: p.partnerId, signedOn: today, signatoryName: "", signatoryTitle: "" }, { bytes: DEMO_SCAN, filename: "page-signee.pdf" });
    }
  }
}
