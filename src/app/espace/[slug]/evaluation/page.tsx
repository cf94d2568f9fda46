import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { parisToday } from "@/platform/dates";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { indicatorAbilities } from "@/modules/indicators/policy";
import { listIndicators } from "@/modules/indicators/queries";
import { periodStart } from "@/modules/indicators/period";
import { ActionErrorNotice } from "@/ui/action-error";
import { buildEvaluation } from "@/composition/evaluation/report";
import { EvaluationBody, Summary } from "@/composition/evaluation/ui/evaluation-view";

export const metadata: Metadata = { title: "Évaluation" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** Phase 7: progress toward each target, trends, the plan's health; what to measure now and what is late. */
export default async function EvaluationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/evaluation`);
  const { db } = await getRuntime();
  const can = indicatorAbilities(principal, territory);
  const data = await buildEvaluation(db, territory);
  const today = parisToday();
  const all = await listIndicators(db, territory.id);
  const base = `/espace/${territory.slug}/evaluation`;
  const lines = new Map([...data.objectives.flatMap((o) => o.indicators), ...data.actions.flatMap((a) => a.indicators)].map((l) => [l.id, l]));
  const late = [...lines.values()].filter((l) => l.status === "en_retard");
  const toMeasure = all.filter((i) => i.source === "manuel" && i.startsOn <= today && today <= i.endsOn && !i.measurements.some((m) => m.measuredOn >= periodStart(i.periodicity, today) && m.measuredOn <= today));
  return (
    <>
      <p>
        Où en est chaque objectif et chaque action par rapport à sa cible, comment les valeurs évoluent, et l&apos;état du plan. Le{" "}
        <Link href={`${base}/rapport`}>rapport d&apos;évaluation</Link> en fait un document pour les décideurs (PDF et ODT), publié par versions.
      </p>
      <ActionErrorNotice code={sp.erreur} />
      {sp.supprime ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>L&apos;indicateur est supprimé.</p>
        </div>
      ) : null}
      {can.manage ? (
        <p>
          <Link className="fr-btn fr-btn--secondary" href={`${base}/indicateurs/nouveau`}>
            Nouvel indicateur
          </Link>
        </p>
      ) : null}
      <h2>Synthèse</h2>
      <Summary data={data} />
      <h2 id="en-retard">En retard sur leur cible</h2>
      {late.length === 0 ? (
        <p>Aucun indicateur en retard.</p>
      ) : (
        <ul>
          {late.map((l) => (
            <li key={l.id}>
              <Link href={`${base}/indicateurs/${l.id}`}>{l.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2 id="a-mesurer">À mesurer pour la période en cours</h2>
      {toMeasure.length === 0 ? (
        <p>Toutes les mesures de la période en cours sont saisies.</p>
      ) : (
        <ul>
          {toMeasure.map((i) => (
            <li key={i.id}>
              <Link href={`${base}/indicateurs/${i.id}#nouvelle-mesure`}>{i.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <EvaluationBody data={data} hrefOf={(id) => `${base}/indicateurs/${id}`} />
    </>
  );
}
