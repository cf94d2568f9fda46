/**
 * Which communes the plan's actions target, beside the digital fragility index (IFN) of the diagnostic:
 * for each commune of the territory the actions that name it, and the fragile communes (IFN above the
 * territory's threshold) that no action reaches. Pure: the page, the map and the exports share it.
 */
import type { PlanActionView } from "./read";

export type CommuneReach = { code: string; name: string; population: number | null; ifn: number | null; fragile: boolean; actions: { id: string; title: string }[] };
export type PlanReach = { communes: CommuneReach[]; unreachedFragile: CommuneReach[]; threshold: number; reached: number };

const collator = new Intl.Collator("fr");

export function planReach(
  actions: readonly Pick<PlanActionView, "id" | "title" | "communes" | "status">[],
  communes: readonly { code: string; name: string; population: number | null; ifn: number | null }[],
  threshold: number,
): PlanReach {
  const byCode = new Map<string, { id: string; title: string }[]>();
  for (const a of actions) {
    // An abandoned action reaches no one.
    if (a.status === "abandonnee") continue;
    for (const code of new Set(a.communes)) byCode.set(code, [...(byCode.get(code) ?? []), { id: a.id, title: a.title }]);
  }
  const rows = communes
    .map((c) => ({ ...c, fragile: c.ifn !== null && c.ifn > threshold, actions: byCode.get(c.code) ?? [] }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  const unreachedFragile = rows.filter((r) => r.fragile && r.actions.length === 0).sort((a, b) => (b.ifn ?? 0) - (a.ifn ?? 0) || collator.compare(a.name, b.name));
  return { communes: rows, unreachedFragile, threshold, reached: rows.filter((r) => r.actions.length > 0).length };
}
