import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { loadCoverage } from "@/composition/coverage/load";
import { CoverageView } from "@/composition/coverage/coverage-view";

export const metadata: Metadata = { title: "Matrice de couverture" };

type Props = { params: Promise<{ slug: string }> };

/** Findings × objectives × actions × indicators: what the strategy and the plan leave uncovered. */
export default async function CoveragePage({ params }: Props) {
  const { slug } = await params;
  const { territory } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/strategie/couverture`);
  const { db } = await getRuntime();
  const doc = await loadCoverage(db, territory.id);
  return (
    <>
      <CoverageView slug={territory.slug} doc={doc} />
    </>
  );
}
