import { formatPhone, telHref } from "@/platform/text";
import type { ContactRow } from "../queries";

/** The coordination's contacts on the territory's public page (what the coordination chose to publish). */
export function PublicContacts({ contacts }: { contacts: readonly ContactRow[] }) {
  if (contacts.length === 0) return null;
  return (
    <section aria-labelledby="coordination-publique" className="fr-my-4w" id="coordination">
      <h2 id="coordination-publique">Contacter la coordination</h2>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
        {contacts.map((c) => (
          <li key={c.id} className="fr-col-12 fr-col-md-6">
            <div className="fr-tile fr-tile--horizontal">
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <h3 className="fr-tile__title">{c.name}</h3>
                  <p className="fr-tile__desc">{[c.role, c.structure].filter(Boolean).join(" — ") || "Coordination de la démarche"}</p>
                  <p className="fr-tile__detail">
                    {c.publicEmail ? <a href={`mailto:${c.publicEmail}`}>{c.publicEmail}</a> : null}
                    {c.publicEmail && c.publicPhone ? " · " : ""}
                    {c.publicPhone ? <a href={telHref(c.publicPhone)}>{formatPhone(c.publicPhone)}</a> : null}
                  </p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
