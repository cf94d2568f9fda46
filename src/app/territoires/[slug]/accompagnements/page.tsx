import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { publicTags, tagPage } from "@/platform/web/public-cache";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { publicAccompanimentStats } from "@/modules/accompaniments/stats-public";
import { statsPolicy } from "@/modules/accompaniments/stats-policy";
import { PublicStatsView } from "@/modules/accompaniments/ui/stats-public-view";
import { PublicBreadcrumb, territoryCrumbs } from "@/ui/breadcrumbs";

type Props = { params: Promise<{ slug: string }> };

// Cached like the territory's public page (decision 010): at most 300 s old.
export const revalidate = 300;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export const metadata: Metadata = { title: "Accompagnements au numérique du territoire" };

/** The territory's accompaniment figures for everyone, small counts suppressed (decision 029). */
export default async function PublicAccompanimentsPage({ params }: Props) {
  const { slug } = await params;
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) notFound();
  await tagPage(publicTags.territory(territory.id));
  const published = statsPolicy.viewPublic({ kind: "anonymous" }, territory);
  return (
    <>
      <PublicBreadcrumb segments={territoryCrumbs(territory)} current="Accompagnements" />
      <h1>Accompagnements au numérique — {territory.name}</h1>
      <p>Ce que les médiatrices et médiateurs numériques du territoire ont fait, compté sans aucune donnée personnelle.</p>
      {published ? <PublicStatsView stats={await publicAccompanimentStats(db, territory.id)} /> : <p>Les chiffres seront publiés quand la plateforme aura vérifié ce territoire.</p>}
    </>
  );
}
