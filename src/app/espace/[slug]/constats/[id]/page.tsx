import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Field, Hidden, SelectField } from "@/ui/form";
import { communeNames } from "@/modules/territories/communes";
import { communeLabels } from "@/modules/geo";
import { findingAbilities } from "@/modules/findings/policy";
import { findFinding, findingsSetting, listFindings, listGroups } from "@/modules/findings/queries";
import { kindLabels, type FindingKind } from "@/modules/findings/validation";
import { FindingFields } from "@/modules/findings/ui/finding-fields";
import { deleteFindingAction, mergeFindingsAction, updateFindingAction } from "@/modules/findings/actions";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Modifier un constat" };

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function FindingPage({ params }: Props) {
  const { slug, id } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/constats/${id}`);
  const { db } = await getRuntime();
  const can = findingAbilities(principal, { id: territory.id, ...(await findingsSetting(db, territory.id)) });
  if (!can.organise) forbidden();
  const finding = await findFinding(db, territory.id, id);
  if (!finding || finding.mergedInto) notFound();
  const [groups, names, sameKind] = [await listGroups(db, territory.id), await communeNames(db, territory.id), await listFindings(db, territory.id, { kind: finding.kind as FindingKind })];
  const communeList = finding.communes.map((c) => `${names.get(c) ?? c} (${c})`).join(", ");
  // Written back as people write them, "Name postcode": read again without ambiguity, never bare codes.
  const written = await communeLabels(db, finding.communes);
  const others = sameKind.filter((f) => f.id !== finding.id);
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Constats", href: `/espace/${territory.slug}/constats` }} current={crumbLabel(finding.text)} />
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/constats`}>
          Tous les constats
        </Link>
      </p>
      <h2>Modifier un {kindLabels[finding.kind as FindingKind].toLowerCase()}</h2>
      {communeList ? <p className="fr-text--sm">Communes concernées aujourd&apos;hui : {communeList}.</p> : null}
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ActionForm action={updateFindingAction} submitLabel="Enregistrer">
            <Hidden name="territory" value={territory.slug} />
            <Hidden name="finding" value={finding.id} />
            <FindingFields
              groups={groups}
              defaults={{
                kind: finding.kind,
                text: finding.text,
                origin: finding.origin,
                originLabel: finding.originLabel,
                originRef: finding.originRef ?? "",
                themes: finding.themes,
                communesText: finding.communes.map((c) => written.get(c) ?? c).join(", "),
                groupId: finding.groupId ?? "",
              }}
            />
          </ActionForm>

          <section aria-labelledby="fusion-titre" className="fr-mt-6w">
            <h3 id="fusion-titre">Fusionner avec un autre constat</h3>
            {others.length === 0 ? (
              <p>Aucun autre constat du même type à fusionner.</p>
            ) : (
              <ActionForm action={mergeFindingsAction} submitLabel="Fusionner">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="finding" value={finding.id} />
                <p>
                  Quand deux constats disent la même chose : celui-ci est gardé, avec les thèmes, les communes et les soutiens des deux ;
                  l&apos;autre disparaît de la liste (il reste au journal).
                </p>
                <SelectField name="other" label="Constat à fusionner dans celui-ci" options={others.map((o) => ({ value: o.id, label: `${o.text.slice(0, 110)}${o.text.length > 110 ? "…" : ""} (${o.votes} soutien${o.votes > 1 ? "s" : ""})` }))} />
                <Field name="mergedText" label="Texte du constat fusionné (facultatif)" textarea rows={3} hint="Laissez vide pour garder le texte actuel." />
              </ActionForm>
            )}
          </section>

          <section aria-labelledby="suppression-titre" className="fr-mt-6w">
            <h3 id="suppression-titre">Supprimer ce constat</h3>
            <ActionForm action={deleteFindingAction} submitLabel="Supprimer définitivement">
              <Hidden name="territory" value={territory.slug} />
              <Hidden name="finding" value={finding.id} />
              <p>Ses soutiens sont supprimés avec lui. La suppression est inscrite au journal.</p>
            </ActionForm>
          </section>
        </div>
      </div>
    </>
  );
}
