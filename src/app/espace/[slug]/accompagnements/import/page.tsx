import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { territoryPage } from "@/modules/territories/web";
import { Table } from "@/ui/table";
import { importAccompanimentsAction } from "@/modules/accompaniments/actions";
import { ACCOMPANIMENTS_FILE, MAX_IMPORT_LINES, importColumns } from "@/modules/accompaniments/import";
import { accompanimentPolicy } from "@/modules/accompaniments/policy";
import { ImportForm } from "@/modules/accompaniments/ui/import-form";
import { themeChoices } from "@/modules/accompaniments/validation";

export const metadata: Metadata = { title: "Importer des accompagnements" };

type Props = { params: Promise<{ slug: string }> };

/** Records kept elsewhere (a spreadsheet, another tool), imported from a CSV file built on the template. */
export default async function ImportAccompanimentsPage({ params }: Props) {
  const { slug } = await params;
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/accompagnements/import`);
  if (!accompanimentPolicy.import(principal, territory)) forbidden();
  const base = `/espace/${territory.slug}/accompagnements`;
  return (
    <>
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={base}>
          Accompagnements
        </Link>
      </p>
      <h2>Importer des accompagnements</h2>
      <p>
        Partez du <a href={`${base}/import/modele`} download>modèle CSV à télécharger</a> (séparateur « ; », une ligne par accompagnement, au plus {MAX_IMPORT_LINES.toLocaleString("fr-FR")} lignes).
        Chaque ligne est vérifiée : si une seule est refusée, <strong>rien n&apos;est importé</strong> et la liste des lignes à corriger s&apos;affiche. Aucune donnée personnelle : ni nom, ni
        contact.
      </p>
      <ImportForm
        action={importAccompanimentsAction}
        territory={territory.slug}
        file={{ label: "Fichier CSV des accompagnements", hint: `Taille maximale : ${ACCOMPANIMENTS_FILE.limitLabel}. Format CSV.`, maxBytes: ACCOMPANIMENTS_FILE.maxBytes, limitLabel: ACCOMPANIMENTS_FILE.limitLabel, accept: ACCOMPANIMENTS_FILE.accept }}
      />
      <h3 className="fr-mt-6w">Les colonnes du fichier</h3>
      <div className="fr-table">
        <Table>
          <caption>Colonnes du modèle</caption>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">Contenu</th>
            </tr>
          </thead>
          <tbody>
            {importColumns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.help}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <details>
        <summary>Les thématiques et leurs clés</summary>
        <ul>
          {themeChoices.map((t) => (
            <li key={t.key}>
              <code>{t.key}</code> : {t.label}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
