import { GOOD_PRACTICE_LEVEL, dimension, formatLevel } from "../grid";
import type { DimensionSummary } from "../stats";

/** One dimension of the grid across the territory: median level and how many actors are below good practice. */
export function Finding({ d }: { d: DimensionSummary }) {
  return (
    <li className="fr-mb-1w">
      <strong>{dimension(d.dimension).title}</strong> : niveau médian {d.median === null ? "—" : formatLevel(d.median)} sur 4 ; {d.below} acteur
      {d.below > 1 ? "s" : ""} sur {d.answered} {d.below > 1 ? "sont" : "est"} en dessous du niveau de bonne pratique ({GOOD_PRACTICE_LEVEL}).
    </li>
  );
}
