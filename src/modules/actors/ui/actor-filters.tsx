import Link from "next/link";
import { FilterSelect } from "@/ui/filter-select";
import { legalTypes, worlds } from "../schema";
import { actorStatuses, legalTypeLabels, statusLabels, worldLabels, type ActorFilters } from "../validation";

/** GET form: the filters live in the address (shareable, back button, no JavaScript needed). */
export function ActorFiltersForm({ filters, communes, base, showStatus = true }: { filters: ActorFilters; communes: { code: string; name: string }[]; base: string; showStatus?: boolean }) {
  return (
    <form method="get" aria-label="Filtrer les acteurs">
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="acteurs-q">
          Rechercher
          <span className="fr-hint-text">Nom, SIRET, RNA ou commune ; les accents sont ignorés.</span>
        </label>
        <input className="fr-input" id="acteurs-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
      </div>
      <FilterSelect id="acteurs-monde" name="monde" label="Monde" value={filters.world} options={worlds.map((w) => ({ value: w, label: worldLabels[w] }))} />
      <FilterSelect id="acteurs-type" name="type" label="Forme juridique" value={filters.legalType} options={legalTypes.map((t) => ({ value: t, label: legalTypeLabels[t] }))} />
      {showStatus ? <FilterSelect id="acteurs-statut" name="statut" label="Statut" value={filters.status} options={actorStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} /> : null}
      <FilterSelect id="acteurs-commune" name="commune" label="Commune (implantation ou desserte)" value={filters.commune} options={communes.map((c) => ({ value: c.code, label: c.name }))} />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button className="fr-btn" type="submit">
            Afficher les acteurs
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={base}>
            Effacer les filtres
          </Link>
        </li>
      </ul>
    </form>
  );
}
