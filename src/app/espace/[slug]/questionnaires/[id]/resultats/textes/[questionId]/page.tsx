import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { formatDateTime, formatNumber } from "@/platform/text";
import { Pager, pageParam } from "@/ui/pager";
import { allQuestions } from "@/modules/questionnaires/logic";
import { filtersQuery, parseFilters, TEXT_PAGE_SIZE, textAnswers } from "@/modules/questionnaires/results";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { findingLink } from "@/modules/questionnaires/ui/result-block";
import { findingPolicy } from "@/modules/findings/policy";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { mayReadAnswers } from "@/modules/questionnaires/policy";
import { readSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Réponses libres" };

type Props = { params: Promise<{ slug: string; id: string; questionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every free answer to one question (or its "autre" precisions), newest first, 50 a page. */
export default async function TextAnswersPage({ params, searchParams }: Props) {
  const { slug, id, questionId } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal, can, questionnaire, structure, db } = await questionnairePage(slug, id, "viewResults", `/espace/${slug}/questionnaires/${id}/resultats`);
  const recordsFindings = findingPolicy.record(principal, { id: territory.id, partnersRecordFindings: false });
  const question = allQuestions(structure).find((q) => q.id === questionId);
  if (!question) notFound();
  if (!mayReadAnswers(principal, territory, question)) forbidden();
  const filters = parseFilters(sp, structure);
  const page = pageParam(sp.page);
  const { total, items } = await textAnswers(db, territory.id, questionnaire.id, structure, question.id, filters, page);
  const query = filtersQuery(filters);
  const here = `/espace/${territory.slug}/questionnaires/${questionnaire.id}/resultats/textes/${question.id}`;
  const toFinding = findingLink(territory.slug, questionnaire, question);
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="resultats" />
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/espace/${territory.slug}/questionnaires/${questionnaire.id}/resultats${query ? `?${query}` : ""}#q-${question.id}`}>
          Revenir aux résultats
        </Link>
      </p>
      <h3>
        Q{question.number}. {question.label}
      </h3>
      <p role="status">
        {formatNumber(total)} réponse{total > 1 ? "s" : ""} libre{total > 1 ? "s" : ""}
        {question.type === "single" || question.type === "multiple" ? " (précisions « Autre »)" : ""}
        {query ? ", avec les filtres choisis" : ""}.
      </p>
      <ol className="fr-raw-list" start={(page - 1) * TEXT_PAGE_SIZE + 1}>
        {items.map((t, i) => (
          <li key={i} className="fr-mb-2w fr-p-2w" style={{ borderLeft: "4px solid #000091" }}>
            <p className="fr-mb-1v" style={{ whiteSpace: "pre-line" }}>
              {t.text}
            </p>
            <span className="fr-text--xs">{formatDateTime(t.at)}</span>
            {recordsFindings ? (
              <>
                {" · "}
                <Link className="fr-text--xs" href={toFinding(t.text)}>
                  En faire un constat<span className="fr-sr-only"> : « {t.text.slice(0, 60)} »</span>
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <Pager page={page} total={total} pageSize={TEXT_PAGE_SIZE} href={(n) => `${here}?${query ? `${query}&` : ""}page=${n}`} label="Pages des réponses libres" />
    </>
  );
}
