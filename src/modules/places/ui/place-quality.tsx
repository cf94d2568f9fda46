import type { QualityNote } from "../quality";

/**
 * "Qualité des données" of a place, for those who can edit it: warnings first (a DSFR warning alert,
 * e.g. coordinates outside the commune), then what is missing. Says so when all is well.
 */
export function PlaceQuality({ notes, headingLevel = 2 }: { notes: QualityNote[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const warnings = notes.filter((n) => n.level === "warning");
  const infos = notes.filter((n) => n.level === "info");
  return (
    <section aria-labelledby="qualite-titre" className="fr-mt-3w">
      <Heading id="qualite-titre" className="fr-h4">
        Qualité des données
      </Heading>
      {warnings.map((n) => (
        <div key={n.text} className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
          <p>{n.text}</p>
        </div>
      ))}
      {infos.length ? (
        <ul className="fr-text--sm">
          {infos.map((n) => (
            <li key={n.text}>{n.text}</li>
          ))}
        </ul>
      ) : null}
      {notes.length === 0 ? <p className="fr-text--sm">Rien à signaler : position dans la commune, horaires et contact renseignés.</p> : null}
    </section>
  );
}
