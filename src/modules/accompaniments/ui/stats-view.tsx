import { SvgChart } from "@/ui/charts/svg-chart-view";
import { FilterSelect } from "@/ui/filter-select";
import { Table } from "@/ui/table";
import { formatNumber } from "@/platform/text";
import { dimensionTitles, type FlowRow, type StatsDimension, type StatsFilter, type StatsRow } from "../stats";
import { barChartSvg, flowsSankeySvg } from "./stats-charts";

const hours = (minutes: number) => `${formatNumber(Math.round(minutes / 6) / 10)} h`;

/** The sections of the page, in order, with their headings. */
const sections: { by: StatsDimension; title: string; months?: boolean; note?: string }[] = [
  { by: "month", title: "Par mois", months: true },
  { by: "theme", title: "Par thème", note: "Un accompagnement compte une fois pour chacun de ses thèmes : la somme dépasse le total." },
  { by: "place", title: "Par lieu" },
  { by: "actor", title: "Par structure" },
  { by: "commune", title: "Par commune" },
  { by: "kind", title: "Individuel ou collectif" },
  { by: "setting", title: "Où" },
  { by: "autonomy", title: "Autonomie atteinte" },
  { by: "age", title: "Publics : tranches d'âge", note: "Nombre de personnes de chaque tranche, quand la médiatrice ou le médiateur l'a indiquée." },
  { by: "status", title: "Publics : statuts", note: "Nombre de personnes de chaque statut, quand il a été indiqué." },
];

export type StatsViewData = {
  totals: { records: number; people: number; minutes: number };
  tables: Record<StatsDimension, StatsRow[]>;
  /** The largest flows (FLOWS_SHOWN of stats.ts), out of `flowCount`. */
  flows: FlowRow[];
  flowCount: number;
  choices: { places: { id: string; name: string }[]; communes: { code: string; name: string }[] };
};

const TABLE_ROWS = 25;

function DimensionTable({ id, title, rows, months }: { id: string; title: string; rows: StatsRow[]; months?: boolean }) {
  const shown = months ? rows : rows.slice(0, TABLE_ROWS);
  return (
    <div className="fr-table fr-table--no-caption-top">
      <Table id={id}>
        <caption>
          {title}
          {shown.length < rows.length ? ` (les ${TABLE_ROWS} premiers sur ${formatNumber(rows.length)} ; tous dans l'export)` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">Accompagnements</th>
            <th scope="col">Personnes</th>
            <th scope="col">Durée</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{formatNumber(r.records)}</td>
              <td>{formatNumber(r.people)}</td>
              <td>{hours(r.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function query(filter: StatsFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ du: filter.from, au: filter.to, lieu: filter.placeId, commune: filter.communeCode, ...extra }).filter((e): e is [string, string] => Boolean(e[1]));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}

/** The workspace's statistics: filters (a GET form, no JavaScript), totals, each chart beside its table, the flows. */
export function StatsView({ slug, filter, errors, data, canExportRecords }: { slug: string; filter: StatsFilter; errors: string[]; data: StatsViewData; canExportRecords: boolean }) {
  const base = `/espace/${slug}/accompagnements/statistiques`;
  return (
    <>
      <form method="get" action={base} className="fr-mb-4w" aria-label="Filtrer les statistiques">
        {errors.length > 0 ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="alert">
            <p>{errors.join(" ")}</p>
          </div>
        ) : null}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-6 fr-col-md-3 fr-input-group">
            <label className="fr-label" htmlFor="f-du">
              Du mois <span className="fr-hint-text">AAAA-MM</span>
            </label>
            <input className="fr-input" type="month" id="f-du" name="du" defaultValue={filter.from ?? ""} />
          </div>
          <div className="fr-col-6 fr-col-md-3 fr-input-group">
            <label className="fr-label" htmlFor="f-au">
              Au mois <span className="fr-hint-text">AAAA-MM</span>
            </label>
            <input className="fr-input" type="month" id="f-au" name="au" defaultValue={filter.to ?? ""} />
          </div>
          <FilterSelect className="fr-col-12 fr-col-md-3" id="f-lieu" name="lieu" label="Lieu" value={filter.placeId} options={data.choices.places.map((p) => ({ value: p.id, label: p.name }))} />
          <FilterSelect className="fr-col-12 fr-col-md-3" id="f-commune" name="commune" label="Commune" value={filter.communeCode} empty="Toutes" options={data.choices.communes.map((c) => ({ value: c.code, label: c.name }))} />
        </div>
        <button className="fr-btn fr-btn--secondary" type="submit">
          Filtrer
        </button>
      </form>

      <p className="fr-text--lead">
        {formatNumber(data.totals.records)} accompagnement{data.totals.records > 1 ? "s" : ""}, {formatNumber(data.totals.people)} personne{data.totals.people > 1 ? "s" : ""} accompagnée
        {data.totals.people > 1 ? "s" : ""}, {hours(data.totals.minutes)} d&apos;accompagnement.
      </p>

      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {(["xlsx", "ods"] as const).map((format) => (
          <li key={format}>
            <a className="fr-btn fr-btn--tertiary fr-icon-download-line" href={`${base}/export/${format}${query(filter)}`} download>
              Toutes les statistiques ({format.toUpperCase()})
            </a>
          </li>
        ))}
        {canExportRecords
          ? (["csv", "xlsx", "ods"] as const).map((format) => (
              <li key={`r-${format}`}>
                <a className="fr-btn fr-btn--tertiary fr-icon-download-line" href={`${base}/export/${format}${query(filter, { contenu: "accompagnements" })}`} download>
                  Accompagnements, une ligne chacun ({format.toUpperCase()})
                </a>
              </li>
            ))
          : null}
      </ul>

      {data.totals.records === 0 ? <p>Aucun accompagnement ne correspond à ces filtres.</p> : null}

      {data.totals.records > 0
        ? sections.map((s) => {
            const rows = data.tables[s.by];
            if (rows.length === 0) return null;
            const tableId = `table-${s.by}`;
            return (
              <section key={s.by} aria-labelledby={`titre-${s.by}`} className="fr-mb-4w">
                <h3 id={`titre-${s.by}`}>{s.title}</h3>
                {s.note ? <p className="fr-text--sm">{s.note}</p> : null}
                <div className="fr-grid-row fr-grid-row--gutters">
                  <div className="fr-col-12 fr-col-lg-6">
                    <SvgChart svg={barChartSvg(rows, `Accompagnements ${s.title.toLowerCase()} (les chiffres sont dans le tableau « ${dimensionTitles[s.by]} »).`, { months: s.months })} />
                  </div>
                  <div className="fr-col-12 fr-col-lg-6">
                    <DimensionTable id={tableId} title={dimensionTitles[s.by]} rows={rows} months={s.months} />
                    <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/export/csv${query(filter, { par: s.by })}`} download>
                      Ce tableau en CSV
                    </a>
                  </div>
                </div>
              </section>
            );
          })
        : null}

      {data.totals.records > 0 ? (
        <section aria-labelledby="titre-orientations">
          <h3 id="titre-orientations">Orientations entre lieux</h3>
          {data.flows.length === 0 ? (
            <p>Aucune orientation vers un autre lieu sur cette sélection.</p>
          ) : (
            <>
              <p className="fr-text--sm">Vers quels lieux de la cartographie les personnes ont été orientées, depuis le lieu de l&apos;accompagnement.</p>
              <SvgChart svg={flowsSankeySvg(data.flows, "Les orientations les plus nombreuses entre lieux (les chiffres sont dans le tableau « Orientations »).")} />
              <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/export/csv${query(filter, { par: "orientation" })}`} download>
                Toutes les orientations en CSV
              </a>
              <div className="fr-table">
                <Table>
                  <caption>
                    Orientations{data.flowCount > data.flows.length ? ` (les ${data.flows.length} plus nombreuses sur ${formatNumber(data.flowCount)} ; toutes dans l'export)` : ""}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Depuis</th>
                      <th scope="col">Vers</th>
                      <th scope="col">Accompagnements</th>
                      <th scope="col">Personnes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.flows.map((f) => (
                      <tr key={`${f.fromPlaceId}>${f.toPlaceId}`}>
                        <td>{f.fromName}</td>
                        <td>{f.toName}</td>
                        <td>{formatNumber(f.records)}</td>
                        <td>{formatNumber(f.people)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
