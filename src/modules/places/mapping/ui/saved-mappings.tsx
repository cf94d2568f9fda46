import { deletePlaceMappingAction } from "@/modules/places/actions";
import { formatDateTime } from "@/platform/text";
import type { SavedMapping } from "../queries";
import { Table } from "@/ui/table";

/** The territory's saved mappings, each with a plain form to delete it (works without JavaScript). */
export function SavedMappings({ territory, token, saved }: { territory: string; token: string; saved: SavedMapping[] }) {
  return (
    <section aria-labelledby="correspondances-titre" className="fr-mt-6w">
      <h3 id="correspondances-titre">Correspondances enregistrées</h3>
      {saved.length === 0 ? (
        <p>Aucune correspondance enregistrée pour ce territoire. Vous pourrez en enregistrer une à l&apos;étape 2.</p>
      ) : (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Correspondances du territoire ({saved.length})</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Colonnes associées</th>
                <th scope="col">Valeurs fixes</th>
                <th scope="col">Dernière modification</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {saved.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{Object.keys(m.mapping.fields).length}</td>
                  <td>{Object.keys(m.mapping.constants ?? {}).length}</td>
                  <td>
                    {formatDateTime(m.updatedAt)}
                    {m.createdBy ? ` (créée par ${m.createdBy})` : ""}
                  </td>
                  <td>
                    <a className="fr-link fr-link--sm fr-mr-2w" href={`/espace/${territory}/lieux/colonnes/fichier/${m.id}`} download>
                      Télécharger (JSON)<span className="fr-sr-only"> la correspondance « {m.name} »</span>
                    </a>
                    <form action={deletePlaceMappingAction}>
                      <input type="hidden" name="territory" value={territory} />
                      <input type="hidden" name="id" value={m.id} />
                      {token ? <input type="hidden" name="fichier" value={token} /> : null}
                      <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm">
                        Supprimer<span className="fr-sr-only"> la correspondance « {m.name} »</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
