import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Hidden } from "@/ui/form";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { planAbilities } from "@/modules/plan/policy";
import { planChoices } from "@/modules/plan/queries";
import { ActionFields } from "@/modules/plan/ui/action-fields";
import { createPlanActionAction } from "@/modules/plan/actions";

export const metadata: Metadata = { title: "Nouvelle action du plan" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewActionPage({ params }: Props) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan/actions/nouvelle`);
  if (!planAbilities(principal, territory).edit) forbidden();
  const { db } = await getRuntime();
  const choices = await planChoices(db, territory.id);
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Plan d'action", href: `/espace/${territory.slug}/plan` }} current="Nouvelle action" />
      <h2>Nouvelle action</h2>
      <p>L&apos;action rejoint la version en cours du plan. Son budget, ses financements, ses étapes et ses partenaires s&apos;ajoutent ensuite sur sa fiche.</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ActionForm action={createPlanActionAction} submitLabel="Créer l'action">
            <Hidden name="territory" value={territory.slug} />
            <ActionFields defaults={{}} axes={choices.axes} objectives={choices.objectives} actors={choices.actors} />
          </ActionForm>
        </div>
      </div>
    </>
  );
}
