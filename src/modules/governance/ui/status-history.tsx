import Link from "next/link";
import type { Principal } from "@/platform/auth/principal";
import type { Executor } from "@/platform/db/client";
import { formatDate, formatDateTime } from "@/platform/text";
import type { TerritoryRef } from "@/modules/territories";
import { actionStatuses, statusLabels, type ActionStatus } from "@/modules/plan";
import { ActionForm, Field, Hidden, SelectField } from "@/ui/form";
import { Table } from "@/ui/table";
import { governancePolicy } from "../policy";
import { decisionChoices, statusHistoryOf } from "../queries";
import { citeDecisionStatusAction } from "../actions";

/**
 * The action sheet's status history (every version of the action, by lineage) with the decisions cited, and the
 * form that changes the status citing a decision. `track` is the plan's answer for this person and action (its
 * rule, read by the sheet); the command applies it again.
 */
export async function StatusHistory(props: {
  db: Executor;
  principal: Principal;
  territory: TerritoryRef & { slug: string };
  action: { id: string; lineageId: string; status: ActionStatus; revision: number };
  track: boolean;
}) {
  const { db, principal, territory, action } = props;
  const history = await statusHistoryOf(db, territory.id, action.lineageId);
  const canCite = props.track && governancePolicy.citeDecision(principal, territory);
  const choices = canCite ? await decisionChoices(db, territory.id) : [];
  const base = `/espace/${territory.slug}`;
  return (
    <section aria-labelledby="historique-statut-titre" className="fr-mt-4w" id="historique-statut">
      <h3 id="historique-statut-titre">Historique du statut</h3>
      {history.length === 0 ? <p>Le statut n&apos;a pas encore changé.</p> : (
        <div className="fr-table">
          <Table>
            <caption>Changements de statut de l&apos;action et décisions qui les ont motivés</caption>
            <thead>
              <tr>
                <th scope="col">Quand</th>
                <th scope="col">Statut</th>
                <th scope="col">Décision citée</th>
                <th scope="col">Par</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={`${h.at.toISOString()}-${i}`}>
                  <td>{formatDateTime(h.at)}</td>
                  <td>
                    {h.from ? `${statusLabels[h.from]} → ` : ""}
                    {statusLabels[h.to]}
                  </td>
                  <td>
                    {h.decision ? (
                      <>
                        <Link href={`${base}/decisions#decision-${h.decision.id}`}>
                          {h.decision.text}
                        </Link>{" "}
                        ({formatDate(h.decision.decidedOn)}
                        {h.decision.bodyName ? `, ${h.decision.bodyName}` : ""})
                      </>
                    ) : (
                      "—"
                    )}
                    {h.note ? <span className="fr-hint-text">{h.note}</span> : null}
                  </td>
                  <td>{h.by}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {canCite && choices.length ? (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8">
            <h4>Changer le statut suite à une décision</h4>
            <ActionForm action={citeDecisionStatusAction} submitLabel="Enregistrer le statut et la décision citée">
              <Hidden name="territory" value={territory.slug} />
              <Hidden name="action" value={action.id} />
              <Hidden name="revision" value={String(action.revision)} />
              <SelectField name="status" label="Nouveau statut" defaultValue={action.status} options={actionStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} />
              <SelectField name="decision" label="Décision qui motive ce changement" options={[{ value: "", label: "— Choisissez une décision —" }, ...choices.map((c) => ({ value: c.id, label: c.label }))]} />
              <Field name="note" label="Précision (facultatif)" maxLength={500} />
            </ActionForm>
          </div>
        </div>
      ) : null}
    </section>
  );
}
