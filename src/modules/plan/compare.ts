import { actionFieldLabels, monthText } from "./validation";
import { publicLabel, statusLabels, type ActionStatus } from "./vocabulary";

// Two versions side by side, action by action through their lineage: what was added, removed, changed.
// Pure: the page loads both versions' content (queries.versionContent) and the names to show.

export type ComparableAction = {
  lineageId: string;
  title: string;
  description: string;
  axisId: string | null;
  objectiveIds: string[];
  leadActorId: string | null;
  publics: string[];
  themes: string[];
  communes: string[];
  startMonth: string | null;
  endMonth: string | null;
  status: ActionStatus;
  recurring: boolean;
  planned: number;
  funding: number;
};

export type FieldChange = { field: string; label: string; before: string; after: string };
export type VersionDiff = {
  added: ComparableAction[];
  removed: ComparableAction[];
  changed: { lineageId: string; title: string; changes: FieldChange[] }[];
  unchanged: number;
};

/** Names to show for ids (axes, objectives, actors); unknown ids are shown as « (supprimé) ». */
export type Names = { axes: Map<string, string>; objectives: Map<string, string>; actors: Map<string, string> };

const euros = (n: number) => `${n.toLocaleString("fr-FR", { maximumFractionDigits: 2 })} €`;

function show(field: keyof ComparableAction, a: ComparableAction, names: Names): string {
  const name = (m: Map<string, string>, id: string | null) => (id ? (m.get(id) ?? "(supprimé)") : "—");
  switch (field) {
    case "axisId":
      return name(names.axes, a.axisId);
    case "leadActorId":
      return name(names.actors, a.leadActorId);
    case "objectiveIds":
      return a.objectiveIds.map((id) => name(names.objectives, id)).sort((x, y) => x.localeCompare(y, "fr")).join(", ") || "—";
    case "publics":
      return a.publics.map(publicLabel).join(", ") || "—";
    case "themes":
    case "communes":
      return [...a[field]].sort().join(", ") || "—";
    case "startMonth":
    case "endMonth":
      return monthText(a[field]) || "—";
    case "status":
      return statusLabels[a.status];
    case "recurring":
      return a.recurring ? "Oui" : "Non";
    case "planned":
    case "funding":
      return euros(a[field]);
    default:
      return String(a[field] ?? "");
  }
}

const compared: { field: keyof ComparableAction; label: string }[] = [
  ...(Object.entries(actionFieldLabels) as [keyof ComparableAction, string][]).map(([field, label]) => ({ field, label })),
  { field: "planned", label: "Coût prévu" },
  { field: "funding", label: "Financements (hors refusés)" },
];

export function compareVersions(from: ComparableAction[], to: ComparableAction[], names: Names): VersionDiff {
  const before = new Map(from.map((a) => [a.lineageId, a]));
  const after = new Map(to.map((a) => [a.lineageId, a]));
  const byTitle = (x: { title: string }, y: { title: string }) => x.title.localeCompare(y.title, "fr");
  const added = to.filter((a) => !before.has(a.lineageId)).sort(byTitle);
  const removed = from.filter((a) => !after.has(a.lineageId)).sort(byTitle);
  const changed: VersionDiff["changed"] = [];
  let unchanged = 0;
  for (const a of to) {
    const b = before.get(a.lineageId);
    if (!b) continue;
    const changes = compared
      .map(({ field, label }) => ({ field, label, before: show(field, b, names), after: show(field, a, names) }))
      .filter((c) => c.before !== c.after);
    if (changes.length) changed.push({ lineageId: a.lineageId, title: a.title, changes });
    else unchanged += 1;
  }
  changed.sort(byTitle);
  return { added, removed, changed, unchanged };
}
