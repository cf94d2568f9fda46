import type { Executor } from "@/platform/db/client";
import type { JourneyContribution } from "@/platform/journey";
import { countOf, formatDate } from "@/platform/text";
import { addDays, countSources, deadlinesBetween } from "./queries";
import { deadlineKindLabels } from "./validation";

/** The calendar day of `now` in Paris (deadlines are French calendar days). */
export function parisDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * What the funding module tells about the territory's journey (phase 3, « Mobiliser les moyens »): the sources it
 * knows, and each deadline of the next 30 days as an urgent step.
 */
export async function journeyOf(db: Executor, territory: { id: string; slug: string }, now: Date): Promise<JourneyContribution[]> {
  const today = parisDay(now);
  const counts = await countSources(db, territory.id);
  const soon = await deadlinesBetween(db, territory.id, today, addDays(today, 30));
  const base = `/espace/${territory.slug}/financements`;
  const facts = [
    { label: countOf(counts.reference, "source de la liste de référence", "sources de la liste de référence"), count: counts.reference, href: base },
    { label: countOf(counts.local, "source locale", "sources locales"), count: counts.local, href: `${base}?perimetre=local` },
    { label: countOf(soon.length, "échéance de financement dans les 30 prochains jours", "échéances de financement dans les 30 prochains jours"), count: soon.length, href: `${base}?echeance=30` },
  ];
  const missing = counts.local === 0 ? ["Aucune source de financement locale (fonds du département, de la CAF, fondations du territoire…)"] : [];
  const next = [
    ...soon.map((d) => ({ text: `${deadlineKindLabels[d.kind]} « ${d.sourceName} » le ${formatDate(d.date)}${d.label ? ` : ${d.label}` : ""}`, href: `${base}/${d.sourceId}`, urgency: "urgent" as const })),
    ...(counts.local === 0 ? [{ text: "Ajouter les sources de financement locales que la coordination connaît", href: `${base}/nouvelle`, urgency: "useful" as const }] : []),
  ];
  return [{ phase: "means", facts, missing, next }];
}
