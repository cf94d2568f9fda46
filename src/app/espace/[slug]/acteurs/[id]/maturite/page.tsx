import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { findActor } from "@/modules/actors/queries";
import { maturityAbilities } from "@/modules/maturity/policy";
import { actorMaturity, territoryMaturity } from "@/modules/maturity/queries";
import { mediansOf } from "@/modules/maturity/stats";
import { ActorResults } from "@/modules/maturity/ui/actor-results";
import { AssessmentForm } from "@/modules/maturity/ui/assessment-form";
import { AssessmentHistory } from "@/modules/maturity/ui/history";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Maturité numérique de l'acteur" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** One actor against the good-practice grid: radar and table, the self-assessment form, the history. */
export default async function ActorMaturityPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal: person } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/acteurs/${id}/maturite`);
  const { db } = await getRuntime();
  const actor = await findActor(db, territory.id, id);
  if (!actor) notFound();
  const can = maturityAbilities(person, territory, actor);
  if (!can.viewResults) forbidden();
  const [{ latest, history }, view] = [await actorMaturity(db, territory.id, actor.id), await territoryMaturity(db, territory)];
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Acteurs", href: `/espace/${territory.slug}/acteurs` }} segments={[{ label: actor.name, href: `/espace/${territory.slug}/acteurs/${actor.id}` }]} current="Maturité numérique" />
      <ul className="fr-links-group fr-links-group--inline">
        <li>
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/acteurs/${actor.id}`}>
            Fiche de la structure
          </Link>
        </li>
        {can.viewTerritory ? (
          <li>
            <Link className="fr-link" href={`/espace/${territory.slug}/maturite`}>
              Maturité de tous les acteurs du territoire
            </Link>
          </li>
        ) : null}
      </ul>
      {sp.enregistre !== undefined ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>L&apos;autoévaluation est enregistrée. Le graphique et le tableau ci-dessous montrent vos nouvelles réponses.</p>
        </div>
      ) : null}
      <h2>Maturité numérique : {actor.name}</h2>
      <p>
        La structure se situe, pour chacune des six dimensions de la grille de bonnes pratiques, sur un niveau de 1 à 4. Elle est comparée
        à la médiane des acteurs du territoire qui se sont autoévalués ({view.summary.assessed}) et au niveau de bonne pratique.
      </p>
      {latest ? (
        <ActorResults actorName={actor.name} latest={latest} medians={mediansOf(view.summary)} />
      ) : (
        <div className="fr-callout fr-mt-4w">
          <p className="fr-callout__text">
            Cette structure ne s&apos;est pas encore autoévaluée.
            {can.selfAssess ? " Remplissez le formulaire ci-dessous : cela prend une dizaine de minutes." : " Une personne qui coordonne le territoire, ou qui représente la structure, peut le faire."}
          </p>
        </div>
      )}
      {can.selfAssess ? <AssessmentForm slug={territory.slug} actorId={actor.id} latest={latest} /> : null}
      <AssessmentHistory history={history} />
    </>
  );
}
