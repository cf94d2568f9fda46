import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { readStatsFilter } from "@/modules/accompaniments";
import { statsViewData } from "@/modules/accompaniments/stats-page";
import { statsAbilities } from "@/modules/accompaniments/stats-policy";
import { StatsView } from "@/modules/accompaniments/ui/stats-view";

export const metadata: Metadata = { title: "Statistiques des accompagnements" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What mediators did, counted: by month, theme, place, structure, commune, public; orientation flows. Members only. */
export default async function AccompanimentStatsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/accompagnements/statistiques`);
  const { db } = await getRuntime();
  const { filter, errors } = readStatsFilter({ from: sp.du, to: sp.au, place: sp.lieu, commune: sp.commune });
  const data = await statsViewData(db, territory.id, filter);
  return (
    <>
      <h2>Statistiques des accompagnements</h2>
      <p>Les accompagnements enregistrés par les médiatrices et médiateurs du territoire, comptés sans aucune donnée personnelle.</p>
      <StatsView slug={territory.slug} filter={filter} errors={errors} data={data} canExportRecords={statsAbilities(principal, territory).exportRecords} />
    </>
  );
}
