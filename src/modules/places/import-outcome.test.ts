import { describe, expect, it } from "vitest";
import type { ImportReport } from "./commands";
import { actorSentence, lineFilters, outcomeDetail, outcomeSentence, reportCounts, reportRows, reportSummary, rowMatches } from "./import-outcome";
import { importReportView, writtenSources } from "./import-view";
import { reportView } from "./mapping/wizard";

const zero = { dryRun: false, records: 0, accepted: 0, warned: 0, rejected: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, toImport: 0 };

describe("import outcome in words", () => {
  it("counts places already in the registry as added to the territory", () => {
    expect(outcomeSentence({ ...zero, records: 16, accepted: 16, unchanged: 16 })).toBe("16 lieux ajoutés à votre territoire.");
    expect(outcomeDetail({ ...zero, records: 16, accepted: 16, unchanged: 14, updated: 2 })).toEqual(["Tous étaient déjà connus du registre : 2 mis à jour, 14 inchangés."]);
  });

  it("says one place in the singular, and new places as new", () => {
    expect(outcomeSentence({ ...zero, created: 1 })).toBe("1 lieu ajouté à votre territoire.");
    expect(outcomeDetail({ ...zero, created: 1 })).toEqual(["C'est un nouveau lieu du registre."]);
    expect(outcomeDetail({ ...zero, created: 3 })).toEqual(["Ce sont tous de nouveaux lieux du registre."]);
  });

  it("tells new from known places, then what was left out", () => {
    expect(outcomeSentence({ ...zero, created: 3, updated: 1, unchanged: 12 })).toBe("16 lieux ajoutés à votre territoire.");
    expect(outcomeDetail({ ...zero, created: 3, updated: 1, unchanged: 12, rejected: 2, skipped: 1, conflicts: 1 })).toEqual([
      "3 nouveaux lieux ; 13 lieux déjà connus du registre (1 mis à jour, 12 inchangés).",
      "Non importés : 2 lignes refusées, 1 lieu hors du périmètre, 1 conflit (voir le détail ligne par ligne).",
    ]);
  });

  it("says plainly when nothing was added", () => {
    expect(outcomeSentence({ ...zero, rejected: 4 })).toBe("Aucun lieu ajouté à votre territoire.");
    expect(outcomeDetail({ ...zero, rejected: 4 })).toEqual(["Non importés : 4 lignes refusées (voir le détail ligne par ligne)."]);
  });
});

describe("report summary", () => {
  const report = { dryRun: false, records: 20, accepted: 17, warned: 3, rejected: 3, created: 10, updated: 2, unchanged: 3, skipped: 2, conflicts: 0, toImport: 15 };
  it("after a commit: added, updated, unchanged, then what needs a look", () => {
    expect(reportSummary(report, true).map((i) => i.label)).toEqual([
      "20 lignes lues dans le fichier",
      "10 lieux ajoutés au registre",
      "2 lieux déjà connus mis à jour",
      "3 lieux déjà connus inchangés",
      "3 lignes acceptées avec avertissements",
      "3 lignes refusées",
      "2 lieux hors du périmètre, ignorés",
      "0 conflit (lieu d'un autre territoire, inchangé)",
    ]);
  });
  it("after a check: how many will be imported", () => {
    expect(reportSummary({ ...report, warned: 1 }, false).map((i) => i.label).slice(0, 3)).toEqual(["20 lignes lues dans le fichier", "15 lieux à importer", "1 ligne acceptée avec avertissement"]);
  });
});

describe("report lines and filters", () => {
  const issues = [
    { line: 0, id: "", field: "", level: "warning" as const, message: "Colonne inconnue : foo" },
    { line: 2, id: "b", field: "nom", level: "error" as const, message: "Le nom est obligatoire." },
    { line: 3, id: "c", field: "telephone", level: "warning" as const, message: "Téléphone illisible." },
    { line: 4, id: "d", field: "code_insee", level: "warning" as const, message: "Hors du périmètre du territoire (Paris) : lieu ignoré." },
  ];
  const lines = [
    { line: 1, id: "a", status: "created" as const },
    { line: 2, id: "b", status: "rejected" as const },
    { line: 3, id: "c", status: "created" as const },
    { line: 4, id: "d", status: "skipped" as const, reason: "Hors du périmètre du territoire (Paris) : lieu ignoré." },
  ];
  const rows = reportRows(issues, lines);

  it("one row per line, with its state and remarks; the reason a line was left out said once", () => {
    expect(rows.map((r) => [r.line, r.status, r.messages.length, r.reason ?? ""])).toEqual([
      [0, undefined, 1, ""],
      [1, "created", 0, ""],
      [2, "rejected", 1, ""],
      [3, "created", 1, ""],
      [4, "skipped", 0, "Hors du périmètre du territoire (Paris) : lieu ignoré."],
    ]);
  });

  it("filters: refused, with warnings, outside the perimeter, all", () => {
    const of = (f: Parameters<typeof rowMatches>[1]) => rows.filter((r) => rowMatches(r, f)).map((r) => r.line);
    expect(of("refusees")).toEqual([2]);
    expect(of("avertissements")).toEqual([0, 3]);
    expect(of("hors-perimetre")).toEqual([4]);
    expect(of("toutes")).toEqual([0, 1, 2, 3, 4]);
  });

  it("a report without line states offers no 'outside the perimeter' filter (it could only say 0)", () => {
    expect(lineFilters(true).map((f) => f.label)).toEqual(["Refusées", "Avec avertissements", "Hors du périmètre", "Toutes"]);
    expect(lineFilters(false).map((f) => f.label)).toEqual(["Refusées", "Avec avertissements", "Toutes"]);
  });

  it("a report without line states (column mapping) sorts remarks by level", () => {
    const only = reportRows(issues.slice(1, 3));
    expect(only.filter((r) => rowMatches(r, "refusees")).map((r) => r.line)).toEqual([2]);
    expect(only.filter((r) => rowMatches(r, "avertissements")).map((r) => r.line)).toEqual([3]);
  });

  it("links to the sources of the places written, not of the lines left out", () => {
    expect(
      writtenSources([
        { line: 1, id: "a", status: "created", source: "Conseiller numérique" },
        { line: 2, id: "b", status: "skipped" },
        { line: 3, id: "c", status: "unchanged", source: "Conseiller numérique" },
        { line: 4, id: "d", status: "updated", source: "Mairie" },
        { line: 5, id: "e", status: "conflict", source: "Autre" },
      ]),
    ).toEqual(["Conseiller numérique", "Mairie"]);
  });
});

describe("a data·inclusion report: each line says what happened to its place and to its actor", () => {
  const actors = { created: 2, updated: 1, unchanged: 0, conflicts: 1, skipped: 1 };
  it("the summary counts the actors after the places", () => {
    const report = { ...zero, records: 5, accepted: 4, rejected: 1, created: 4, actors };
    expect(reportSummary(report, true).map((i) => i.label).slice(-4)).toEqual([
      "2 acteurs ajoutés au registre",
      "1 acteur déjà connu mis à jour",
      "0 acteur déjà connu inchangé",
      "1 conflit d'acteur (structure d'un autre territoire, inchangée)",
    ]);
    expect(reportSummary({ ...report, dryRun: true, toImport: 4 }, false).map((i) => i.label).slice(-4, -2)).toEqual(["2 acteurs à ajouter au registre", "1 acteur déjà connu à mettre à jour"]);
    // A file of places only says nothing of actors.
    expect(reportSummary(zero, true).some((i) => i.key.startsWith("actors"))).toBe(false);
  });

  it("a line's actor in one sentence, its notes kept; a conflict of actor is worth a look", () => {
    expect(actorSentence({ status: "created", name: "Mairie de Cognac", notes: [] }, false)).toBe("Acteur « Mairie de Cognac » à ajouter au registre.");
    expect(actorSentence({ status: "updated", name: "CSC", notes: [] }, true)).toBe("Acteur « CSC » mis à jour.");
    const conflict = { status: "conflict" as const, name: "Emmaüs", notes: [], reason: "Conflit : hors du territoire." };
    expect(actorSentence(conflict, true)).toBe("Conflit : hors du territoire.");
    const rows = reportRows([], [
      { line: 1, id: "a", status: "created", actor: conflict },
      { line: 2, id: "b", status: "created", actor: { status: "created", name: "B", notes: [] } },
    ]);
    expect(rows[0]?.actor).toEqual(conflict);
    expect(rows.filter((r) => rowMatches(r, "avertissements")).map((r) => r.id)).toEqual(["a"]);
  });
});

describe("the views of a report carry the counts written once (reportCounts)", () => {
  it("the import page's view and the mapping page's view give the same counts as reportCounts", () => {
    const report: ImportReport = {
      dryRun: true,
      records: 3,
      accepted: 2,
      warned: 1,
      rejected: 1,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      conflicts: 0,
      issues: [],
      lines: [
        { line: 1, id: "a", status: "created", source: "s" },
        { line: 2, id: "b", status: "created", source: "s" },
        { line: 3, id: "c", status: "rejected" },
      ],
      actors: { created: 2, updated: 0, unchanged: 0, conflicts: 0, skipped: 1 },
    };
    const counts = reportCounts(report);
    expect(counts).toEqual({ dryRun: true, records: 3, accepted: 2, warned: 1, rejected: 1, created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, toImport: 2, actors: report.actors });
    const pick = (v: object) => Object.fromEntries(Object.keys(counts).map((k) => [k, (v as Record<string, unknown>)[k]]));
    expect(pick(importReportView(report))).toEqual(counts);
    expect(pick(reportView(report))).toEqual(counts);
  });
});
