import { countOf } from "@/platform/text";
import type { ImportLine, ImportReport } from "./commands";

/**
 * What an import report says in words, before any table: the counts first, then what happened in one
 * sentence. Pure (no React), so that the standard import page and the column-mapping route say the same
 * thing, and the French is tested as written.
 */

/**
 * The counts of an import report (check or commit), as both import pages show them: the report's own
 * counts, plus the places a check would write. Written once here; the views that travel to the pages
 * (ImportReportView, the mapping's ReportView) are these counts and their rows.
 */
export type ReportCounts = Pick<ImportReport, "dryRun" | "records" | "accepted" | "warned" | "rejected" | "created" | "updated" | "unchanged" | "skipped" | "conflicts" | "actors"> & {
  /** Dry run: places the import would write. */
  toImport: number;
};

export function reportCounts(report: ImportReport): ReportCounts {
  const { dryRun, records, accepted, warned, rejected, created, updated, unchanged, skipped, conflicts, actors } = report;
  return {
    dryRun,
    records,
    accepted,
    warned,
    rejected,
    created,
    updated,
    unchanged,
    skipped,
    conflicts,
    ...(actors ? { actors } : {}),
    toImport: report.lines.filter((l) => l.status === "created").length,
  };
}

export type SummaryItem = {
  key: "records" | "toImport" | "created" | "updated" | "unchanged" | "warned" | "rejected" | "skipped" | "conflicts" | "actorsCreated" | "actorsUpdated" | "actorsUnchanged" | "actorsConflicts";
  count: number;
  label: string;
};

/**
 * The report's counts as a short list, in the order a coordinator asks: what the file held, what
 * becomes (or became) places of the territory, then what needs a look (warned, rejected, outside the
 * perimeter, conflicts). A check cannot tell new places from known ones (it writes nothing): it says
 * how many will be imported.
 */
export function reportSummary(report: ReportCounts, committed: boolean): SummaryItem[] {
  const items: SummaryItem[] = [{ key: "records", count: report.records, label: countOf(report.records, "ligne lue dans le fichier", "lignes lues dans le fichier") }];
  if (committed) {
    items.push(
      { key: "created", count: report.created, label: countOf(report.created, "lieu ajouté au registre", "lieux ajoutés au registre") },
      { key: "updated", count: report.updated, label: countOf(report.updated, "lieu déjà connu mis à jour", "lieux déjà connus mis à jour") },
      { key: "unchanged", count: report.unchanged, label: countOf(report.unchanged, "lieu déjà connu inchangé", "lieux déjà connus inchangés") },
    );
  } else {
    items.push({ key: "toImport", count: report.toImport, label: countOf(report.toImport, "lieu à importer", "lieux à importer") });
  }
  items.push(
    { key: "warned", count: report.warned, label: countOf(report.warned, "ligne acceptée avec avertissement", "lignes acceptées avec avertissements") },
    { key: "rejected", count: report.rejected, label: countOf(report.rejected, "ligne refusée", "lignes refusées") },
    { key: "skipped", count: report.skipped, label: countOf(report.skipped, "lieu hors du périmètre, ignoré", "lieux hors du périmètre, ignorés") },
    { key: "conflicts", count: report.conflicts, label: countOf(report.conflicts, "conflit (lieu d'un autre territoire, inchangé)", "conflits (lieux d'un autre territoire, inchangés)") },
  );
  // A data·inclusion file: its structures are actors of the registry too.
  const a = report.actors;
  if (a) {
    items.push(
      { key: "actorsCreated", count: a.created, label: committed ? countOf(a.created, "acteur ajouté au registre", "acteurs ajoutés au registre") : countOf(a.created, "acteur à ajouter au registre", "acteurs à ajouter au registre") },
      { key: "actorsUpdated", count: a.updated, label: committed ? countOf(a.updated, "acteur déjà connu mis à jour", "acteurs déjà connus mis à jour") : countOf(a.updated, "acteur déjà connu à mettre à jour", "acteurs déjà connus à mettre à jour") },
      { key: "actorsUnchanged", count: a.unchanged, label: countOf(a.unchanged, "acteur déjà connu inchangé", "acteurs déjà connus inchangés") },
      { key: "actorsConflicts", count: a.conflicts, label: countOf(a.conflicts, "conflit d'acteur (structure d'un autre territoire, inchangée)", "conflits d'acteurs (structures d'un autre territoire, inchangées)") },
    );
  }
  return items;
}

/** What happened (or would happen) to the actor of a line, in one sentence. */
export function actorSentence(actor: NonNullable<ImportLine["actor"]>, committed: boolean): string {
  const who = `Acteur « ${actor.name} »`;
  switch (actor.status) {
    case "created":
      return committed ? `${who} ajouté au registre.` : `${who} à ajouter au registre.`;
    case "updated":
      return committed ? `${who} mis à jour.` : `${who} à mettre à jour.`;
    case "unchanged":
      return `${who} inchangé.`;
    case "conflict":
    case "skipped":
      return actor.reason ?? `${who} non repris.`;
  }
}

/**
 * What a committed import did, in words. Every place of the file now in the territory counts as added
 * to it, whether the registry knew it already or not: the coordinator asked for these places in their
 * territory, and there they are ("16 lieux ajoutés à votre territoire", not "0 créé, 16 inchangés").
 */
export function outcomeSentence(report: ReportCounts): string {
  const added = report.created + report.updated + report.unchanged;
  if (added === 0) return "Aucun lieu ajouté à votre territoire.";
  return `${countOf(added, "lieu ajouté", "lieux ajoutés")} à votre territoire.`;
}

/** The detail under the sentence: new to the registry or already known, then what was left out. */
export function outcomeDetail(report: ReportCounts): string[] {
  const added = report.created + report.updated + report.unchanged;
  const known = report.updated + report.unchanged;
  const sentences: string[] = [];
  if (added > 0 && known === 0) sentences.push(report.created === 1 ? "C'est un nouveau lieu du registre." : "Ce sont tous de nouveaux lieux du registre.");
  else if (added > 0 && report.created === 0) sentences.push(`${known === 1 ? "Il était déjà connu" : "Tous étaient déjà connus"} du registre : ${countOf(report.updated, "mis à jour", "mis à jour")}, ${countOf(report.unchanged, "inchangé", "inchangés")}.`);
  else if (added > 0) sentences.push(`${countOf(report.created, "nouveau lieu", "nouveaux lieux")} ; ${countOf(known, "lieu déjà connu", "lieux déjà connus")} du registre (${report.updated} mis à jour, ${countOf(report.unchanged, "inchangé", "inchangés")}).`);
  const left = [
    report.rejected > 0 ? countOf(report.rejected, "ligne refusée", "lignes refusées") : "",
    report.skipped > 0 ? countOf(report.skipped, "lieu hors du périmètre", "lieux hors du périmètre") : "",
    (report.conflicts) > 0 ? countOf(report.conflicts, "conflit", "conflits") : "",
  ].filter(Boolean);
  if (left.length > 0) sentences.push(`Non importés : ${left.join(", ")} (voir le détail ligne par ligne).`);
  return sentences;
}

/** The filters of the line-by-line report; "all" comes last (it is what shows when none is chosen). */
export const LINE_FILTERS = [
  { key: "refusees", label: "Refusées" },
  { key: "avertissements", label: "Avec avertissements" },
  { key: "hors-perimetre", label: "Hors du périmètre" },
  { key: "toutes", label: "Toutes" },
] as const;
export type LineFilter = (typeof LINE_FILTERS)[number]["key"];

/**
 * The filters a report can offer: telling the lines left outside the perimeter needs each line's state;
 * a report of remarks only (without `lines`) offers the others, rather than a filter that would always
 * say 0 while such lines exist (they show among the warnings, with their reason).
 */
export function lineFilters(hasLineStates: boolean): (typeof LINE_FILTERS)[number][] {
  return LINE_FILTERS.filter((f) => hasLineStates || f.key !== "hors-perimetre");
}

export type ReportRow = {
  line: number;
  id: string;
  status?: ImportLine["status"];
  reason?: string;
  /** A data·inclusion line: its structure as an actor of the registry. */
  actor?: ImportLine["actor"];
  messages: { field: string; level: "warning" | "error"; message: string }[];
};

/**
 * One row per line of the file, its status and its remarks together (a line's remarks were listed
 * apart from its status; the reason a line was left out is its `reason`), sorted by line; remarks about the whole file come first (line 0).
 */
export function reportRows(issues: ImportReport["issues"], lines: Pick<ImportLine, "line" | "id" | "status" | "reason" | "actor">[] = []): ReportRow[] {
  const rows = new Map<number, ReportRow>();
  const row = (line: number, id: string) => {
    let r = rows.get(line);
    if (!r) rows.set(line, (r = { line, id, messages: [] }));
    if (!r.id && id) r.id = id;
    return r;
  };
  for (const l of lines) {
    const r = row(l.line, l.id);
    r.status = l.status;
    if (l.reason) r.reason = l.reason;
    if (l.actor) r.actor = l.actor;
  }
  for (const i of issues) {
    const r = row(i.line, i.id);
    // The reason a line was left out (perimeter, conflict) is also listed as a remark: said once.
    if (r.reason === i.message) continue;
    if (!r.messages.some((m) => m.message === i.message && m.field === i.field)) r.messages.push({ field: i.field, level: i.level, message: i.message });
  }
  return [...rows.values()].sort((a, b) => a.line - b.line);
}

/** Whether a row belongs under a filter. */
export function rowMatches(row: ReportRow, filter: LineFilter): boolean {
  switch (filter) {
    case "refusees":
      return row.status === "rejected" || row.status === "conflict" || (row.status === undefined && row.messages.some((m) => m.level === "error"));
    case "avertissements":
      // A structure left aside (conflict) or a value of it not taken is worth a look too.
      return !rowMatches(row, "refusees") && (row.messages.some((m) => m.level === "warning") || row.actor?.status === "conflict" || (row.actor?.notes.length ?? 0) > 0);
    case "hors-perimetre":
      return row.status === "skipped";
    case "toutes":
      return true;
  }
}
