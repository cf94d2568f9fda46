import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, formatNumber } from "@/platform/text";
import { Pager, pageParam } from "@/ui/pager";
import { listResponses, RESPONSES_PAGE_SIZE } from "@/modules/questionnaires/queries";
import { RESPONSES_PER_HOUR } from "@/modules/questionnaires/types";
import { ButtonForm } from "@/modules/questionnaires/ui/button-form";
import { questionnairePage } from "@/modules/questionnaires/ui/load";
import { QuestionnaireNav } from "@/modules/questionnaires/ui/questionnaire-nav";
import { setExcludedAction } from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Réponses reçues" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The responses received, suspect ones first: a coordinator sets them aside from the results, or puts them back. */
export default async function ResponsesPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can, questionnaire, db } = await questionnairePage(slug, id, "moderate", `/espace/${slug}/questionnaires/${id}/reponses`);
  const suspectOnly = sp.suspectes === "1";
  const page = pageParam(sp.page);
  const { items, total } = await listResponses(db, territory.id, questionnaire.id, { page, suspectOnly });
  const back = new URLSearchParams({ ...(suspectOnly ? { suspectes: "1" } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
  const hidden = { territory: territory.slug, questionnaire: questionnaire.id, back };
  const here = `/espace/${territory.slug}/questionnaires/${questionnaire.id}/reponses`;
  return (
    <>
      <QuestionnaireNav territory={territory} can={can} questionnaire={questionnaire} current="reponses" />
      <h3>Réponses reçues</h3>
      <p>
        Une réponse est « suspecte » quand plus de {RESPONSES_PER_HOUR} réponses sont arrivées du même appareil en moins d&apos;une heure : cela peut être un
        abus, ou un atelier où plusieurs personnes ont répondu sur le même ordinateur. Vous décidez : une réponse écartée ne compte plus dans
        les résultats ni dans les exports ; vous pouvez la remettre.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className={`fr-btn fr-btn--sm ${suspectOnly ? "fr-btn--secondary" : ""}`} href={here} aria-current={suspectOnly ? undefined : "page"}>
            Toutes les réponses
          </Link>
        </li>
        <li>
          <Link className={`fr-btn fr-btn--sm ${suspectOnly ? "" : "fr-btn--secondary"}`} href={`${here}?suspectes=1`} aria-current={suspectOnly ? "page" : undefined}>
            Seulement les suspectes
          </Link>
        </li>
        <li>
          <ButtonForm action={setExcludedAction} hidden={{ ...hidden, scope: "suspect", excluded: "1" }} label="Écarter toutes les réponses suspectes" />
        </li>
      </ul>
      <p role="status">
        {formatNumber(total)} réponse{total > 1 ? "s" : ""}
        {suspectOnly ? " suspecte" + (total > 1 ? "s" : "") : ""}.
      </p>
      {items.length > 0 ? (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Réponses reçues</caption>
            <thead>
              <tr>
                <th scope="col">Envoyée le</th>
                <th scope="col">Campagne</th>
                <th scope="col">Saisie</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.submittedAt ? formatDateTime(r.submittedAt) : ""}</th>
                  <td>{r.campaign}</td>
                  <td>{r.source === "paper" ? "Papier" : "En ligne"}{r.demo ? " (démonstration)" : ""}</td>
                  <td>
                    {r.suspect ? <span className="fr-badge fr-badge--sm fr-badge--warning">Suspecte</span> : null}{" "}
                    {r.excluded ? <span className="fr-badge fr-badge--sm">Écartée</span> : <span className="fr-badge fr-badge--sm fr-badge--success">Comptée</span>}
                  </td>
                  <td>
                    <ButtonForm
                      action={setExcludedAction}
                      hidden={{ ...hidden, response: r.id, excluded: r.excluded ? "0" : "1" }}
                      label={<>{r.excluded ? "Remettre" : "Écarter"}<span className="fr-sr-only"> la réponse du {r.submittedAt ? formatDateTime(r.submittedAt) : ""}</span></>}
                      className="fr-btn fr-btn--sm fr-btn--tertiary"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      <Pager page={page} total={total} pageSize={RESPONSES_PAGE_SIZE} href={(n) => `${here}?${suspectOnly ? "suspectes=1&" : ""}page=${n}`} label="Pages des réponses" />
    </>
  );
}
