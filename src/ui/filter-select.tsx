import type { ReactNode } from "react";

type Option = { value: string; label: string };
type Common = { id: string; name: string; label: string; value: string | undefined; className?: string };

/**
 * A DSFR select outside action forms (GET filters, a choice sent with a button): label, select, and either
 * plain options after an empty choice (`empty`, "Tous" unless said; null for none) or the options given as
 * children (groups, an empty choice worded by the page). Form fields with errors use ui/form.tsx's Select.
 */
export function FilterSelect(props: Common & ({ options: Option[]; empty?: string | null; children?: never } | { children: ReactNode; options?: never; empty?: never })) {
  const { id, name, label, value, className } = props;
  return (
    <div className={className ? `fr-select-group ${className}` : "fr-select-group"}>
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} name={name} defaultValue={value ?? ""}>
        {props.options ? (
          <>
            {props.empty === null ? null : <option value="">{props.empty ?? "Tous"}</option>}
            {props.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </>
        ) : (
          props.children
        )}
      </select>
    </div>
  );
}
