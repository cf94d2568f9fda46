import type { ReactNode } from "react";
import Link from "next/link";
import { themes } from "@/modules/themes";
import { FilterSelect } from "@/ui/filter-select";

/**
 * The filter block of the funding catalogue and of the resources (one piece for both pages): a GET form,
 * without JavaScript, with the theme select both filter on, the page's own selects after it, then
 * « Afficher » and « Tout afficher » (back to the page without filters).
 */
export function CatalogueFilters({ label, reset, idPrefix, theme, className, children }: { label: string; reset: string; idPrefix: string; theme: string | undefined; className?: string; children?: ReactNode }) {
  return (
    <form method="get" aria-label={label} className={className}>
      <FilterSelect id={`${idPrefix}-theme`} name="theme" label="Thème" value={theme} options={themes.map((t) => ({ value: t.id, label: t.label }))} />
      {children}
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button className="fr-btn" type="submit">
            Afficher
          </button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={reset}>
            Tout afficher
          </Link>
        </li>
      </ul>
    </form>
  );
}

/** A query parameter given once (a repeated one keeps its first value). */
export const oneParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
