import Link from "next/link";
import type { Territory } from "../queries";
import { CommunesTable } from "./communes-table";
import { OutlineMap } from "./outline-map";
import { TerritorySummary } from "./summary";

type Overview = {
  summary: { communeCount: number; population: number; departements: string[] };
  communes: { items: { code: string; name: string; population: number; postcodes: string; departement: string | null }[]; total: number };
};

export function TerritoryOverview({ territory, overview, page, q, basePath }: { territory: Territory; overview: Overview; page: number; q: string; basePath: string }) {
  return (
    <>
      <TerritorySummary kind={territory.kind} sourceCode={territory.sourceCode} {...overview.summary} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <h2>Périmètre</h2>
          <OutlineMap slug={territory.slug} version={territory.updatedAt.getTime()} name={territory.name} communeCount={overview.summary.communeCount} />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <h2>Présentation</h2>
          {territory.description ? <p className="maillage-description">{territory.description}</p> : <p>Ce territoire n&apos;a pas encore de présentation.</p>}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn fr-btn--secondary" href={`/territoires/${territory.slug}/lieux`}>
                Lieux de médiation numérique du territoire
              </Link>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary" href={`/territoires/${territory.slug}/acteurs`}>
                Acteurs du territoire
              </Link>
            </li>
          </ul>
        </div>
      </div>
      <CommunesTable items={overview.communes.items} total={overview.communes.total} page={page} q={q} basePath={basePath} />
    </>
  );
}
