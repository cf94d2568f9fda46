import Link from "next/link";
import { formatDateTime, formatNumber, plural } from "@/platform/text";
import { SvgChart } from "@/ui/charts/svg-chart-view";
import { AnswerTable } from "@/ui/answer-table";
import type { QuestionResult } from "../results";
import { questionChart } from "./charts";
import { formatDecimal, formatPercent } from "./format";

/** "En faire un constat": the findings page with its form prefilled (text, origin), one click from an answer; `#ajouter` is that form (first on the page then). */
export function findingLink(slug: string, questionnaire: { id: string; title: string }, result: { id: string; number: number }) {
  return (text: string) =>
    `/espace/${slug}/constats?${new URLSearchParams({ origine: "answer", texte: text.slice(0, 1000), ref: `questionnaire:${questionnaire.id}:${result.id}`, provenance: `Questionnaire « ${questionnaire.title} », Q${result.number}` }).toString()}#ajouter`;
}

/** One question's results: the chart and, beside it, the same figures as a table; free texts listed. */
export function ResultBlock({ result, textsHref, findingHref }: { result: QuestionResult; textsHref: string; findingHref?: ((text: string) => string) | undefined }) {
  const chart = questionChart(result);
  const isText = result.type === "short_text" || result.type === "long_text";
  return (
    <section id={`q-${result.id}`} className="fr-mb-6w" aria-labelledby={`titre-q-${result.id}`}>
      <h4 id={`titre-q-${result.id}`} className="fr-h6 fr-mb-1w">
        Q{result.number}. {result.label}
      </h4>
      <p className="fr-text--sm fr-mb-2w">
        {result.asked
          ? `Question posée à ${formatNumber(result.asked.to)} ${plural(result.asked.to, "personne", "personnes")} sur ${formatNumber(result.asked.of)}, selon leur réponse à la question Q${result.asked.after} ; les pourcentages portent sur celles qui ont répondu. `
          : ""}
        {result.answered === 0
          ? "Personne n'a répondu à cette question."
          : `${formatNumber(result.answered)} personne${result.answered > 1 ? "s ont" : " a"} répondu.`}
        {result.type === "multiple" && result.answered > 0 ? " Plusieurs réponses possibles : le total dépasse 100 %." : ""}
        {result.stats ? ` Moyenne ${formatDecimal(result.stats.mean)}, médiane ${formatDecimal(result.stats.median)}, de ${formatDecimal(result.stats.min)} à ${formatDecimal(result.stats.max)}.` : ""}
      </p>
      {result.rows.length > 0 && result.answered > 0 ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-7">{chart ? <SvgChart svg={chart} /> : null}</div>
          <div className="fr-col-12 fr-col-lg-5">
            <AnswerTable
              className="fr-table fr-table--sm fr-table--no-caption fr-mb-0"
              caption={
                <>
                  Q{result.number}. {result.label}
                </>
              }
              rows={result.rows.map((r) => ({ key: r.value, label: r.label, count: r.count, percent: r.percent }))}
              share={formatPercent}
            />
          </div>
        </div>
      ) : null}
      {result.textCount > 0 ? (
        <div className="fr-mt-2w">
          <p className="fr-text--sm fr-mb-1w">
            {isText ? "Dernières réponses" : "Dernières précisions « Autre »"} ({formatNumber(result.textCount)} en tout) :
          </p>
          <ul>
            {result.texts.map((t, i) => (
              <li key={i}>
                <blockquote className="fr-mb-1v" style={{ whiteSpace: "pre-line" }}>
                  {t.text}
                </blockquote>
                <span className="fr-text--xs">{formatDateTime(t.at)}</span>
                {findingHref ? (
                  <>
                    {" · "}
                    <Link className="fr-text--xs" href={findingHref(t.text)}>
                      En faire un constat<span className="fr-sr-only"> : « {t.text.slice(0, 60)} »</span>
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {result.textCount > result.texts.length ? (
            <Link href={textsHref}>
              Lire les {formatNumber(result.textCount)} réponses<span className="fr-sr-only"> à la question Q{result.number}</span>
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
