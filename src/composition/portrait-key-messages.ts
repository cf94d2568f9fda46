/**
 * The portrait's "À retenir" with its data: the diagnostic's figures and the findings of the shared
 * diagnostic live in two modules (diagnostic, findings), so they meet here, in the composition layer.
 */
import type { Executor } from "@/platform/db/client";
import { keyMessages, territoryPortrait, type KeyCommune, type KeyMessagesInput, type Portrait } from "@/modules/diagnostic";
import { listFindings } from "@/modules/findings";
import { themeLabel } from "@/modules/themes";

// The sentences depend on the portrait (cached per territory, places, settings and indicators
// versions, never mutated) and on a small summary of the findings: computed once per portrait and
// summary rather than on every view (a région's 4,293 communes were mapped and filtered ~3 ms a view).
// A new portrait (any change) is a new key; the findings' summary is read on every view, so a new
// finding shows at the next view.
const communesOf = new WeakMap<Portrait, KeyCommune[]>();
const sentencesOf = new WeakMap<Portrait, Map<string, string[]>>();
const SUMMARIES_PER_PORTRAIT = 20;

export async function portraitKeyMessages(db: Executor, territory: { id: string; name: string }, known?: Portrait): Promise<string[]> {
  const [portrait, findings] = await Promise.all([known ?? territoryPortrait(db, territory.id), listFindings(db, territory.id)]);
  const themeCount = new Map<string, number>();
  for (const f of findings) for (const t of f.themes) themeCount.set(t, (themeCount.get(t) ?? 0) + 1);
  const summary: KeyMessagesInput["findings"] = {
    strengths: findings.filter((f) => f.kind === "strength").length,
    questions: findings.filter((f) => f.kind === "question").length,
    themes: [...themeCount].map(([id, count]) => ({ label: themeLabel(id), count })),
  };
  const key = JSON.stringify([territory.name, summary]);
  let perSummary = sentencesOf.get(portrait);
  if (!perSummary) sentencesOf.set(portrait, (perSummary = new Map()));
  const cached = perSummary.get(key);
  if (cached) return cached;
  let communes = communesOf.get(portrait);
  if (!communes) {
    communesOf.set(portrait, (communes = portrait.rows.map((r) => ({ name: r.name, population: r.population, lat: r.lat, lon: r.lon, ifn: r.ifn?.total ?? null }))));
  }
  const sentences = keyMessages({
    territoryName: territory.name,
    communes,
    population: portrait.totals.population,
    ifnThreshold: portrait.settings.ifnThreshold,
    distanceKm: portrait.settings.distanceKm,
    far: portrait.totals.far,
    whiteZones: portrait.totals.whiteZones,
    findings: summary,
  });
  const oldest = perSummary.keys().next();
  if (perSummary.size >= SUMMARIES_PER_PORTRAIT && !oldest.done) perSummary.delete(oldest.value);
  perSummary.set(key, sentences);
  return sentences;
}
