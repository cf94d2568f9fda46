import type { Metadata } from "next";
import Link from "next/link";
import { readSearchParams, searchInt } from "@/platform/web/search-params";
import { timelineOf, versionYears } from "@/modules/plan/timeline";
import { pageOf, VIEW_PAGE_SIZE } from "@/modules/plan/paging";
import { Pager, pageParam } from "@/ui/pager";
import { formatNumber } from "@/platform/text";
import { PlanViewsNav } from "@/modules/plan/ui/views-nav";
import { TimelineGrid, TimelineTable } from "@/modules/plan/ui/timeline-view";
import { openPlanView } from "../view-data";
import { NoPlan } from "../no-plan";

export const metadata: Metadata = { title: "Calendrier du plan d'action" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The plan's timeline: all the version's years, or one (`?annee=`), as a grid by month and as a table, 100 actions a page (`?page=`). */
export default async function PlanTimelinePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, versions, loaded } = await openPlanView(slug, "calendrier", sp.version);
  if (!loaded) {
    return (
      <>
        <h2>Calendrier du plan d&apos;action</h2>
        <NoPlan slug={territory.slug} />
      </>
    );
  }
  const { view } = loaded;
  const years = versionYears(view.version);
  const year = searchInt(sp.annee);
  const shown = year !== undefined && years.includes(year) ? [year] : years;
  const page = pageOf(view.actions, pageParam(sp.page));
  const timeline = timelineOf(page.items, shown);
  const here = `/espace/${territory.slug}/plan/calendrier`;
  const versionQ = versions[0]?.number === view.version.number ? "" : `version=${view.version.number}`;
  const yearQ = shown.length === 1 ? `annee=${shown[0]}` : "";
  const link = (y?: number) => {
    const q = [versionQ, y ? `annee=${y}` : ""].filter(Boolean).join("&");
    return q ? `${here}?${q}` : here;
  };
  const pageLink = (n: number) => {
    const q = [versionQ, yearQ, n > 1 ? `page=${n}` : ""].filter(Boolean).join("&");
    return q ? `${here}?${q}` : here;
  };
  const pager = <Pager page={page.page} total={view.actions.length} pageSize={VIEW_PAGE_SIZE} href={pageLink} label="Pages du calendrier" />;
  return (
    <>
      <h2>Calendrier du plan d&apos;action</h2>
      <PlanViewsNav slug={territory.slug} current="calendrier" version={view.version} versions={versions} />
      {years.length > 1 ? (
        <nav aria-label="Période du calendrier" className="fr-mb-2w">
          <ul className="fr-tags-group">
            <li>
              <Link className="fr-tag" href={link()} prefetch={false} aria-current={shown.length > 1 ? "page" : undefined}>
                Toutes les années ({years[0]}–{years.at(-1)})
              </Link>
            </li>
            {years.map((y) => (
              <li key={y}>
                <Link className="fr-tag" href={link(y)} prefetch={false} aria-current={shown.length === 1 && shown[0] === y ? "page" : undefined}>
                  {y}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {page.pages > 1 ? (
        <p>
          Actions {formatNumber(page.from)} à {formatNumber(page.to)} sur {formatNumber(view.actions.length)}, dans l&apos;ordre du plan ({VIEW_PAGE_SIZE} par page ; le plan entier est dans les exports).
        </p>
      ) : null}
      <TimelineGrid timeline={timeline} actionBase={`/espace/${territory.slug}/plan/actions`} />
      {pager}
      {timeline.outside.length > 0 ? (
        <p>
          Hors de cette période : {timeline.outside.map((r) => r.title).join(", ")}.
        </p>
      ) : null}
      {timeline.undated.length > 0 ? (
        <p>
          Sans dates (à compléter dans leur fiche) : {timeline.undated.map((r) => r.title).join(", ")}.
        </p>
      ) : null}
      <h3 className="fr-mt-4w">Le calendrier en tableau</h3>
      <TimelineTable timeline={timeline} axes={view.axes} />
      {pager}
    </>
  );
}
