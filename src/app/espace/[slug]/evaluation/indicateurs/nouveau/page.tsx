import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { indicatorAbilities } from "@/modules/indicators/policy";
import { indicatorChoices } from "@/modules/indicators/queries";
import { ActionForm, Hidden } from "@/ui/form";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { createIndicatorAction } from "@/composition/evaluation/actions";
import { IndicatorFields } from "@/composition/evaluation/ui/indicator-fields";

export const metadata: Metadata = { title: "Nouvel indicateur" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** A new indicator, on an objective or an action (`?action=<lineage>` or `?objectif=<id>` preselects it). */
export default async function NewIndicatorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/evaluation/indicateurs/nouveau`);
  if (!indicatorAbilities(principal, territory).manage) forbidden();
  const { db } = await getRuntime();
  const choices = await indicatorChoices(db, territory.id);
  const year = new Date().getFullYear();
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Évaluation", href: `/espace/${territory.slug}/evaluation` }} current="Nouvel indicateur" />
      <h2>Nouvel indicateur</h2>
      <ActionForm action={createIndicatorAction} submitLabel="Créer l'indicateur">
        <Hidden name="territory" value={territory.slug} />
        <IndicatorFields
          defaults={{ actionLineageId: sp.action ?? "", objectiveId: sp.objectif ?? "", startsOn: `${year}-01-01`, endsOn: `${year + 2}-12-31` }}
          objectives={choices.objectives.map((o) => ({ value: o.id, label: o.title }))}
          actions={choices.actions.map((a) => ({ value: a.lineageId, label: a.title }))}
          structures={choices.structures.map((s) => ({ value: s.id, label: s.name }))}
        />
      </ActionForm>
    </>
  );
}
