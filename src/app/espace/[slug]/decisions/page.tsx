import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { parisToday } from "@/platform/dates";
import { readSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { Table } from "@/ui/table";
import { ActionErrorNotice } from "@/ui/action-error";
import { decisionPolicy } from "@/modules/meetings/policy";
import { decisionsOf } from "@/modules/meetings/queries";
import { followUpDoneAction } from "@/modules/meetings/actions";
import { votesText } from "@/modules/meetings/ui/labels";

export const metadata: Metadata = { title: "Décisions" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The territory's decisions log: every decision with its mode, follow-up, due date and links. */
export default async function DecisionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/decisions`);
  if (!decisionPolicy.view(principal, territory)) forbidden();
  const { db } = await getRuntime();
  const today = parisToday();
  const all = await decisionsOf(db, territory.id);
  const isOverdue = (d: (typeof all)[number]) => Boolean(d.dueOn && d.dueOn < today && !d.doneAt);
  const onlyOverdue = sp.suivi === "retard";
  const list = onlyOverdue ? all.filter(isOverdue) : all;
  const manage = decisionPolicy.manage(principal, territory);
  const base = `/espace/${territory.slug}`;
  return (
    <>
      <ActionErrorNotice code={sp.erreur} />
      {sp["suivi-fait"] !== undefined ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>Le suivi de la décision est noté comme fait.</p>
        </div>
      ) : null}
      <h2>Journal des décisions</h2>
      <p>
        Les décisions prises en réunion de groupe (et bientôt par les instances de gouvernance), avec la personne qui en assure le suivi et son
        échéance. {all.filter(isOverdue).length ? `${all.filter(isOverdue).length} suivi(s) en retard.` : "Aucun suivi en retard."}
      </p>
      <p>
        {onlyOverdue ? <Link href={`${base}/decisions`}>Voir toutes les décisions</Link> : <Link href={`${base}/decisions?suivi=retard`}>Voir seulement les suivis en retard</Link>}
      </p>
      {list.length ? (
        <div className="fr-table fr-mb-3w">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <Table>
                  <caption>{onlyOverdue ? "Décisions dont le suivi est en retard" : "Décisions du territoire"}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Décision</th>
                      <th scope="col">Mode</th>
                      <th scope="col">Réunion</th>
                      <th scope="col">Suivi</th>
                      <th scope="col">Liens</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((d) => (
                      <tr key={d.id}>
                        <td>{formatDate(d.decidedOn)}</td>
                        <td>{d.text}</td>
                        <td>{votesText(d)}</td>
                        <td>{d.meetingId ? <Link href={`${base}/reunions/${d.meetingId}`}>{d.meetingTitle}</Link> : "—"}</td>
                        <td>
                          {d.followUpBy || "—"}
                          {d.dueOn ? `, échéance le ${formatDate(d.dueOn)}` : ""}
                          {d.doneAt ? " — fait" : isOverdue(d) ? " — en retard" : ""}
                          {manage && d.dueOn ? (
                            <form action={followUpDoneAction}>
                              <input type="hidden" name="territory" value={territory.slug} />
                              <input type="hidden" name="decision" value={d.id} />
                              <input type="hidden" name="done" value={d.doneAt ? "non" : "oui"} />
                              <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                                {d.doneAt ? "Rouvrir le suivi" : "Noter le suivi comme fait"}
                              </button>
                            </form>
                          ) : null}
                        </td>
                        <td>
                          {[...d.objectives.map((o) => `Objectif : ${o.title}`)].join(" ; ")}
                          {d.actions.map((a) => (
                            <span key={a.id}>
                              {" "}
                              <Link href={`${base}/plan/actions/${a.id}`}>Action : {a.title}</Link>
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </div>
          </div>
        </div>
      ) : (
        <p>{onlyOverdue ? "Aucun suivi en retard." : "Aucune décision enregistrée."}</p>
      )}
    </>
  );
}
