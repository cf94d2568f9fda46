import Link from "next/link";
import { html, tableHtml, type Html } from "@/ui/html";
import { countOf } from "@/platform/text";
import type { CoverageDocument } from "./load";
import type { QuestionRow } from "./matrix";

export const levelLabels: Record<QuestionRow["level"], string> = {
  none: "aucun objectif",
  objective: "un objectif, sans action",
  action: "des actions, sans indicateur",
  indicator: "des actions suivies par un indicateur",
};
// A shape beside the colour: the level is never told by colour alone (RGAA 3.1).
const levelMarks: Record<QuestionRow["level"], string> = { none: "✗", objective: "◔", action: "◑", indicator: "●" };

function GapList<T>({ id, title, empty, items, render, markup }: { id: string; title: string; empty: string; items: T[]; render?: (item: T) => React.ReactNode; markup?: Html }) {
  return (
    <section aria-labelledby={id} className="fr-col-12 fr-col-md-4">
      <h3 id={id} tabIndex={-1} className="fr-h5">
        {title} ({items.length})
      </h3>
      {items.length ? markup ? <ul dangerouslySetInnerHTML={markup} /> : <ul>{render ? items.map(render) : null}</ul> : <p>{empty}</p>}
    </section>
  );
}

/**
 * The two long parts of the page as markup kept with their document (kept itself per plan revision and
 * inputs, load.ts): the actions without indicator (one link per action: 1,000 in a 2,000-action plan) and
 * the full table (every action's title under its questions). React rendered them element by element twice on
 * every view (HTML and RSC payload). Links are plain links (a new page, as without JavaScript).
 */
const markups = new WeakMap<CoverageDocument, Map<string, { actions: Html; table: Html }>>();

export function coverageMarkup(slug: string, doc: CoverageDocument): { actions: Html; table: Html } {
  let bySlug = markups.get(doc);
  if (!bySlug) markups.set(doc, (bySlug = new Map()));
  const known = bySlug.get(slug);
  if (known) return known;
  const actions = html`${doc.actionsWithoutIndicator.map((a) => html`<li><a href="${`/espace/${slug}/plan/actions/${a.id}`}">${a.title}</a></li>`)}`;
  const table = tableHtml(
    "Questions prioritaires × objectifs × actions × indicateurs",
    html`<tr><th scope="col">Rang</th><th scope="col">Question prioritaire</th><th scope="col">Objectifs</th><th scope="col">Actions</th><th scope="col">Indicateurs</th><th scope="col">Couverture</th></tr>`,
    doc.rows.map((r) => {
      const unique = [...new Map(r.objectives.flatMap((o) => o.actions).map((a) => [a.id, a])).values()];
      const indicators = [...new Set(unique.flatMap((a) => a.indicators))];
      return html`<tr id="${`question-${r.rank}`}" tabindex="-1"><td>${r.rank}</td><th scope="row">${r.question.text}<br><span class="fr-text--xs">${countOf(r.question.votes, "soutien", "soutiens")}</span></th><td>${
        r.objectives.length ? r.objectives.map((o) => o.title).join(" ; ") : "—"
      }</td><td>${unique.length ? unique.map((a) => a.title).join(" ; ") : "—"}</td><td>${indicators.length ? indicators.join(" ; ") : "—"}</td><td><span aria-hidden="true">${levelMarks[r.level]} </span>${levelLabels[r.level]}</td></tr>`;
    }),
  );
  const made = { actions, table };
  bySlug.set(slug, made);
  return made;
}

/** The coverage matrix: at a glance (one square per priority question), the three lists of gaps, then the full table. */
export function CoverageView({ slug, doc }: { slug: string; doc: CoverageDocument }) {
  const t = doc.totals;
  const strategy = `/espace/${slug}/strategie`;
  const markup = coverageMarkup(slug, doc);
  return (
    <>
      <p>
        {doc.version
          ? `Actions de la version ${doc.version.number} du plan (« ${doc.version.title} »${doc.version.frozen ? ", figée" : ""}), sauf les actions abandonnées.`
          : "Le plan d'action n'a pas encore de version : aucune action n'est comptée."}{" "}
        Les questions prioritaires sont les questionnements du diagnostic, les plus soutenus d&apos;abord.
      </p>
      <section aria-labelledby="coup-d-oeil">
        <h2 id="coup-d-oeil">En un coup d&apos;œil</h2>
        <ul className="fr-grid-row fr-grid-row--gutters maillage-plain-list" data-testid="coverage-totals">
          <li className="fr-col-12 fr-col-md-4">
            <strong>
              {t.questionsCovered} sur {t.questions}
            </strong>{" "}
            {t.questions > 1 ? "questions prioritaires ont" : "question prioritaire a"} un objectif
          </li>
          <li className="fr-col-12 fr-col-md-4">
            <strong>
              {t.objectivesWithAction} sur {t.objectives}
            </strong>{" "}
            {t.objectives > 1 ? "objectifs ont" : "objectif a"} une action
          </li>
          <li className="fr-col-12 fr-col-md-4">
            <strong>
              {t.actionsWithIndicator} sur {t.actions}
            </strong>{" "}
            {t.actions > 1 ? "actions ont" : "action a"} un indicateur
          </li>
        </ul>
        {doc.rows.length ? (
          <>
            <p id="carres-aide" className="fr-text--sm fr-mt-2w">
              Un carré par question prioritaire, numérotée dans l&apos;ordre des soutiens ; chaque carré mène à sa ligne du tableau.
            </p>
            <ul className="maillage-coverage" aria-label="Questions prioritaires et leur couverture" aria-describedby="carres-aide">
              {doc.rows.map((r) => (
                <li key={r.question.id}>
                  <a href={`#question-${r.rank}`} className={`level-${r.level}`} aria-label={`Question ${r.rank} : ${r.question.text} — ${levelLabels[r.level]}`} title={`${r.question.text} — ${levelLabels[r.level]}`}>
                    {r.rank}
                    <span aria-hidden="true">&nbsp;{levelMarks[r.level]}</span>
                  </a>
                </li>
              ))}
            </ul>
            <ul className="fr-text--sm maillage-plain-list fr-mt-1w" aria-label="Légende des carrés">
              {(Object.keys(levelLabels) as QuestionRow["level"][]).map((l) => (
                <li key={l}>
                  <span aria-hidden="true">{levelMarks[l]}</span> {levelLabels[l]}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Le diagnostic n&apos;a encore aucun questionnement : ajoutez les constats avant de fixer les objectifs.</p>
        )}
      </section>

      <section aria-labelledby="manques" className="fr-mt-4w">
        <h2 id="manques">Ce qui manque</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <GapList
            id="questions-sans-objectif"
            title="Questions prioritaires sans objectif"
            empty="Chaque question prioritaire a au moins un objectif."
            items={doc.uncoveredQuestions}
            render={(r) => (
              <li key={r.question.id}>
                <a href={`#question-${r.rank}`}>
                  {r.rank}. {r.question.text}
                </a>{" "}
                ({countOf(r.question.votes, "soutien", "soutiens")})
              </li>
            )}
          />
          <GapList
            id="objectifs-sans-action"
            title="Objectifs sans action"
            empty="Chaque objectif a au moins une action."
            items={doc.objectivesWithoutAction}
            render={(o) => (
              <li key={o.id}>
                <Link href={`${strategy}#objectif-${o.id}`}>{o.title}</Link>
              </li>
            )}
          />
          <GapList
            id="actions-sans-indicateur"
            title="Actions sans indicateur"
            empty="Chaque action a au moins un indicateur."
            items={doc.actionsWithoutIndicator}
            markup={markup.actions}
          />
        </div>
      </section>

      <section aria-labelledby="tableau" className="fr-mt-4w">
        <h2 id="tableau">Le tableau complet</h2>
        <div className="fr-table fr-table--bordered" dangerouslySetInnerHTML={markup.table} />
      </section>
    </>
  );
}
