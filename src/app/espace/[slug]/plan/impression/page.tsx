import type { Metadata } from "next";
import { readSearchParams } from "@/platform/web/search-params";
import { planReachOf } from "@/modules/plan/document";
import { reachMap } from "@/modules/plan/map";
import { timelineOf, versionYears } from "@/modules/plan/timeline";
import { statusLabels, formatEuros } from "@/modules/plan/view-labels";
import { versionLabel } from "@/modules/plan/ui/views-nav";
import { BudgetView } from "@/modules/plan/ui/budget-view";
import { ReachView } from "@/modules/plan/ui/reach-view";
import { TimelineTable } from "@/modules/plan/ui/timeline-view";
import { openPlanView } from "../view-data";
import { NoPlan } from "../no-plan";

export const metadata: Metadata = { title: "Plan d'action (impression)" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The whole plan on one page, for the PDF (printed by Chromium with `?impression=1`: drawn without the
 * workspace menu) and for the browser's « Imprimer »: the actions by axis, the calendar as a table, the
 * budget synthesis and the communes reached. Tables rather than the month grid: a grid of 24 columns does not fit A4.
 */
export default async function PlanPrintPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { db, territory, loaded } = await openPlanView(slug, "impression", sp.version);
  if (!loaded) return <NoPlan slug={territory.slug} />;
  const { view, rollup } = loaded;
  const reach = await planReachOf(db, territory.id, view);
  const map = await reachMap(db, territory, reach);
  const axisTitles = new Map(view.axes.map((a) => [a.id, a.title]));
  const axisTitle = (id: string | null) => (id ? (axisTitles.get(id) ?? "") : "sans axe");
  const byAction = new Map(rollup.actions.map((a) => [a.id, a]));
  return (
    <>
      <h1>
        {view.version.title} — {territory.name}
      </h1>
      <p>{versionLabel(view.version)}.</p>
      <h2>Les actions</h2>
      {view.actions.map((a) => (
        <section key={a.id} className="fr-mb-2w" style={{ breakInside: "avoid" }}>
          <h3>{a.title}</h3>
          <p className="fr-mb-1w">
            {axisTitle(a.axisId)} · {statusLabels[a.status]}
            {a.lead ? ` · portée par ${a.lead.name}` : ""}
            {a.partners.length > 0 ? ` · avec ${a.partners.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(", ")}` : ""}
          </p>
          {a.description ? <p className="fr-mb-1w">{a.description}</p> : null}
          {a.objectives.length > 0 ? <p className="fr-mb-1w">Objectifs : {a.objectives.map((o) => o.title).join(" ; ")}</p> : null}
          <p className="fr-mb-1w">
            Coût prévu {formatEuros(byAction.get(a.id)?.planned ?? 0)}, acquis {formatEuros(byAction.get(a.id)?.secured ?? 0)}, reste à trouver{" "}
            {formatEuros(byAction.get(a.id)?.missing ?? 0)}.
          </p>
        </section>
      ))}
      <h2>Calendrier</h2>
      <TimelineTable timeline={timelineOf(view.actions, versionYears(view.version))} axes={view.axes} />
      <h2>Budget et financements</h2>
      <BudgetView rollup={rollup} axisTitle={axisTitle} />
      <h2>Communes visées</h2>
      <ReachView reach={reach} map={map} />
    </>
  );
}
