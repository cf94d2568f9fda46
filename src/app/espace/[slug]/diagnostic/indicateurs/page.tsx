import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDateTime } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Hidden } from "@/ui/form";
import { diagnosticAbilities } from "@/modules/diagnostic/policy";
import { listCustomIndicators } from "@/modules/diagnostic/indicators";
import { ImportIndicators } from "@/modules/diagnostic/ui/import-indicators";
import { deleteIndicatorAction } from "@/modules/diagnostic/actions";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Indicateurs du territoire" };

/** The coordinator's own indicators per commune: template, import with a line-by-line report, list. */
export default async function IndicatorsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/diagnostic/indicateurs`);
  if (!diagnosticAbilities(principal, territory).importIndicators) forbidden();
  const { db } = await getRuntime();
  const list = await listCustomIndicators(db, territory.id);
  return (
    <>
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/diagnostic`}>
          Portrait du territoire
        </Link>
      </p>
      <h2>Indicateurs du territoire</h2>
      <p>
        Ajoutez vos propres chiffres par commune (taux de chômage, bénéficiaires du RSA, foyers sans ordinateur…) : ils s&apos;affichent sur
        la carte et dans le tableau du portrait, à côté des indicateurs nationaux, et dans les téléchargements.
      </p>
      <p>
        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`/espace/${territory.slug}/diagnostic/indicateurs/modele.csv`} download>
          Télécharger le modèle (les communes du territoire, une colonne à remplir)
        </a>
      </p>
      <ImportIndicators territory={territory.slug} />
      <h3 className="fr-mt-4w">Indicateurs importés</h3>
      {list.length === 0 ? (
        <p>Aucun pour l&apos;instant.</p>
      ) : (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Indicateurs importés</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col">Communes renseignées</th>
                <th scope="col">Fichier</th>
                <th scope="col">Mis à jour</th>
                <th scope="col">Supprimer</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.label}
                    {i.unit ? ` (${i.unit})` : ""}
                  </th>
                  <td>{i.values.size}</td>
                  <td>{i.source}</td>
                  <td>{formatDateTime(i.updatedAt)}</td>
                  <td>
                    <ActionForm action={deleteIndicatorAction} submitLabel={`Supprimer « ${i.label} »`}>
                      <Hidden name="territory" value={territory.slug} />
                      <Hidden name="indicator" value={i.id} />
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}
