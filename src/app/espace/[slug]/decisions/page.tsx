import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { countOf, formatDate } from "@/platform/text";
import { parisToday } from "@/platform/dates";
import { readSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { Table } from "@/ui/table";
import { ActionErrorNotice } from "@/ui/action-error";
import { decisionPolicy } from "@/modules/meetings/policy";
import { decisionsOf } from "@/modules/meetings/queries";
import { followUpDoneAction } from "@/modules/meetings/actions";
import { votesText } from "@/modules/meetings/ui/labels";
import { governanceKinds } from "@/modules/groups";
import { commitmentChoices, commitmentsOfDecisions } from "@/modules/governance/queries";
import { decisionFiltersSchema, decisionStateLabels, decisionStates, type DecisionState } from "@/modules/governance/validation";
import { linkCommitmentsAction } from "@/modules/governance/actions";
import { FilterSelect } from "@/ui/filter-select";

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
  const stateOf = (d: (typeof all)[number]): DecisionState | null =>
    d.doneAt ? "fait" : d.dueOn && d.dueOn < today ? "en_retard" : d.followUpBy || d.dueOn ? "a_suivre" : null;
  const isOverdue = (d: (typeof all)[number]) => stateOf(d) === "en_retard";
  // « ?suivi=retard » is the journey's older link to the overdue follow-ups: the same as « ?etat=en_retard ».
  const filters = decisionFiltersSchema.parse({ instance: sp.instance, etat: sp.suivi === "retard" ? "en_retard" : sp.etat });
  const onlyOverdue = filters.etat === "en_retard";
  const list = all.filter((d) => (!filters.etat || stateOf(d) === filters.etat) && (!filters.instance || d.groupId === filters.instance));
  const bodies = [...new Map(all.filter((d) => d.groupId).map((d) => [d.groupId as string, { id: d.groupId as string, name: d.groupName ?? "", body: (governanceKinds as readonly string[]).includes(d.groupKind ?? "") }])).values()].sort((a, b) => Number(b.body) - Number(a.body) || a.name.localeCompare(b.name, "fr"));
  const manage = decisionPolicy.manage(principal, territory);
  const commitments = manage ? await commitmentChoices(db, territory.id) : [];
  const linked = await commitmentsOfDecisions(db, territory.id, list.map((d) => d.id));
  const base = `/espace/${territory.slug}`;
  const here = `${base}/decisions`;
  const filtered = Boolean(filters.etat || filters.instance);
  return (
    <>
      <ActionErrorNotice code={sp.erreur} />
      {sp.engagements !== undefined ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>Les engagements liés à la décision sont enregistrés.</p>
        </div>
      ) : null}
      {sp["suivi-fait"] !== undefined ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>Le suivi de la décision est noté comme fait.</p>
        </div>
      ) : null}
      <h2>Journal des décisions</h2>
      <p>
        Les décisions prises par les instances de gouvernance et en réunion de groupe, avec la personne qui en assure le suivi, son échéance,
        les actions et les engagements de la charte qu&apos;elles concernent. {all.filter(isOverdue).length ? `${countOf(all.filter(isOverdue).length, "suivi en retard", "suivis en retard")}.` : "Aucun suivi en retard."}
      </p>
      <form method="get" action={here} className="fr-mb-3w" aria-label="Filtrer les décisions">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-5">
            <FilterSelect id="filtre-instance" name="instance" label="Instance ou groupe" value={filters.instance} empty="Toutes" options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <FilterSelect id="filtre-etat" name="etat" label="Suivi" value={filters.etat} empty="Tous" options={decisionStates.map((st) => ({ value: st, label: decisionStateLabels[st] }))} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <button type="submit" className="fr-btn fr-btn--secondary fr-mb-3w">
              Filtrer
            </button>
          </div>
        </div>
      </form>
      {filtered ? (
        <p>
          <Link href={here}>Voir toutes les décisions</Link>
        </p>
      ) : (
        <p>
          <Link href={`${here}?etat=en_retard`}>Voir seulement les suivis en retard</Link>
        </p>
      )}
      {list.length ? (
        <div className="fr-table fr-mb-3w">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <Table>
                  <caption>{onlyOverdue ? "Décisions dont le suivi est en retard" : filtered ? "Décisions choisies par les filtres" : "Décisions du territoire"}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Décision</th>
                      <th scope="col">Mode</th>
                      <th scope="col">Instance et réunion</th>
                      <th scope="col">Suivi</th>
                      <th scope="col">Liens</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((d) => (
                      <tr key={d.id} id={`decision-${d.id}`}>
                        <td>{formatDate(d.decidedOn)}</td>
                        <td>{d.text}</td>
                        <td>{votesText(d)}</td>
                        <td>
                          {d.groupId ? <Link href={(governanceKinds as readonly string[]).includes(d.groupKind ?? "") ? `${base}/gouvernance/${d.groupId}` : `${base}/groupes/${d.groupId}`}>{d.groupName}</Link> : null}
                          {d.groupId && d.meetingId ? " — " : null}
                          {d.meetingId ? <Link href={`${base}/reunions/${d.meetingId}`}>{d.meetingTitle}</Link> : null}
                          {!d.meetingId ? "—" : null}
                        </td>
                        <td>
                          {d.followUpBy || "—"}
                          {d.dueOn ? `, échéance le ${formatDate(d.dueOn)}` : ""}
                          {d.doneAt ? " — fait" : isOverdue(d) ? " — en retard" : stateOf(d) === "a_suivre" ? " — à suivre" : ""}
                          {manage && d.dueOn ? (
                            <form action={followUpDoneAction}>
                              <input type="hidden" name="territory" value={territory.slug} />
                              <input type="hidden" name="decision" value={d.id} />
                              <input type="hidden" name="done" value={d.doneAt ? "non" : "oui"} />
                              <input type="hidden" name="back" value={here} />
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
                          {(linked.get(d.id) ?? []).map((c) => (
                            <span key={c.lineageId} className="fr-text--sm">
                              {" "}
                              Engagement de {c.partner} : {c.text}
                            </span>
                          ))}
                          {manage && commitments.length ? (
                            <details className="fr-mt-1w">
                              <summary>Lier des engagements de la charte</summary>
                              <form action={linkCommitmentsAction}>
                                <input type="hidden" name="territory" value={territory.slug} />
                                <input type="hidden" name="decision" value={d.id} />
                                <input type="hidden" name="back" value={here} />
                                <fieldset className="fr-fieldset">
                                  <legend className="fr-fieldset__legend fr-text--regular">Engagements concernés par la décision du {formatDate(d.decidedOn)}</legend>
                                  {commitments.map((c) => (
                                    <div key={c.lineageId} className="fr-fieldset__element">
                                      <div className="fr-checkbox-group fr-checkbox-group--sm">
                                        <input type="checkbox" id={`eng-${d.id}-${c.lineageId}`} name="commitments" value={c.lineageId} defaultChecked={(linked.get(d.id) ?? []).some((l) => l.lineageId === c.lineageId)} />
                                        <label className="fr-label" htmlFor={`eng-${d.id}-${c.lineageId}`}>
                                          {c.partner} : {c.text}
                                        </label>
                                      </div>
                                    </div>
                                  ))}
                                </fieldset>
                                <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                                  Enregistrer les engagements<span className="fr-sr-only"> de cette décision</span>
                                </button>
                              </form>
                            </details>
                          ) : null}
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
        <p>{onlyOverdue ? "Aucun suivi en retard." : filtered ? "Aucune décision ne correspond à ces filtres." : "Aucune décision enregistrée."}</p>
      )}
    </>
  );
}
