import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { groupKindLabels, membersOf } from "@/modules/groups";
import { governancePolicy } from "@/modules/governance/policy";
import { findBody, meetingsKeepingBody, meetingUseLabel } from "@/modules/governance/queries";
import { deleteBodyAction } from "@/modules/governance/actions";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { ActionForm, Hidden } from "@/ui/form";

export const metadata: Metadata = { title: "Supprimer une instance de gouvernance" };

type Props = { params: Promise<{ slug: string; id: string }> };

/**
 * « Supprimer l'instance », a page of its own so that it works without JavaScript: a body that has met is kept
 * (its meetings are listed, with links, and no button is offered); a body that never met can be deleted, its
 * members with it, after reading what goes (decision 025).
 */
export default async function DeleteBodyPage({ params }: Props) {
  const { slug, id } = await params;
  const bodyPath = `/espace/${slug}/gouvernance/${id}`;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `${bodyPath}/supprimer`);
  const { db } = await getRuntime();
  const body = await findBody(db, territory.id, id);
  if (!body) notFound();
  if (!governancePolicy.delete(principal, territory)) forbidden();
  const [uses, members] = [await meetingsKeepingBody(db, territory.id, id), await membersOf(db, territory.id, id)];
  const base = `/espace/${territory.slug}`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Gouvernance", href: `${base}/gouvernance` }} segments={[{ label: crumbLabel(body.name), href: bodyPath }]} current="Supprimer" />
      <h2>Supprimer l&apos;instance « {body.name} »</h2>
      <p>
        <span className="fr-badge fr-badge--sm fr-badge--blue-ecume">{groupKindLabels[body.kind]}</span>
      </p>
      {uses.length > 0 ? (
        <>
          <div className="fr-alert fr-alert--info fr-mb-3w">
            <h3 className="fr-alert__title">Cette instance ne peut pas être supprimée</h3>
            <p>
              Elle s&apos;est réunie ou a une réunion prévue. Ses réunions, leurs comptes rendus et les décisions qui y ont été prises sont la trace de
              ce que la gouvernance a décidé : ils restent consultables, et l&apos;instance avec eux.
            </p>
          </div>
          <h3>{uses.length > 1 ? `Ses ${uses.length} réunions` : "Sa réunion"}</h3>
          <ul data-testid="reunions-de-l-instance">
            {uses.map((u) => (
              <li key={u.id}>
                <Link href={`${base}/reunions/${u.id}`}>{meetingUseLabel(u)}</Link>
              </li>
            ))}
          </ul>
          <p>
            <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={bodyPath}>
              Revenir à l&apos;instance
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>
            L&apos;instance ne s&apos;est jamais réunie et n&apos;a aucune réunion prévue. La supprimer retire aussi{" "}
            {members.length === 0 ? "sa liste de membres (vide)" : members.length > 1 ? `ses ${members.length} membres` : "son membre"} ; les comptes des
            personnes ne sont pas touchés. La suppression est inscrite au journal.
          </p>
          <ActionForm
            action={deleteBodyAction}
            submitLabel={`Supprimer « ${body.name} »`}
            secondary={
              <Link className="fr-btn fr-btn--secondary" href={bodyPath}>
                Annuler
              </Link>
            }
          >
            <Hidden name="territory" value={territory.slug} />
            <Hidden name="body" value={body.id} />
          </ActionForm>
        </>
      )}
    </>
  );
}
