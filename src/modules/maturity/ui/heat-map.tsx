import Link from "next/link";
import { sequentialBlue } from "@/ui/charts/colors";
import { GOOD_PRACTICE_LEVEL, formatLevel, grid, levels, levelScale, type Level } from "../grid";
import type { TerritoryMaturity } from "../queries";
import { formatDay } from "./format";
import { Table } from "@/ui/table";

const swatch = (level: Level) => sequentialBlue[level - 1] ?? { background: "#ffffff", text: "#161616" };

function LevelCell({ level }: { level: Level | undefined }) {
  if (level === undefined) return <td>—</td>;
  const c = swatch(level);
  return (
    <td style={{ background: c.background, color: c.text, textAlign: "center", fontWeight: 700 }}>
      {level}
      {level < GOOD_PRACTICE_LEVEL ? <span className="fr-sr-only"> (sous la bonne pratique)</span> : null}
    </td>
  );
}

/** The legend of the heat map: every colour with its level written in it. */
export function HeatMapLegend() {
  return (
    <div className="fr-mb-2w">
      <p className="fr-mb-1w fr-text--sm">
        Légende : le chiffre est le niveau de l&apos;acteur (1 à 4) ; plus la case est foncée, plus le niveau est élevé. Le niveau de bonne
        pratique est {GOOD_PRACTICE_LEVEL}.
      </p>
      <ul className="fr-text--sm" style={{ listStyle: "none", paddingLeft: 0, display: "flex", flexWrap: "wrap", gap: "0.5rem 1.5rem" }}>
        {levels.map((l) => (
          <li key={l} style={{ display: "flex", alignItems: "center", gap: "0.5rem" }}>
            <span
              aria-hidden="true"
              style={{ display: "inline-block", minWidth: "2rem", textAlign: "center", fontWeight: 700, padding: "0.125rem 0.5rem", border: "1px solid #929292", background: swatch(l).background, color: swatch(l).text }}
            >
              {l}
            </span>
            Niveau {l} : {levelScale[l]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Actors × dimensions: the heat map and its table at once (each cell writes the level the colour
 * stands for). The last rows give the territory's median and how many actors are below good practice.
 */
export function HeatMap({ slug, view }: { slug: string; view: TerritoryMaturity }) {
  const { rows, summary } = view;
  return (
    <>
      <HeatMapLegend />
      <div className="fr-table fr-table--bordered">
        <Table>
          <caption>Niveau de chaque acteur par dimension (dernière autoévaluation, sur 4)</caption>
          <thead>
            <tr>
              <th scope="col">Acteur</th>
              {grid.map((d) => (
                <th key={d.id} scope="col">
                  {d.shortTitle}
                </th>
              ))}
              <th scope="col">Date</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.actorId}>
                <th scope="row">
                  <Link href={`/espace/${slug}/acteurs/${r.actorId}/maturite`}>{r.name}</Link>
                </th>
                {grid.map((d) => (
                  <LevelCell key={d.id} level={r.levels[d.id]} />
                ))}
                <td>{formatDay(r.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Médiane du territoire</th>
              {summary.dimensions.map((d) => (
                <td key={d.dimension} style={{ textAlign: "center", fontWeight: 700 }}>
                  {d.median === null ? "—" : formatLevel(d.median)}
                </td>
              ))}
              <td />
            </tr>
            <tr>
              <th scope="row">Acteurs sous la bonne pratique</th>
              {summary.dimensions.map((d) => (
                <td key={d.dimension} style={{ textAlign: "center" }}>
                  {d.answered ? `${d.below} sur ${d.answered}` : "—"}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </Table>
      </div>
    </>
  );
}
