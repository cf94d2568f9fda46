import { formatNumber } from "@/platform/text";
import { perimeterKindShort, type PerimeterKind } from "../validation";

export function TerritorySummary({ kind, sourceCode, communeCount, population, departements }: { kind: PerimeterKind; sourceCode: string | null; communeCount: number; population: number; departements: string[] }) {
  return (
    <dl className="fr-grid-row fr-grid-row--gutters fr-mb-2w maillage-figures" aria-label="Chiffres clés du territoire">
      <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
        <dt className="fr-text--sm fr-mb-0">Type de périmètre</dt>
        <dd className="fr-text--lead fr-mb-0">{perimeterKindShort[kind]}</dd>
        {sourceCode ? <dd className="fr-text--xs fr-mb-0">Code {sourceCode}</dd> : null}
      </div>
      <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
        <dt className="fr-text--sm fr-mb-0">Communes</dt>
        <dd className="fr-text--lead fr-mb-0">{formatNumber(communeCount)}</dd>
      </div>
      <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
        <dt className="fr-text--sm fr-mb-0">Population</dt>
        <dd className="fr-text--lead fr-mb-0">{formatNumber(population)}</dd>
        <dd className="fr-text--xs fr-mb-0">habitants (population municipale, INSEE)</dd>
      </div>
      <div className="fr-col-12 fr-col-sm-6 fr-col-md-3">
        <dt className="fr-text--sm fr-mb-0">{departements.length > 1 ? "Départements" : "Département"}</dt>
        <dd className="fr-text--lead fr-mb-0">{departements.join(", ")}</dd>
      </div>
    </dl>
  );
}
