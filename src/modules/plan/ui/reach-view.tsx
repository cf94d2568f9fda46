import { html, tableHtml, type Html } from "@/ui/html";
import type { PlanReach } from "../reach";
import type { ReachMap } from "../map";
import { TARGET_STROKE } from "../map";

const ifnFormat = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ifn = (v: number | null) => (v === null ? "pas de valeur" : `${ifnFormat.format(v)} sur 10`);
const people = new Intl.NumberFormat("fr-FR");

/**
 * The two tables (fragile communes no action reaches; communes reached and their actions: up to the
 * territory's 365 communes, each naming its actions) as markup kept with the reach, itself kept per version's
 * view and portrait (document.ts): the same until the plan or the diagnostic changes.
 */
const tables = new WeakMap<PlanReach, { unreached: Html; reached: Html }>();

export function reachTables(reach: PlanReach): { unreached: Html; reached: Html } {
  const known = tables.get(reach);
  if (known) return known;
  const made = {
    unreached: tableHtml(
      "Communes fragiles sans action, de la plus fragile à la moins fragile",
      html`<tr><th scope="col">Commune</th><th scope="col">Code INSEE</th><th scope="col">IFN</th><th scope="col">Population</th></tr>`,
      reach.unreachedFragile.map((c) => html`<tr><th scope="row">${c.name}</th><td>${c.code}</td><td>${ifn(c.ifn)}</td><td>${c.population === null ? "inconnue" : people.format(c.population)}</td></tr>`),
    ),
    reached: tableHtml(
      "Communes visées et actions qui les visent",
      html`<tr><th scope="col">Commune</th><th scope="col">IFN</th><th scope="col">Fragile</th><th scope="col">Actions</th></tr>`,
      reach.communes
        .filter((c) => c.actions.length > 0)
        .map((c) => html`<tr><th scope="row">${c.name}</th><td>${ifn(c.ifn)}</td><td>${c.fragile ? "oui" : "non"}</td><td>${c.actions.map((a) => a.title).join(" ; ")}</td></tr>`),
    ),
  };
  tables.set(reach, made);
  return made;
}

/** The map of the communes targeted over the IFN, its legend, the fragile communes no action reaches and the communes reached. */
export function ReachView({ reach, map }: { reach: PlanReach; map: ReachMap | null }) {
  const markup = reachTables(reach);
  return (
    <>
      <p>
        {reach.reached} commune{reach.reached > 1 ? "s" : ""} sur {reach.communes.length} {reach.reached > 1 ? "sont visées" : "est visée"} par au moins une action.{" "}
        {reach.unreachedFragile.length === 0
          ? "Toutes les communes fragiles sont visées par au moins une action."
          : `${reach.unreachedFragile.length} commune${reach.unreachedFragile.length > 1 ? "s" : ""} fragile${reach.unreachedFragile.length > 1 ? "s" : ""} (IFN au-dessus de ${ifnFormat.format(reach.threshold)}) ${reach.unreachedFragile.length > 1 ? "ne sont visées" : "n'est visée"} par aucune action.`}
      </p>
      {map ? (
        <figure className="fr-mb-3w" style={{ margin: 0 }}>
          <div style={{ maxWidth: "42rem" }} dangerouslySetInnerHTML={{ __html: map.svg }} />
          <figcaption className="fr-text--sm">
            Couleur : indice de fragilité numérique (IFN) de la commune, du plus clair (moins fragile) au plus foncé ; hachures : pas de valeur.{" "}
            <span style={{ display: "inline-block", width: "1.5rem", height: "0.8rem", border: `3px solid ${TARGET_STROKE}`, verticalAlign: "middle" }} aria-hidden="true" /> contour bleu épais :
            commune visée par au moins une action. Les chiffres sont dans les tableaux ci-dessous.
          </figcaption>
          <ul className="fr-text--sm">
            {map.legend.map((l) => (
              <li key={l.label}>
                <span style={{ display: "inline-block", width: "1rem", height: "1rem", background: l.color, border: "1px solid #666", verticalAlign: "middle" }} aria-hidden="true" /> IFN {l.label} :{" "}
                {l.communes} commune{l.communes > 1 ? "s" : ""}
              </li>
            ))}
          </ul>
        </figure>
      ) : (
        <p>Pas de contour de communes pour ce territoire : la carte ne peut pas être dessinée, les tableaux disent tout.</p>
      )}
      <h3>Communes fragiles qu&apos;aucune action ne vise</h3>
      {reach.unreachedFragile.length === 0 ? (
        <p>Aucune.</p>
      ) : (
        <div className="fr-table fr-table--sm" dangerouslySetInnerHTML={markup.unreached} />
      )}
      <h3>Communes visées</h3>
      {reach.reached === 0 ? (
        <p>Aucune action ne vise encore de commune : renseignez les communes visées dans la fiche de chaque action.</p>
      ) : (
        <div className="fr-table fr-table--sm" dangerouslySetInnerHTML={markup.reached} />
      )}
    </>
  );
}
