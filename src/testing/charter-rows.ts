/**
 * A charter with a version submitted for signature, written straight into the tables: what the signature tests
 * and the e2e server use (nothing in production). The content has the charter's canonical shape (CharterContent,
 * src/composition/charter/canonical.ts) with one commitment per partner, « Engagement n° 1 »…, so the charter's
 * own rendering reads it; the hash follows the charter's rule (SHA-256 of the canonical JSON).
 */
import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { actors } from "@/modules/actors/schema";
import { charterPartners, charters, charterVersions } from "@/modules/charter/schema";
import { contentSha256 as hashOf } from "@/modules/charter";
import type { Executor } from "@/platform/db/client";

export type PartnerRow = { actorId: string; signatoryUserId: string | null; signatoryName: string; signatoryTitle?: string };

export async function insertSubmittedCharter(
  db: Executor,
  territoryId: string,
  options: { title?: string; number?: number; partners: PartnerRow[]; content?: unknown; charterId?: string },
): Promise<{ charterId: string; versionId: string; number: number; contentSha256: string; partnerIds: string[] }> {
  const title = options.title ?? "Charte de l'inclusion numérique";
  let charterId = options.charterId;
  if (!charterId) {
    const [charter] = await db.insert(charters).values({ territoryId, title }).returning({ id: charters.id });
    if (!charter) throw new Error("charter not inserted");
    const id = charter.id;
    charterId = id;
    await db
      .insert(charterPartners)
      .values(options.partners.map((p, i) => ({ charterId: id, actorId: p.actorId, signatoryUserId: p.signatoryUserId, signatoryName: p.signatoryName, signatoryTitle: p.signatoryTitle ?? "", position: i })));
  }
  const partners = await db.select().from(charterPartners).where(eq(charterPartners.charterId, charterId)).orderBy(asc(charterPartners.position));
  const names = new Map((await db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, partners.map((p) => p.actorId)))).map((a) => [a.id, a.name]));
  const number = options.number ?? 1;
  const content = options.content ?? {
    format: 1,
    charter: { title, kind: "charte" },
    territory: { name: "" },
    version: number,
    sections: [{ kind: "preambule", title: "Préambule", body: "Les partenaires s'engagent à rendre le numérique accessible à tous les habitants." }],
    diagnostic: { strengthCount: 0, questionCount: 0, strengths: [], questions: [] },
    strategy: { vision: "", axes: [] },
    plan: null,
    governance: [],
    partners: partners.map((p, i) => ({
      partnerId: p.id,
      actorId: p.actorId,
      name: names.get(p.actorId) ?? "",
      signatory: { userId: p.signatoryUserId, name: p.signatoryName, title: p.signatoryTitle },
      commitments: [{ lineageId: randomUUID(), text: `Engagement n° ${i + 1}`, moneyEuros: null, inKindDays: null, inKindText: "", actions: [], indicators: [] }],
    })),
  };
  const contentSha256 = hashOf(content);
  const [version] = await db
    .insert(charterVersions)
    .values({ charterId, territoryId, number, status: "soumise", content, contentSha256, submittedAt: new Date(Date.now() - 86_400_000), submittedBy: "test" })
    .returning({ id: charterVersions.id });
  if (!version) throw new Error("version not inserted");
  return { charterId, versionId: version.id, number, contentSha256, partnerIds: partners.map((p) => p.id) };
}
