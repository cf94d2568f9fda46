import { count, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import type { JourneyContribution, JourneyStep, JourneyTerritory } from "@/platform/journey";
import { countOf, formatDate } from "@/platform/text";
import { findCharter, listCharterVersions, partnersOf } from "./queries";
import { charterCommitments } from "./schema";

/**
 * The charter's part of the journey (formalising commitments): no charter yet; a draft waiting for partners'
 * commitments, for signatories or for its submission; a version waiting for signatures; the charter signed.
 */
export async function journeyOf(db: Executor, territory: JourneyTerritory, now: Date): Promise<JourneyContribution[]> {
  void now;
  const base = `/espace/${territory.slug}/charte`;
  const charter = await findCharter(db, territory.id);
  if (!charter) {
    return [{ phase: "commitments", facts: [], missing: ["Aucune charte d'engagements"], next: [{ text: "Rédiger la charte d'engagements avec les partenaires", href: base, urgency: "useful" }] }];
  }
  const versions = await listCharterVersions(db, territory.id, charter.id);
  const last = versions[0];
  if (!last) return [];
  const partners = await partnersOf(db, territory.id, charter.id);
  const facts: JourneyContribution["facts"] = [{ label: countOf(partners.length, "structure partenaire", "structures partenaires"), count: partners.length, href: base }];
  const signed = versions.find((v) => v.status === "signee");
  if (signed) facts.push({ label: `Charte signée (version ${signed.number})`, href: `${base}/versions/${signed.number}` });
  const missing: string[] = [];
  const next: JourneyStep[] = [];
  if (last.status === "brouillon") {
    const rows = await db.select({ partnerId: charterCommitments.partnerId, n: count() }).from(charterCommitments).where(eq(charterCommitments.versionId, last.id)).groupBy(charterCommitments.partnerId);
    const committed = new Set(rows.map((r) => r.partnerId));
    const total = rows.reduce((s, r) => s + Number(r.n), 0);
    facts.push({ label: `Version ${last.number} en brouillon : ${countOf(total, "engagement", "engagements")}`, count: total, href: base });
    const silent = partners.filter((p) => !committed.has(p.id));
    const unsigned = partners.filter((p) => !p.signatoryUserId);
    if (partners.length === 0) {
      missing.push("Aucune structure partenaire dans la charte");
      next.push({ text: "Ajouter les structures partenaires de la charte", href: `${base}#partenaires`, urgency: "useful" });
    }
    if (silent.length > 0) {
      missing.push(`${countOf(silent.length, "partenaire n'a", "partenaires n'ont")} pas encore écrit ${silent.length > 1 ? "leurs" : "ses"} engagements`);
      next.push({ text: `Relancer ${silent.map((p) => p.name).slice(0, 3).join(", ")}${silent.length > 3 ? "…" : ""} pour leurs engagements`, href: `${base}#partenaires`, urgency: "useful" });
    }
    if (unsigned.length > 0) next.push({ text: `Nommer le ou la signataire de ${countOf(unsigned.length, "partenaire", "partenaires")}`, href: `${base}#partenaires`, urgency: "useful" });
    if (partners.length > 0 && silent.length === 0 && unsigned.length === 0) next.push({ text: `Soumettre la version ${last.number} à signature`, href: `${base}#soumettre`, urgency: "useful" });
  } else if (last.status === "soumise") {
    facts.push({ label: `Version ${last.number} soumise à signature${last.submittedAt ? ` le ${formatDate(last.submittedAt)}` : ""}`, href: `${base}/versions/${last.number}` });
    next.push({ text: `Recueillir les signatures des partenaires sur la version ${last.number}`, href: `${base}/versions/${last.number}`, urgency: "useful" });
  }
  return [{ phase: "commitments", facts, missing, next, lastChange: last.updatedAt }];
}
