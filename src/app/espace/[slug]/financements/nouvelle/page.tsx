import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Hidden } from "@/ui/form";
import { fundingAbilities } from "@/modules/funding/policy";
import { DeadlineFields, SourceFields } from "@/modules/funding/ui/source-fields";
import { createSourceAction } from "@/modules/funding/actions";

export const metadata: Metadata = { title: "Nouvelle source de financement" };

type Props = { params: Promise<{ slug: string }> };

/** A coordinator adds a source the territory knows (a local fund, a foundation's call), with its first deadline. */
export default async function NewFundingSourcePage({ params }: Props) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/financements/nouvelle`);
  if (!fundingAbilities(principal, territory).manage) forbidden();
  return (
    <>
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/financements`}>
          Tous les financements
        </Link>
      </p>
      <h2>Nouvelle source de financement</h2>
      <p>Une source que la coordination connaît : fonds d&apos;une collectivité, appel d&apos;une fondation du territoire, partenaire privé… Elle n&apos;est visible que des membres du territoire.</p>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ActionForm action={createSourceAction} submitLabel="Ajouter la source">
            <Hidden name="territory" value={territory.slug} />
            <SourceFields defaults={{}} territoryName={territory.name} />
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Première échéance (facultatif)</legend>
              <div className="fr-fieldset__content" style={{ width: "100%" }}>
                <DeadlineFields prefix="deadline" optional />
              </div>
            </fieldset>
          </ActionForm>
        </div>
      </div>
    </>
  );
}
