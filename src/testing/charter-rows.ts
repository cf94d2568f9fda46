/**
 * A charter with a version submitted for signature, written straight into the spine tables (the charter's
 * own commands are built apart): what the signature tests, the e2e server and nothing in production use.
 * The hash follows the charter's rule: SHA-256 of the canonical JSON of the content.
 */
import { charterPartners, charters, charterVersions } from "@/modules/charter/schema";
import type { Executor } from "@/platform/db/client";
import { canonicalJson, sha256Hex } from "@/modules/signatures/hash";

export type PartnerRow = { actorId: string; signatoryUserId: string | null; signatoryName: string; signatoryTitle?: string };

export async function insertSubmittedCharter(
  db: Executor,
  territoryId: string,
  options: { title?: string; number?: number; partners: PartnerRow[]; content?: unknown; charterId?: string },
): Promise<{ charterId: string; versionId: string; number: number; contentSha256: string; partnerIds: string[] }> {
  let charterId = options.charterId;
  let partnerIds: string[] = [];
  if (!charterId) {
    const [charter] = await db.insert(charters).values({ territoryId, title: options.title ?? "Charte de l'inclusion numérique" }).returning({ id: charters.id });
    if (!charter) throw new Error("charter not inserted");
    const id = charter.id;
    charterId = id;
    const rows = await db
      .insert(charterPartners)
      .values(options.partners.map((p, i) => ({ charterId: id, actorId: p.actorId, signatoryUserId: p.signatoryUserId, signatoryName: p.signatoryName, signatoryTitle: p.signatoryTitle ?? "", position: i })))
      .returning({ id: charterPartners.id });
    partnerIds = rows.map((r) => r.id);
  }
  const number = options.number ?? 1;
  const content = options.content ?? {
    titre: options.title ?? "Charte de l'inclusion numérique",
    preambule: "Les partenaires s'engagent à rendre le numérique accessible à tous les habitants.",
    engagements: options.partners.map((p, i) => ({ partenaire: p.signatoryName, texte: `Engagement n° ${i + 1}` })),
  };
  const contentSha256 = sha256Hex(canonicalJson(content));
  const [version] = await db
    .insert(charterVersions)
    .values({ charterId, territoryId, number, status: "soumise", content, contentSha256, submittedAt: new Date(Date.now() - 86_400_000), submittedBy: "test" })
    .returning({ id: charterVersions.id });
  if (!version) throw new Error("version not inserted");
  return { charterId, versionId: version.id, number, contentSha256, partnerIds };
}
