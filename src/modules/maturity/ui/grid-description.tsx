import { GOOD_PRACTICE_LEVEL, grid } from "../grid";

/** The grid itself, in full: what each dimension covers and what each level looks like in practice. */
export function GridDescription({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {grid.map((d, i) => (
        <section key={d.id} aria-labelledby={`grille-${d.id}`} className="fr-mb-4w">
          <Heading id={`grille-${d.id}`} className="fr-h6 fr-mb-1w">
            {i + 1}. {d.title}
          </Heading>
          <p className="fr-mb-1w">{d.description}</p>
          <ul className="fr-text--sm">
            {d.levels.map((l) => (
              <li key={l.level} className="fr-mb-1w">
                <strong>
                  Niveau {l.level} : {l.name}
                </strong>
                {l.level === GOOD_PRACTICE_LEVEL ? " (bonne pratique)" : ""}. {l.description}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
