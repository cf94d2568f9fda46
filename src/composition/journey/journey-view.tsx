import Link from "next/link";
import { formatDate } from "@/platform/text";
import type { JourneyFact } from "@/platform/journey";
import type { Journey } from "./assemble";

function Fact({ fact }: { fact: JourneyFact }) {
  const text = fact.date ? `${fact.label}, le ${formatDate(fact.date)}` : fact.label;
  return <li>{fact.href ? <Link href={fact.href}>{text}</Link> : text}</li>;
}

/**
 * The territory's journey through the eight phases (issue 12): urgent steps first, then each phase with what
 * exists, what is missing and the next useful steps. `unservedText` is what a phase no module serves says.
 */
export function JourneyView({ journey, headingLevel = 2, unservedText, emptyText }: { journey: Journey; headingLevel?: 2 | 3; unservedText: string; emptyText: string }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="parcours-titre" data-testid="journey">
      <H id="parcours-titre">Le parcours du territoire</H>
      {journey.urgent.length ? (
        <div className="fr-alert fr-alert--warning fr-mb-4w" data-testid="journey-urgent">
          <Sub className="fr-alert__title">À faire en priorité</Sub>
          <ul>
            {journey.urgent.map((s) => (
              <li key={`${s.phase}-${s.text}`}>
                <Link href={s.href}>{s.text}</Link> <span className="fr-text--xs">({s.phase})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ol className="maillage-plain-list">
        {journey.phases.map((p) => (
          <li key={p.id} className={`maillage-journey-phase${p.next.some((s) => s.urgency === "urgent") ? " maillage-journey-phase--urgent" : ""}`} data-phase={p.id}>
            <Sub>{p.title}</Sub>
            {!p.served ? (
              <p>{unservedText}</p>
            ) : (
              <>
                {p.lastChange ? <p className="fr-text--sm fr-mb-1w">Dernière modification le {formatDate(p.lastChange)}.</p> : null}
                {p.facts.length ? (
                  <ul aria-label={`Ce qui existe : ${p.title}`}>
                    {p.facts.map((f) => (
                      <Fact key={f.label} fact={f} />
                    ))}
                  </ul>
                ) : null}
                {p.missing.length ? (
                  <>
                    <p className="fr-mb-0">
                      <strong>Ce qui manque</strong>
                    </p>
                    <ul>
                      {p.missing.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {p.next.length ? (
                  <>
                    <p className="fr-mb-0">
                      <strong>Prochaines étapes</strong>
                    </p>
                    <ul>
                      {p.next.map((s) => (
                        <li key={s.text}>
                          {s.urgency === "urgent" ? <span className="fr-badge fr-badge--sm fr-badge--warning fr-mr-1w">Urgent</span> : null}
                          <Link href={s.href}>{s.text}</Link>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {!p.facts.length && !p.missing.length && !p.next.length ? <p>{emptyText}</p> : null}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
