import { grid } from "../grid";
import type { Assessment } from "../queries";
import { formatDay } from "./format";
import { Table } from "@/ui/table";

/** Every submission of the actor, newest first: its progress over time. */
export function AssessmentHistory({ history }: { history: Assessment[] }) {
  return (
    <section aria-labelledby="historique-titre" className="fr-mt-6w">
      <h3 id="historique-titre">Historique des autoévaluations</h3>
      {history.length === 0 ? (
        <p>Aucune autoévaluation n&apos;a encore été enregistrée pour cette structure.</p>
      ) : (
        <div className="fr-table">
          <Table>
            <caption>
              {history.length} autoévaluation{history.length > 1 ? "s" : ""}, de la plus récente à la plus ancienne (niveaux sur 4)
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Par</th>
                {grid.map((d) => (
                  <th key={d.id} scope="col">
                    {d.shortTitle}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.map((a, i) => (
                <tr key={a.id}>
                  <th scope="row">
                    {formatDay(a.submittedAt)}
                    {i === 0 ? " (actuelle)" : ""}
                  </th>
                  <td>
                    {a.submittedBy || "—"}
                    {a.demo ? " (démonstration)" : ""}
                  </td>
                  {grid.map((d) => (
                    <td key={d.id}>{a.answers[d.id]?.level ?? "—"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
