import { worldLabels } from "@/modules/actors";
import { countOf } from "@/platform/text";
import { Table } from "@/ui/table";
import { equivalentWords, evennessWords, type WorldsBalance } from "../balance";

const weightText = (n: number) => n.toLocaleString("fr-FR", { maximumFractionDigits: 2 });

/** The worlds balance in words first, then as a table (every world, its weight, invitations). */
export function BalanceView({ balance }: { balance: WorldsBalance }) {
  const percent = Math.round(balance.share * 100);
  return (
    <>
      <p className="fr-text--lg fr-mb-1w" data-testid="part-mondes">
        <strong>
          {balance.present.length} monde{balance.present.length > 1 ? "s" : ""} sur 9 représenté{balance.present.length > 1 ? "s" : ""} ({percent} %)
        </strong>
        {balance.missing.length ? ` ; manque${balance.missing.length > 1 ? "nt" : ""} : ${balance.missing.map((w) => worldLabels[w].toLowerCase()).join(", ")}.` : "."}
      </p>
      <p className="fr-mb-1w" data-testid="equilibre-mots">
        {evennessWords(balance)} {equivalentWords(balance)}
      </p>
      <p className="fr-text--sm">
        Comptés : {countOf(balance.counted, "animateur·rice ou membre", "animateurs·rices et membres")}
        {balance.withoutWorld ? `, dont ${countOf(balance.withoutWorld, "personne sans structure liée", "personnes sans structure liée")} (sans monde)` : ""}. Les
        invité·e·s ne comptent pas encore : une invitation n&apos;est pas une présence. Une personne dont la structure a plusieurs mondes compte pour
        une part égale dans chacun.
      </p>
      <div className="fr-table fr-table--no-caption fr-table--sm">
        <Table>
          <caption>Poids de chaque monde dans le groupe</caption>
          <thead>
            <tr>
              <th scope="col">Monde</th>
              <th scope="col">Présent</th>
              <th scope="col">Poids (personnes)</th>
              <th scope="col">Invitations en attente</th>
            </tr>
          </thead>
          <tbody>
            {balance.weights.map((w) => (
              <tr key={w.world}>
                <th scope="row">{worldLabels[w.world]}</th>
                <td>{w.weight > 0 ? "Oui" : "Non"}</td>
                <td>{weightText(w.weight)}</td>
                <td>{w.invited}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
