import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { publicTags, tagPage } from "@/platform/web/public-cache";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { loadPlanVersionView, planReachOf } from "@/modules/plan/document";
import { reachMap } from "@/modules/plan/map";
import { timelineOf, versionYears } from "@/modules/plan/timeline";
import { statusLabels } from "@/modules/plan/view-labels";
import { versionLabel } from "@/modules/plan/ui/views-nav";
import { BudgetView } from "@/modules/plan/ui/budget-view";
import { ReachView } from "@/modules/plan/ui/reach-view";
import { TimelineGrid, TimelineTable } from "@/modules/plan/ui/timeline-view";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

type Props = { params: Promise<{ slug: string }> };

// Cached like the territory's public page (decision 010): rendered at the first visit, kept until an audited
// write of the territory expires its tag (publishing a version, editing an action) or at most 300 s.
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export const metadata: Metadata = { title: "Plan d'action du territoire" };

/** The version of the action plan the territory published: read only, for everyone. */
export default async function PublicPlanPage({ params }: Props) {
  const { slug } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  await tagPage(publicTags.territory(territory.id), publicTags.actors);
  const loaded = await loadPlanVersionView(db, territory.id, { published: true });
  const crumbs = <PublicBreadcrumb segments={territoryCrumbs(territory)} current="Plan d'action" />;
  if (!loaded) {
    return (
      <>
        {crumbs}
        <h1>Plan d&apos;action — {territory.name}</h1>
        <p>Le territoire n&apos;a pas encore publié de plan d&apos;action.</p>
      </>
    );
  }
  const { view, rollup } = loaded;
  const reach = await planReachOf(db, territory.id, view);
  const map = await reachMap(db, territory, reach);
  const timeline = timelineOf(view.actions, versionYears(view.version));
  const axisTitles = new Map(view.axes.map((a) => [a.id, a.title]));
  const axisTitle = (id: string | null) => (id ? (axisTitles.get(id) ?? "") : "sans axe");
  const groups = [...view.axes.map((a) => ({ id: a.id as string | null, title: a.title })), { id: null, title: "Actions sans axe" }]
    .map((g) => ({ ...g, actions: view.actions.filter((a) => (g.id === null ? a.axisId === null || !axisTitles.has(a.axisId) : a.axisId === g.id)) }))
    .filter((g) => g.actions.length > 0);
  return (
    <>
      {crumbs}
      <h1>Plan d&apos;action — {territory.name}</h1>
      <p className="fr-text--lead">{versionLabel(view.version)}.</p>
      <p>
        {view.actions.length} action{view.actions.length > 1 ? "s" : ""}, publiée{view.actions.length > 1 ? "s" : ""} par la coordination du territoire
        {view.version.publishedAt ? ` le ${view.version.publishedAt.toLocaleDateString("fr-FR", { timeZone: "Europe/Paris" })}` : ""}.
      </p>
      <h2>Les actions par axe</h2>
      {groups.map((g) => (
        <section key={g.id ?? "sans-axe"} aria-labelledby={`axe-${g.id ?? "sans"}`}>
          <h3 id={`axe-${g.id ?? "sans"}`}>{g.title}</h3>
          <ul>
            {g.actions.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong> — {statusLabels[a.status]}
                {a.lead ? `, portée par ${a.lead.name}` : ""}
                {a.partners.length > 0 ? ` avec ${a.partners.map((p) => p.name).join(", ")}` : ""}
                {a.description ? <p className="fr-text--sm fr-mb-1w">{a.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Calendrier</h2>
      <TimelineGrid timeline={timeline} id="calendrier-public" />
      <h3>Le calendrier en tableau</h3>
      <TimelineTable timeline={timeline} axes={view.axes} />
      <h2>Budget et financements</h2>
      <BudgetView rollup={rollup} axisTitle={axisTitle} />
      <h2>Communes visées</h2>
      <ReachView reach={reach} map={map} />
    </>
  );
}
