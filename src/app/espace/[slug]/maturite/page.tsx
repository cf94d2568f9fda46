import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { GOOD_PRACTICE_LEVEL } from "@/modules/maturity/grid";
import { maturityPolicy, noMaturityActor } from "@/modules/maturity/policy";
import { territoryMaturity } from "@/modules/maturity/queries";
import { strongest, weakest } from "@/modules/maturity/stats";
import { GridDescription } from "@/modules/maturity/ui/grid-description";
import { HeatMap } from "@/modules/maturity/ui/heat-map";
import { Finding } from "@/modules/maturity/ui/dimension-finding";

export const metadata: Metadata = { title: "Maturité des acteurs" };

/** One dimension in plain words: its median and how many actors are below good practice. */

/** The territory against the grid: how many actors self-assessed, the weakest dimensions, the heat map, the grid. */
export default async function TerritoryMaturityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/maturite`);
  if (!maturityPolicy.viewTerritory(principal, territory, noMaturityActor)) forbidden();
  const { db } = await getRuntime();
  const view = await territoryMaturity(db, territory);
  const { summary } = view;
  const weak = weakest(summary);
  const strong = strongest(summary).filter((d) => !weak.includes(d));
  const missing = view.visibleActors - summary.assessed;
  return (
    <>
      <h2>Maturité des acteurs</h2>
      <p>
        Chaque acteur se situe lui-même sur une grille de bonnes pratiques de l&apos;inclusion numérique : six dimensions, quatre niveaux
        chacune. Réunies, ces autoévaluations montrent où le territoire est solide et où il est fragile. Ce sont des déclarations, pas des
        contrôles : elles servent à repérer ensemble ce qui manque et les structures dont on peut apprendre.
      </p>
      <p role="status" className="fr-text--lead">
        {formatNumber(summary.assessed)} acteur{summary.assessed > 1 ? "s" : ""} sur {formatNumber(view.visibleActors)} {summary.assessed > 1 ? "se sont autoévalués" : "s'est autoévalué"}.
      </p>
      {missing > 0 ? (
        <p>
          {formatNumber(missing)} acteur{missing > 1 ? "s ne se sont" : " ne s'est"} pas encore autoévalué{missing > 1 ? "s" : ""} : l&apos;autoévaluation
          se fait depuis la fiche de chaque structure, dans la{" "}
          <Link href={`/espace/${territory.slug}/acteurs`}>liste des acteurs</Link> (lien « Maturité numérique : autoévaluation et résultats »).
        </p>
      ) : null}

      {summary.assessed > 0 ? (
        <>
          <h3 className="fr-mt-4w">Dimensions à renforcer en priorité</h3>
          <p>Les dimensions où le niveau médian des acteurs est le plus bas (à égalité, celles où le plus d&apos;acteurs sont sous la bonne pratique) :</p>
          <ul>
            {weak.map((d) => (
              <Finding key={d.dimension} d={d} />
            ))}
          </ul>
          <h3 className="fr-mt-4w">Points forts du territoire</h3>
          {strong.length > 0 ? (
            <>
              <p>Les dimensions où le niveau médian des acteurs atteint la bonne pratique (niveau {GOOD_PRACTICE_LEVEL}) ou la dépasse :</p>
              <ul>
                {strong.map((d) => (
                  <Finding key={d.dimension} d={d} />
                ))}
              </ul>
            </>
          ) : (
            <p>Aucune dimension n&apos;atteint encore la bonne pratique (niveau médian {GOOD_PRACTICE_LEVEL} ou plus) : pas de point fort à signaler pour l&apos;instant.</p>
          )}

          <h3 className="fr-mt-4w">Carte de chaleur : acteurs × dimensions</h3>
          <p>Une ligne par acteur, une colonne par dimension. Le nom de l&apos;acteur mène à son détail (graphique, commentaires, historique).</p>
          <HeatMap slug={territory.slug} view={view} />
        </>
      ) : (
        <div className="fr-callout fr-mt-4w">
          <p className="fr-callout__text">Aucun acteur du territoire ne s&apos;est encore autoévalué.</p>
        </div>
      )}

      <h3 className="fr-mt-6w">La grille de bonnes pratiques</h3>
      <p>
        Le niveau {GOOD_PRACTICE_LEVEL} sur 4 est la référence : c&apos;est ce qu&apos;on attend d&apos;une structure qui accompagne les publics
        (France Services, lieux avec un conseiller numérique, structures habilitées Aidants Connect). Le niveau 4 est exemplaire : une
        pratique à partager, pas une obligation.
      </p>
      <GridDescription headingLevel={4} />
    </>
  );
}
