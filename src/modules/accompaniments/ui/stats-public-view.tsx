import { SvgChart } from "@/ui/charts/svg-chart-view";
import { Table } from "@/ui/table";
import { formatNumber } from "@/platform/text";
import type { PublicStats, PublicTableKey } from "../stats-public";
import type { PublishedTable } from "../suppression";
import { barChartSvg } from "./stats-charts";

const SECRET = "secret statistique";

const sections: { key: PublicTableKey; title: string; column: string; note?: string }[] = [
  { key: "month", title: "Par mois", column: "Mois" },
  { key: "theme", title: "Par thème", column: "Thème", note: "Un accompagnement compte une fois pour chacun de ses thèmes." },
  { key: "commune", title: "Par commune du lieu", column: "Commune" },
  { key: "kind", title: "Individuel ou collectif", column: "Type" },
  { key: "setting", title: "Où", column: "Où" },
  { key: "autonomy", title: "Autonomie atteinte", column: "Autonomie" },
  { key: "age", title: "Tranches d'âge (personnes)", column: "Tranche d'âge" },
  { key: "status", title: "Statuts (personnes)", column: "Statut" },
  { key: "flows", title: "Orientations entre lieux", column: "Orientation" },
];

const figure = (n: number | null) => (n === null ? SECRET : formatNumber(n));

function PublishedTableView({ title, column, table }: { title: string; column: string; table: PublishedTable }) {
  if (!table.cells) return <p>Trop peu d&apos;accompagnements pour publier ce tableau sans risquer de reconnaître quelqu&apos;un.</p>;
  return (
    <div className="fr-table">
      <Table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col">Accompagnements</th>
            <th scope="col">Personnes</th>
          </tr>
        </thead>
        <tbody>
          {table.cells.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td>{figure(c.records)}</td>
              <td>{figure(c.people)}</td>
            </tr>
          ))}
          {table.total ? (
            <tr>
              <th scope="row">Total</th>
              <td>{formatNumber(table.total.records)}</td>
              <td>{formatNumber(table.total.people)}</td>
            </tr>
          ) : null}
        </tbody>
      </Table>
    </div>
  );
}

/** The public figures: only what `publicAccompanimentStats` let through (small counts suppressed, decision 029). */
export function PublicStatsView({ stats }: { stats: PublicStats }) {
  if (!stats.total) return <p>Le territoire n&apos;a pas encore assez d&apos;accompagnements enregistrés pour en publier les chiffres.</p>;
  const months = stats.tables.month.cells?.filter((c) => c.records !== null).map((c) => ({ key: c.key, label: c.label, records: c.records ?? 0, people: c.people ?? 0, minutes: 0 })) ?? [];
  return (
    <>
      <p className="fr-text--lead">
        {formatNumber(stats.total.records)} accompagnements, {formatNumber(stats.total.people)} personnes accompagnées.
      </p>
      <div className="fr-callout fr-mb-4w">
        <p className="fr-callout__text">
          Pour qu&apos;aucune personne ne puisse être reconnue, tout chiffre inférieur à 5 est remplacé par « {SECRET} », ainsi qu&apos;un ou plusieurs autres chiffres du même tableau
          quand le total permettrait de le retrouver par soustraction.
        </p>
      </div>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`public-${s.key}`} className="fr-mb-4w">
          <h2 id={`public-${s.key}`}>{s.title}</h2>
          {s.note ? <p className="fr-text--sm">{s.note}</p> : null}
          {s.key === "month" && months.length > 1 ? <SvgChart svg={barChartSvg(months, "Accompagnements par mois, chiffres publiés (ils sont dans le tableau « Par mois »).", { months: true })} /> : null}
          <PublishedTableView title={s.title} column={s.column} table={stats.tables[s.key]} />
        </section>
      ))}
    </>
  );
}
