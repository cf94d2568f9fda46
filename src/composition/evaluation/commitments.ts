import type { Executor } from "@/platform/db/client";
import { commitmentsOf, latestVersionWith, partnersOf } from "@/modules/charter";
import { signaturesOf } from "@/modules/signatures";
import { healthLabels, healthOfCommitments } from "@/composition/charter/health";

/**
 * The commitments of the charter's latest submitted or signed version, each with its health on `today`
 * (the charter's rule, decision 026): what the evaluation shows in its « Suivi des engagements » table.
 * Null when the territory has no submitted charter yet.
 */
export async function commitmentsFollowUp(db: Executor, territoryId: string, today: string): Promise<{ partner: string; commitment: string; health: string }[] | null> {
  const version = await latestVersionWith(db, territoryId, ["soumise", "signee"]);
  if (!version) return null;
  const commitments = await commitmentsOf(db, version.id);
  const partners = new Map((await partnersOf(db, territoryId, version.charterId)).map((p) => [p.id, p.name]));
  const health = new Map((await healthOfCommitments(db, territoryId, commitments, today)).map((h) => [h.commitmentLineageId, h.health]));
  return commitments.map((c) => ({ partner: partners.get(c.partnerId) ?? "", commitment: c.text, health: healthLabels[health.get(c.lineageId) ?? "sans_donnees"] }));
}

/** Share (%) of the commitments with a verdict that are kept or on track on `on`; null when none has a verdict yet. */
export async function commitmentsKeptShare(db: Executor, territoryId: string, on: string): Promise<number | null> {
  const version = await latestVersionWith(db, territoryId, ["soumise", "signee"]);
  if (!version) return null;
  const rows = await healthOfCommitments(db, territoryId, await commitmentsOf(db, version.id), on);
  const judged = rows.filter((r) => r.health !== "sans_donnees");
  if (judged.length === 0) return null;
  return Math.round((1000 * judged.filter((r) => r.health === "tenu" || r.health === "en_bonne_voie").length) / judged.length) / 10;
}

/** Share (%) of the partners of the latest submitted or signed version who had signed it on `on` (online or by hand). */
export async function signedPartnersShare(db: Executor, territoryId: string, on: string): Promise<number | null> {
  const version = await latestVersionWith(db, territoryId, ["soumise", "signee"]);
  if (!version) return null;
  const { rows } = await signaturesOf(db, territoryId, version.id);
  if (rows.length === 0) return null;
  const signed = rows.filter((r) => r.signedAt !== null && r.signedAt.slice(0, 10) <= on).length;
  return Math.round((1000 * signed) / rows.length) / 10;
}
