import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { ActionErrorNotice } from "@/ui/action-error";
import { listFindings } from "@/modules/findings/queries";
import { strategyAbilities } from "@/modules/strategy/policy";
import { strategyOf } from "@/modules/strategy/queries";
import { StrategyView } from "@/modules/strategy/ui/strategy-view";
import { deleteAxisAction, deleteObjectiveAction } from "@/composition/strategy/actions";

export const metadata: Metadata = { title: "Stratégie du territoire" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

const notices: Record<string, Record<string, string>> = {
  ajoute: { axe: "L'axe est ajouté.", objectif: "L'objectif est ajouté." },
  modifie: { axe: "L'axe est modifié.", objectif: "L'objectif est modifié." },
  supprime: { axe: "L'axe est supprimé.", objectif: "L'objectif est supprimé." },
};

/** Phase 5: the vision, priority axes and objectives over three horizons, each grounded in findings of the diagnostic. */
export default async function StrategyPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/strategie`);
  const { db } = await getRuntime();
  const can = strategyAbilities(principal, territory);
  const strategy = await strategyOf(db, territory.id);
  // Questions first, most supported first (the findings module's ranking), then strengths.
  const all = await listFindings(db, territory.id);
  const findings = [...all.filter((f) => f.kind === "question"), ...all.filter((f) => f.kind !== "question")].map((f) => ({ id: f.id, text: f.text, kind: f.kind, votes: f.votes }));
  const notice = Object.entries(notices)
    .map(([key, byKind]) => byKind[sp[key] ?? ""])
    .find(Boolean);
  return (
    <>
      <p>
        La vision du territoire, ses axes prioritaires et ses objectifs à court, moyen et long terme, chacun relié aux constats du diagnostic qui le justifient.
        La <Link href={`/espace/${territory.slug}/strategie/couverture`}>matrice de couverture</Link> montre les questions prioritaires encore sans objectif.
      </p>
      <ActionErrorNotice code={sp.erreur} />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <StrategyView slug={territory.slug} strategy={strategy} findings={findings} canEdit={can.edit} deleteAxisAction={deleteAxisAction} deleteObjectiveAction={deleteObjectiveAction} />
    </>
  );
}
