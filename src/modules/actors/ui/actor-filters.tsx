import Link from "next/link";
import { legalTypes, worlds } from "../schema";
import { actorStatuses, legalTypeLabels, statusLabels, worldLabels, type ActorFilters } from "../validation";

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div className="fr-select-group">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} name={name} defaultValue={value ?? ""}>
        <option value="">Tous</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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
      <Select id="acteurs-monde" name="monde" label="Monde" value={filters.world} options={worlds.map((w) => ({ value: w, label: worldLabels[w] }))} />
      <Select id="acteurs-type" name="type" label="Forme juridique" value={filters.legalType} options={legalTypes.map((t) => ({ value: t, label: legalTypeLabels[t] }))} />
      {showStatus ? <Select id="acteurs-statut" name="statut" label="Statut" value={filters.status} options={actorStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} /> : null}
      <Select id="acteurs-commune" name="commune" label="Commune (implantation ou desserte)" value={filters.commune} options={communes.map((c) => ({ value: c.code, label: c.name }))} />
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
