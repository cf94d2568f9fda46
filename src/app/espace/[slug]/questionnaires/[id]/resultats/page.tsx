import type { Metadata } from "next";
import Link from "next/link";
import { formatNumber } from "@/platform/text";
import { SvgChart } from "@/ui/charts/svg-chart-view";
import { FilterSelect } from "@/ui/filter-select";
import { allQuestions, choicesOf, isCategorical } from "@/modules/questionnaires/logic";
import { answeredCommunes, listCampaigns } from "@/modules/questionnaires/queries";
import { cachedResults, crossTabulate, filtersQuery, parseFilters, readableResults } from "@/modules/questionnaires/results";
import { crossTabChart } from "@/modules/questionnaires/ui/charts";
import { formatPercent } from "@/modules/questionnaires/ui/format";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { findingLink, ResultBlock } from "@/modules/questionnaires/ui/result-block";
import { findingAbilitiesIn } from "@/modules/findings/queries";
import { readSearchParams } from "@/platform/web/search-params";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Résultats du questionnaire" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every question's chart and table, filtered by profile, commune or campaign; two questions crossed; exports. */
export default async function ResultsPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal, can, questionnaire, structure, db } = await questionnairePage(slug, id, "viewResults", `/espace/${slug}/questionnaires/${id}/resultats`);
  // The shortcut is shown to those the findings policy lets record, with the territory's setting (partners when it allows them).
  const recordsFindings = (await findingAbilitiesIn(db, principal, territory)).record;
  // Answers to personal questions (name, contact…) are read only by those who export raw answers:
  // not shown, not crossed, not usable as a filter (a filter would count them).
  const view = readableResults(principal, territory, structure);
  const readable = view.readable;
  const questions = allQuestions(structure).filter((q) => readable(q.id));
  const communeQuestion = questions.find((q) => q.type === "commune");
  const filters = view.filters(parseFilters(sp, structure));
  const [all, campaigns, communes] = await Promise.all([
    cachedResults(db, territory.id, questionnaire.id, structure, filters),
    listCampaigns(db, territory.id, questionnaire.id),
    communeQuestion ? answeredCommunes(db, territory.id, communeQuestion.id) : Promise.resolve([]),
  ]);
  const results = view.results(all);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const crossA = one(sp.lignes);
  const crossB = one(sp.colonnes);
  const tab = crossA && crossB && readable(crossA) && readable(crossB) ? await crossTabulate(db, territory.id, questionnaire.id, structure, results, crossA, crossB, filters) : undefined;
  const categorical = questions.filter((q) => isCategorical(q.type));
  const profileQuestions = questions.filter((q) => q.type === "single" || q.type === "scale");
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}`;
  const query = filtersQuery(filters);
  const label = (qid: string) => {
    const q = questions.find((x) => x.id === qid);
    return q ? `Q${q.number}. ${q.label}` : "";
  };
  const profileValue = (i: number) => (filters.profile[i] ? `${filters.profile[i].questionId}:${filters.profile[i].value}` : "");
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="resultats" />
      <h3>Résultats</h3>
      <form method="get" action={`${base}/resultats`} className="fr-mb-4w" aria-label="Filtrer les résultats">
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Filtrer les réponses</legend>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
            <FilterSelect id="filtre-campagne" name="campagne" label="Campagne" value={filters.campaignId ?? ""}>
              <option value="">Toutes les campagnes</option>
              {campaigns.map(({ campaign }) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.label}
                </option>
              ))}
            </FilterSelect>
          </div>
          {communeQuestion ? (
            <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
              <FilterSelect id="filtre-commune" name="commune" label="Commune de résidence" value={filters.commune ?? ""}>
                <option value="">Toutes les communes</option>
                {communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </FilterSelect>
            </div>
          ) : null}
          {[0, 1].map((i) => (
            <div key={i} className="fr-fieldset__element fr-col-12 fr-col-md-6">
              <FilterSelect id={`filtre-profil-${i}`} name="f" label={i === 0 ? "Seulement les personnes qui ont répondu" : "Et qui ont aussi répondu"} value={profileValue(i)}>
                <option value="">(aucun filtre)</option>
                {profileQuestions.map((q) => (
                  <optgroup key={q.id} label={`Q${q.number}. ${q.label.slice(0, 80)}`}>
                    {choicesOf(q).map((c) => (
                      <option key={c.value} value={`${q.id}:${c.value}`}>
                        {c.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </FilterSelect>
            </div>
          ))}
          <div className="fr-fieldset__element">
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <button type="submit" className="fr-btn">
                  Afficher les résultats
                </button>
              </li>
              {query ? (
                <li>
                  <Link className="fr-btn fr-btn--secondary" href={`${base}/resultats`}>
                    Retirer les filtres
                  </Link>
                </li>
              ) : null}
            </ul>
          </div>
        </fieldset>
      </form>

      <p className="fr-text--lead" role="status">
        {formatNumber(results.responses)} réponse{results.responses > 1 ? "s" : ""}
        {query ? " correspondent aux filtres" : ""}.
      </p>
      {results.suspect > 0 && can.moderate ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
          <p>
            {formatNumber(results.suspect)} de ces réponses sont suspectes (envoyées en nombre depuis un même appareil). Vérifiez-les et
            écartez-les si besoin : <Link href={`${base}/reponses?suspectes=1`}>réponses suspectes</Link>.
          </p>
        </div>
      ) : null}
      {can.export ? (
        <p className="fr-text--sm">
          Toutes les réponses brutes (une ligne par réponse, une colonne par question, les choix multiples en colonnes 0/1 ; réponses écartées
          exclues, sans les filtres) :{" "}
          <a href={`${base}/export/csv`} download>
            CSV
          </a>
          ,{" "}
          <a href={`${base}/export/xlsx`} download>
            XLSX (Excel)
          </a>
          ,{" "}
          <a href={`${base}/export/ods`} download>
            ODS (LibreOffice)
          </a>
          .
        </p>
      ) : null}

      <section aria-labelledby="croisement" className="fr-mb-6w">
        <h4 id="croisement" className="fr-h5">
          Croiser deux questions
        </h4>
        <form method="get" action={`${base}/resultats#croisement`} className="fr-mb-4w">
          {filters.campaignId ? <input type="hidden" name="campagne" value={filters.campaignId} /> : null}
          {filters.commune ? <input type="hidden" name="commune" value={filters.commune} /> : null}
          {filters.profile.map((p) => (
            <input key={p.questionId + p.value} type="hidden" name="f" value={`${p.questionId}:${p.value}`} />
          ))}
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-5">
              <FilterSelect id="croise-lignes" name="lignes" label="En lignes : la réponse à" value={crossA}>
                <option value="">Choisir une question</option>
                {categorical.map((q) => (
                  <option key={q.id} value={q.id}>{`Q${q.number}. ${q.label.slice(0, 90)}`}</option>
                ))}
              </FilterSelect>
            </div>
            <div className="fr-col-12 fr-col-md-5">
              <FilterSelect id="croise-colonnes" name="colonnes" label="En colonnes : la réponse à" value={crossB}>
                <option value="">Choisir une question</option>
                {categorical.map((q) => (
                  <option key={q.id} value={q.id}>{`Q${q.number}. ${q.label.slice(0, 90)}`}</option>
                ))}
              </FilterSelect>
            </div>
            <div className="fr-col-12 fr-col-md-2" style={{ alignSelf: "end" }}>
              <button type="submit" className="fr-btn fr-mb-3w">
                Croiser
              </button>
            </div>
          </div>
        </form>
        {crossA && crossB && !tab ? <p>Choisissez deux questions différentes, à choix ou à échelle.</p> : null}
        {tab ? (
          <>
            {(() => {
              const svg = crossTabChart(tab, label(crossA), label(crossB));
              return svg ? <SvgChart svg={svg} /> : <p>Aucune personne n&apos;a répondu aux deux questions.</p>;
            })()}
            <div className="fr-table fr-table--sm">
              <Table>
                <caption>
                  {label(crossA)} (lignes) × {label(crossB)} (colonnes) : nombre de personnes et part de la ligne
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Réponse en ligne</th>
                    {tab.columns.map((c) => (
                      <th scope="col" key={c.value}>
                        {c.label}
                      </th>
                    ))}
                    <th scope="col">Personnes</th>
                  </tr>
                </thead>
                <tbody>
                  {tab.rows.map((r, i) => (
                    <tr key={r.value}>
                      <th scope="row">{r.label}</th>
                      {tab.columns.map((c, j) => {
                        const n = tab.counts[i]?.[j] ?? 0;
                        const base = tab.rowTotals[i] ?? 0;
                        return (
                          <td key={c.value}>
                            {formatNumber(n)}
                            {base > 0 ? ` (${formatPercent((100 * n) / base)})` : ""}
                          </td>
                        );
                      })}
                      <td>{formatNumber(tab.rowTotals[i] ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </>
        ) : null}
      </section>

      <h4 className="fr-h5">Question par question</h4>
      {results.questions.map((r) =>
        readable(r.id) ? (
          <ResultBlock
            key={r.id}
            result={r}
            textsHref={`${base}/resultats/textes/${r.id}${query ? `?${query}` : ""}`}
            findingHref={recordsFindings ? findingLink(territory.slug, questionnaire, r) : undefined}
          />
        ) : (
          <section key={r.id} id={`q-${r.id}`} className="fr-mb-4w" data-testid="personal-hidden">
            <h4 className="fr-h6 fr-mb-1w">
              Q{r.number}. {r.label}
            </h4>
            <p className="fr-text--sm">
              Question marquée « information personnelle » : ses réponses ne sont visibles que par la coordination et les contributeurs du
              territoire.
            </p>
          </section>
        ),
      )}
    </>
  );
}
