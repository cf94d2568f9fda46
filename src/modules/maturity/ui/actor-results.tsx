import { SvgChart } from "@/ui/charts/svg-chart-view";
import { GOOD_PRACTICE_LEVEL, formatLevel, grid, type DimensionId, type Level } from "../grid";
import type { Assessment } from "../queries";
import { formatDay, levelWithName } from "./format";
import { actorRadarSvg, seriesLabels } from "./radar";
import { Table } from "@/ui/table";

/** The actor's current self-assessment: radar (drawn on the server) and the same figures in a table, then its comments. */
export function ActorResults({ actorName, latest, medians }: { actorName: string; latest: Assessment; medians: Record<DimensionId, number | null> }) {
  const levels: Partial<Record<DimensionId, Level>> = {};
  for (const d of grid) {
    const answer = latest.answers[d.id];
    if (answer) levels[d.id] = answer.level;
  }
  const comments = grid.flatMap((d) => {
    const comment = latest.answers[d.id]?.comment;
    return comment ? [{ d, comment }] : [];
  });
  return (
    <section aria-labelledby="resultats-titre" className="fr-mt-4w">
      <h3 id="resultats-titre">Dernière autoévaluation</h3>
      <p>
        Enregistrée le {formatDay(latest.submittedAt)}
        {latest.submittedBy ? ` par ${latest.submittedBy}` : ""}.
        {latest.demo ? <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Démonstration</span> : null}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <SvgChart svg={actorRadarSvg(actorName, levels, medians)} />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <div className="fr-table">
            <Table>
              <caption>Niveaux par dimension (sur 4)</caption>
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col">{seriesLabels.actor}</th>
                  <th scope="col">{seriesLabels.median}</th>
                  <th scope="col">Bonne pratique</th>
                </tr>
              </thead>
              <tbody>
                {grid.map((d) => {
                  const level = levels[d.id];
                  const median = medians[d.id] ?? null;
                  return (
                    <tr key={d.id}>
                      <th scope="row">{d.title}</th>
                      <td>{level ? levelWithName(d.id, level) : "sans réponse"}</td>
                      <td>{median === null ? "—" : formatLevel(median)}</td>
                      <td>{GOOD_PRACTICE_LEVEL}</td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </div>
        </div>
      </div>
      {comments.length > 0 ? (
        <>
          <h4 className="fr-h6">Commentaires de la structure</h4>
          <dl>
            {comments.map(({ d, comment }) => (
              <div key={d.id} className="fr-mb-2w">
                <dt className="fr-text--bold">{d.title}</dt>
                <dd className="fr-ml-0" style={{ whiteSpace: "pre-line" }}>
                  {comment}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}
