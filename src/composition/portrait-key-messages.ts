/**
 * The portrait's "À retenir" with its data: the diagnostic's figures and the findings of the shared
 * diagnostic live in two modules (diagnostic, findings), so they meet here, in the composition layer.
 */
import type { Executor } from "@/platform/db/client";
import { keyMessages, territoryPortrait } from "@/modules/diagnostic";
import { listFindings } from "@/modules/findings";
import { themeLabel } from "@/modules/themes";

export async function portraitKeyMessages(db: Executor, territory: { id: string; name: string }): Promise<string[]> {
  const [portrait, findings] = await Promise.all([territoryPortrait(db, territory.id), listFindings(db, territory.id)]);
  const themeCount = new Map<string, number>();
  for (const f of findings) for (const t of f.themes) themeCount.set(t, (themeCount.get(t) ?? 0) + 1);
  return keyMessages({
    territoryName: territory.name,
    communes: portrait.rows.map((r) => ({ name: r.name, population: r.population, lat: r.lat, lon: r.lon, ifn: r.ifn?.total ?? null })),
    population: portrait.totals.population,
    ifnThreshold: portrait.settings.ifnThreshold,
    distanceKm: portrait.settings.distanceKm,
    far: portrait.totals.far,
    whiteZones: portrait.totals.whiteZones,
    findings: {
      strengths: findings.filter((f) => f.kind === "strength").length,
      questions: findings.filter((f) => f.kind === "question").length,
      themes: [...themeCount].map(([id, count]) => ({ label: themeLabel(id), count })),
    },
  });
}
