import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { communeLabels } from "@/modules/geo";
import { ActionForm, Hidden } from "@/ui/form";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { planAbilities } from "@/modules/plan/policy";
import { findActionSheet, planChoices } from "@/modules/plan/queries";
import { monthText } from "@/modules/plan/validation";
import { ActionFields, RevisionField } from "@/modules/plan/ui/action-fields";
import { updatePlanActionAction } from "@/modules/plan/actions";

export const metadata: Metadata = { title: "Modifier une action du plan" };

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function EditActionPage({ params }: Props) {
  const { slug, id } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan/actions/${id}/modifier`);
  if (!planAbilities(principal, territory).edit) forbidden();
  const { db } = await getRuntime();
  const sheet = await findActionSheet(db, territory.id, id);
  if (!sheet) notFound();
  const { action } = sheet;
  const sheetHref = `/espace/${territory.slug}/plan/actions/${action.id}`;
  const [choices, written] = [await planChoices(db, territory.id), await communeLabels(db, action.communes)];
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Plan d'action", href: `/espace/${territory.slug}/plan` }} segments={[{ label: crumbLabel(action.title), href: sheetHref }]} current="Modifier" />
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={sheetHref}>
          Retour à la fiche
        </Link>
      </p>
      <h2>Modifier « {action.title} »</h2>
      {action.frozen ? (
        <div className="fr-alert fr-alert--info fr-alert--sm">
          <p>Cette action appartient à la version {action.versionNumber}, figée : elle ne change plus. Ouvrez une nouvelle version du plan pour la modifier.</p>
        </div>
      ) : (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-lg-8">
            <ActionForm action={updatePlanActionAction} submitLabel="Enregistrer">
              <Hidden name="territory" value={territory.slug} />
              <Hidden name="action" value={action.id} />
              <RevisionField value={action.revision} />
              <ActionFields
                axes={choices.axes}
                objectives={choices.objectives}
                actors={choices.actors}
                defaults={{
                  title: action.title,
                  description: action.description,
                  axisId: action.axisId ?? "",
                  objectiveIds: sheet.objectives.map((o) => o.id),
                  leadActorId: action.leadActorId ?? "",
                  publics: action.publics,
                  themes: action.themes,
                  communesText: action.communes.map((c) => written.get(c) ?? c).join(", "),
                  startMonth: monthText(action.startMonth),
                  endMonth: monthText(action.endMonth),
                  status: action.status,
                  recurring: action.recurring,
                }}
              />
            </ActionForm>
          </div>
        </div>
      )}
    </>
  );
}
