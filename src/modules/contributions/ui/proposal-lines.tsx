import type { QueueItem } from "../queries";
import { Table } from "@/ui/table";

/** How moderators name a proposal: the proposed name, or the corrected place's. */
export function proposalTitle(item: QueueItem): string {
  return item.proposal.kind === "new" ? (item.proposal.payload.nom ?? "Lieu sans nom") : (item.place?.name ?? "Lieu supprimé");
}

/** What a proposal says: every field of a new place, or current → proposed for a correction. */
export function ProposalLines({ item }: { item: QueueItem }) {
  const correction = item.proposal.kind === "correction";
  const message = item.proposal.payload.message;
  return (
    <>
      {message ? (
        <div className="fr-callout fr-mb-2w">
          <p className="fr-callout__text fr-text--md">
            <span className="fr-text--bold">Message de la personne : </span>
            {message}
          </p>
        </div>
      ) : null}
      {correction && !item.place ? <p className="fr-text--bold">Le lieu concerné n&apos;existe plus : cette proposition ne peut qu&apos;être refusée.</p> : null}
      {correction && item.place && item.lines.length === 0 ? <p>Aucun champ modifié : la personne a seulement laissé le message ci-dessus.</p> : null}
      {item.lines.length > 0 ? (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>{correction ? "Modifications proposées" : "Informations proposées"}</caption>
            <thead>
              <tr>
                <th scope="col">Champ</th>
                {correction ? <th scope="col">Valeur actuelle</th> : null}
                <th scope="col">{correction ? "Valeur proposée" : "Valeur"}</th>
              </tr>
            </thead>
            <tbody>
              {item.lines.map((l) => (
                <tr key={l.field}>
                  <th scope="row">{l.label}</th>
                  {correction ? <td>{l.current || <em>(vide)</em>}</td> : null}
                  <td>{l.proposed || <em>(vide)</em>}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
