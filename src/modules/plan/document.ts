/**
 * The action plan as a document: what every export writes (XLSX, ODS, ODT, JSON; the PDF prints the same
 * views as a page) and the CLI's `plan export` too, so that the web and the command line give the same content.
 * One sheet per view: actions by axis, calendar, budget lines, co-funding, in-kind means, the synthesis by axis,
 * by funder and by year, and the communes reached over the fragility index.
 */
import type { Executor } from "@/platform/db/client";
import { toOdsBook, toXlsxBook, type Cell, type Sheet } from "@/platform/spreadsheet";
import { writeOdt, type OdtBlock } from "@/platform/odt";
import { territoryPortrait } from "@/modules/diagnostic";
import { loadPlan, type PlanView } from "./read";
import { findPlanVersion, publishedPlanVersion, type PlanVersionSummary } from "./versions";
import { rollupOf, type PlanRollup } from "./rollup";
import { planReach, type PlanReach } from "./reach";
import { fundingStatusLabels, horizonLabels, inKindLabels, isoMonth, statusLabels } from "./view-labels";

export type PlanDocument = { territory: { slug: string; name: string }; view: PlanView; rollup: PlanRollup; reach: PlanReach; generatedAt: string };

/**
 * What a view reads: the version's plan and its roll-up, without the diagnostic's portrait (the timeline needs
 * none). `versions`: the territory's versions when the caller has just read them (newest first): the version is
 * taken from them instead of read again (one query less per view; the view's key is read in any case).
 */
export async function loadPlanVersionView(
  db: Executor,
  territoryId: string,
  which: { number?: number; published?: boolean } = {},
  versions?: readonly PlanVersionSummary[],
): Promise<{ view: PlanView; rollup: PlanRollup } | undefined> {
  const version = which.published
    ? await publishedPlanVersion(db, territoryId)
    : versions
      ? which.number === undefined
        ? versions[0]
        : versions.find((v) => v.number === which.number)
      : await findPlanVersion(db, territoryId, which.number);
  if (!version) return undefined;
  const view = await loadPlan(db, territoryId, version);
  return { view, rollup: rollupOf(view) };
}

// Both kept (never mutated) per version's view and per portrait: the same reach while neither changes.
const reached = new WeakMap<PlanView, { portrait: object; reach: PlanReach }>();

/** The communes reached, over the diagnostic's fragility index (computed once per view and portrait). */
export async function planReachOf(db: Executor, territoryId: string, view: PlanView): Promise<PlanReach> {
  const portrait = await territoryPortrait(db, territoryId);
  const known = reached.get(view);
  if (known && known.portrait === portrait) return known.reach;
  const communes = portrait.rows.map((r) => ({ code: r.code, name: r.name, population: r.population, ifn: r.ifn?.total ?? null }));
  const reach = planReach(view.actions, communes, portrait.settings.ifnThreshold);
  reached.set(view, { portrait, reach });
  return reach;
}

/** Version `number` (or the working one; or, for the public, the published one), read whole; undefined when none. */
export async function loadPlanDocument(
  db: Executor,
  territory: { id: string; slug: string; name: string },
  which: { number?: number; published?: boolean } = {},
): Promise<PlanDocument | undefined> {
  const loaded = await loadPlanVersionView(db, territory.id, which);
  if (!loaded) return undefined;
  return { territory: { slug: territory.slug, name: territory.name }, ...loaded, reach: await planReachOf(db, territory.id, loaded.view), generatedAt: new Date().toISOString() };
}

const yesNo = (b: boolean) => (b ? "oui" : "non");

export function planSheets(doc: PlanDocument): Sheet[] {
  const { view, rollup, reach } = doc;
  const axisTitle = new Map(view.axes.map((a) => [a.id, a.title]));
  const axisOf = (id: string | null) => (id ? (axisTitle.get(id) ?? "") : "");
  const byAction = new Map(rollup.actions.map((a) => [a.id, a]));
  const days = view.settings.unit === "jours";
  const inKindHeader = days ? "En nature (jours)" : "En nature (€)";
  const money = ["Prévu (€)", "Réalisé (€)", "Acquis (€)", "Demandé (€)", "Envisagé (€)", "Reste à trouver (€)", inKindHeader];
  const moneyCells = (m: PlanRollup["totals"]): Cell[] => [m.planned, m.actual, m.secured, m.requested, m.envisaged, m.missing, days ? m.inKindDays : m.inKindEuros];

  const actions: Sheet = {
    name: "Actions",
    header: ["Axe", "Action", "Statut", "Porteur", "Partenaires", "Objectifs", "Début", "Fin", "Chaque année", "Communes (INSEE)", "Indicateurs", ...money],
    widths: [22, 40, 12, 28, 28, 36, 9, 9, 8, 18, 24],
    rows: view.actions.map((a) => {
      const r = byAction.get(a.id);
      return [
        axisOf(a.axisId),
        a.title,
        statusLabels[a.status],
        a.lead?.name ?? "",
        a.partners.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(" ; "),
        a.objectives.map((o) => `${o.title} (${horizonLabels[o.horizon] ?? o.horizon})`).join(" ; "),
        isoMonth(a.startMonth),
        isoMonth(a.endMonth),
        yesNo(a.recurring),
        a.communes.join(" "),
        a.indicators.map((i) => i.label).join(" ; "),
        ...(r ? moneyCells(r) : []),
      ];
    }),
  };
  const calendar: Sheet = {
    name: "Calendrier",
    header: ["Action", "Étape", "Début ou échéance", "Fin", "État"],
    widths: [40, 36, 12, 9, 12],
    rows: view.actions.flatMap((a): Cell[][] => [
      [a.title, "", isoMonth(a.startMonth), isoMonth(a.endMonth), statusLabels[a.status]],
      ...a.steps.map((s): Cell[] => [a.title, s.title, s.dueDate, null, s.done ? "faite" : "à faire"]),
    ]),
  };
  const budget: Sheet = {
    name: "Budget",
    header: ["Axe", "Action", "Année", "Poste", "Prévu (€)", "Réalisé (€)"],
    widths: [22, 40, 8, 30, 12, 12],
    rows: view.actions.flatMap((a) => a.budget.map((b): Cell[] => [axisOf(a.axisId), a.title, b.year, b.item, b.planned, b.actual])),
  };
  const fundings: Sheet = {
    name: "Cofinancements",
    header: ["Axe", "Action", "Financeur", "Année", "Statut", "Montant (€)"],
    widths: [22, 40, 30, 8, 10, 12],
    rows: view.actions.flatMap((a) => a.fundings.map((f): Cell[] => [axisOf(a.axisId), a.title, f.funder, f.year, fundingStatusLabels[f.status], f.amount])),
  };
  const inKind: Sheet = {
    name: "En nature",
    header: ["Action", "Contributeur", "Nature", "Description", "Année", "Jours", "Valeur (€)"],
    widths: [40, 28, 14, 30, 8, 8, 12],
    rows: view.actions.flatMap((a) => a.inKind.map((k): Cell[] => [a.title, k.actorName ?? "", inKindLabels[k.kind] ?? k.kind, k.description, k.year, k.days, k.valueEuros])),
  };
  const byAxis: Sheet = {
    name: "Synthèse par axe",
    header: ["Axe", "Actions", ...money],
    widths: [30, 8],
    rows: [...rollup.axes.map((a): Cell[] => [a.title, a.actions, ...moneyCells(a)]), ["Total du plan", view.actions.length, ...moneyCells(rollup.totals)]],
  };
  const byFunder: Sheet = {
    name: "Par financeur",
    header: ["Financeur", "Acquis (€)", "Demandé (€)", "Envisagé (€)", "Refusé (€)", "Actions"],
    widths: [34],
    rows: rollup.byFunder.map((f): Cell[] => [f.funder, f.secured, f.requested, f.envisaged, f.refused, f.actions]),
  };
  const byYear: Sheet = {
    name: "Par année",
    header: ["Année", ...money],
    rows: rollup.byYear.map((y): Cell[] => [y.year, ...moneyCells(y)]),
  };
  const communes: Sheet = {
    name: "Communes",
    header: ["Code INSEE", "Commune", "Population", "IFN", "Fragile", "Actions", "Intitulés des actions"],
    widths: [10, 26, 10, 8, 8, 8, 50],
    rows: reach.communes.map((c): Cell[] => [c.code, c.name, c.population, c.ifn, yesNo(c.fragile), c.actions.length, c.actions.map((a) => a.title).join(" ; ")]),
  };
  return [actions, calendar, budget, fundings, inKind, byAxis, byFunder, byYear, communes];
}

/** The plan as JSON, in the schema of docs/plan.schema.json (format "maillage-plan", version 1). */
export function planJson(doc: PlanDocument) {
  const { view, rollup, reach } = doc;
  return {
    format: "maillage-plan",
    formatVersion: 1,
    generatedAt: doc.generatedAt,
    territory: doc.territory,
    version: {
      number: view.version.number,
      title: view.version.title,
      kind: view.version.kind,
      startYear: view.version.startYear,
      endYear: view.version.endYear,
      frozenAt: view.version.frozenAt?.toISOString() ?? null,
      publishedAt: view.version.publishedAt?.toISOString() ?? null,
    },
    inKindValuation: { unit: view.settings.unit, dayValueEuros: view.settings.dayValueEuros },
    axes: view.axes.map((a) => ({ id: a.id, title: a.title })),
    actions: view.actions.map((a) => ({
      id: a.id,
      lineageId: a.lineageId,
      title: a.title,
      description: a.description,
      axisId: a.axisId,
      status: a.status,
      startMonth: isoMonth(a.startMonth),
      endMonth: isoMonth(a.endMonth),
      recurring: a.recurring,
      publics: a.publics,
      themes: a.themes,
      communes: a.communes,
      lead: a.lead,
      objectives: a.objectives,
      partners: a.partners,
      steps: a.steps.map(({ title, dueDate, done }) => ({ title, dueDate, done })),
      budgetLines: a.budget,
      fundings: a.fundings,
      inKind: a.inKind,
      indicators: a.indicators,
    })),
    synthesis: {
      totals: rollup.totals,
      byAxis: rollup.axes.map(({ id, title, actions, ...m }) => ({ axisId: id, title, actions, ...m })),
      byFunder: rollup.byFunder,
      byYear: rollup.byYear,
      overfundedActionIds: rollup.overfunded.map((a) => a.id),
    },
    communes: {
      ifnThreshold: reach.threshold,
      list: reach.communes.map((c) => ({ code: c.code, name: c.name, population: c.population, ifn: c.ifn, fragile: c.fragile, actionIds: c.actions.map((a) => a.id) })),
      unreachedFragile: reach.unreachedFragile.map((c) => c.code),
    },
  };
}

export function planTitle(doc: PlanDocument): string {
  return `${doc.view.version.title} — ${doc.territory.name}`;
}

/** The ODT: a title, a table of contents, then one section per view (the same tables as the spreadsheets). */
export function planOdt(doc: PlanDocument): Uint8Array {
  const sheets = planSheets(doc);
  const v = doc.view.version;
  const state = v.publishedAt ? "version publiée" : v.frozenAt ? "version figée" : "version de travail";
  const intro: OdtBlock[] = [
    { kind: "heading", level: 1, text: "Le plan en bref" },
    {
      kind: "paragraph",
      text: `Version ${v.number} (${state}), ${v.kind === "annuel" ? `annuelle ${v.startYear}` : `pluriannuelle ${v.startYear}–${v.endYear}`} : ${doc.view.actions.length} action${doc.view.actions.length > 1 ? "s" : ""}. Document produit par Maillage le ${new Date(doc.generatedAt).toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}.`,
    },
    {
      kind: "paragraph",
      text: "Acquis : cofinancements accordés ou versés. Demandé : cofinancements demandés, pas encore accordés. Reste à trouver : coût prévu moins l'acquis et le demandé, action par action. Les apports en nature sont comptés à part.",
    },
  ];
  const sections: OdtBlock[] = sheets.flatMap((s): OdtBlock[] => [
    { kind: "heading", level: 1, text: s.name },
    s.rows.length > 0 ? { kind: "table", header: s.header, rows: s.rows, caption: `${s.name} : ${s.rows.length} ligne${s.rows.length > 1 ? "s" : ""}` } : { kind: "paragraph", text: "Rien à montrer pour cette vue." },
  ]);
  return writeOdt({ title: planTitle(doc), subtitle: doc.territory.name, tableOfContents: true, blocks: [...intro, ...sections] });
}

export const planExportFormats = {
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odt: "application/vnd.oasis.opendocument.text",
} as const;
export type PlanExportFormat = keyof typeof planExportFormats;
export function isPlanExportFormat(s: string): s is PlanExportFormat {
  return Object.hasOwn(planExportFormats, s);
}

/** File name of an export: plan-<territory>-v<N>.<format>. */
export function planFilename(doc: PlanDocument, format: string): string {
  return `plan-${doc.territory.slug}-v${doc.view.version.number}.${format}`;
}

/** The bytes of an export (JSON as text, indented: people read it too). */
export async function writePlanExport(doc: PlanDocument, format: PlanExportFormat): Promise<Uint8Array | string> {
  if (format === "json") return `${JSON.stringify(planJson(doc), null, 2)}\n`;
  if (format === "xlsx") return toXlsxBook(planSheets(doc));
  if (format === "ods") return toOdsBook(planSheets(doc));
  return planOdt(doc);
}
