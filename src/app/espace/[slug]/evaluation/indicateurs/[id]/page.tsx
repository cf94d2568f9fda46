import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate, formatNumber } from "@/platform/text";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { indicatorAbilities } from "@/modules/indicators/policy";
import { findIndicator, indicatorChoices } from "@/modules/indicators/queries";
import { addMeasurementAction, deleteIndicatorRowAction, setTargetAction } from "@/modules/indicators/actions";
import { unitSuffix } from "@/modules/indicators/validation";
import { ActionForm, Field, Hidden } from "@/ui/form";
import { ActionErrorNotice } from "@/ui/action-error";
import { Table } from "@/ui/table";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { buildEvaluation } from "@/composition/evaluation/report";
import { updateIndicatorAction } from "@/composition/evaluation/actions";
import { IndicatorCard } from "@/composition/evaluation/ui/evaluation-view";
import { IndicatorFields } from "@/composition/evaluation/ui/indicator-fields";

export const metadata: Metadata = { title: "Indicateur" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

const notices: Record<string, string> = {
  "ajoute=indicateur": "L'indicateur est créé. Fixez-lui ses cibles, puis saisissez les mesures.",
  "modifie=indicateur": "L'indicateur est enregistré.",
  "ajoute=mesure": "La mesure est enregistrée.",
  "ajoute=cible": "La cible est enregistrée.",
  "supprime=mesure": "La mesure est supprimée.",
  "supprime=cible": "La cible est supprimée.",
};

function RowDelete({ slug, indicator, op, row, label, srLabel }: { slug: string; indicator: string; op: "measurement" | "target" | "indicator"; row?: string; label: string; srLabel: string }) {
  return (
    <form action={deleteIndicatorRowAction}>
      <input type="hidden" name="territory" value={slug} />
      <input type="hidden" name="indicator" value={indicator} />
      <input type="hidden" name="op" value={op} />
      {row ? <input type="hidden" name="row" value={row} /> : null}
      <button type="submit" className={`fr-btn fr-btn--${op === "indicator" ? "secondary" : "tertiary"} fr-btn--sm`}>
        {label}
        <span className="fr-sr-only"> : {srLabel}</span>
      </button>
    </form>
  );
}

/** One indicator: its status and trend, its measurements and targets, and (for those allowed) the forms that change them. */
export default async function IndicatorPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/evaluation/indicateurs/${id}`);
  const { db } = await getRuntime();
  const indicator = await findIndicator(db, territory.id, id);
  if (!indicator) notFound();
  const can = indicatorAbilities(principal, territory);
  const data = await buildEvaluation(db, territory);
  const line = [...data.objectives.flatMap((o) => o.indicators), ...data.actions.flatMap((a) => a.indicators)].find((l) => l.id === id);
  const base = `/espace/${territory.slug}/evaluation`;
  const notice = Object.entries(notices).find(([k]) => {
    const [key, value] = k.split("=");
    return sp[key ?? ""] === value;
  })?.[1];
  const choices = can.manage ? await indicatorChoices(db, territory.id) : null;
  const fmt = (v: number) => `${formatNumber(v)}${unitSuffix[indicator.unit]}`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Évaluation", href: base }} current={crumbLabel(indicator.name)} />
      <ActionErrorNotice code={sp.erreur} />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <h2>{indicator.name}</h2>
      {indicator.definition ? <p>{indicator.definition}</p> : null}
      {line ? <IndicatorCard line={line} level={3} context="fiche" /> : <p>Cet indicateur n&apos;est rattaché ni à un objectif ni à une action du plan en cours.</p>}

      <section aria-labelledby="mesures-titre" id="mesures">
        <h3 id="mesures-titre">Mesures</h3>
        {indicator.measurements.length === 0 ? (
          <p>Aucune mesure pour l&apos;instant.</p>
        ) : (
          <div className="fr-table fr-table--sm">
            <Table>
              <caption>Mesures de « {indicator.name} »</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Valeur</th>
                  <th scope="col">Commentaire</th>
                  <th scope="col">Saisie par</th>
                  {can.manage ? <th scope="col">Action</th> : null}
                </tr>
              </thead>
              <tbody>
                {indicator.measurements.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDate(m.measuredOn)}</td>
                    <td>
                      {fmt(m.value)}
                      {m.isEstimate ? " (estimation)" : ""}
                    </td>
                    <td>{m.comment}</td>
                    <td>{m.enteredByLabel}</td>
                    {can.manage ? (
                      <td>
                        <RowDelete slug={territory.slug} indicator={id} op="measurement" row={m.id} label="Supprimer" srLabel={`mesure du ${formatDate(m.measuredOn)}`} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {can.measure && indicator.source === "manuel" ? (
          <section aria-labelledby="nouvelle-mesure" className="fr-mt-2w">
            <h4 id="nouvelle-mesure">Saisir une mesure</h4>
            <ActionForm action={addMeasurementAction} submitLabel="Enregistrer la mesure">
              <Hidden name="territory" value={territory.slug} />
              <Hidden name="indicator" value={id} />
              <Field name="measuredOn" label="Date de la mesure" type="date" required hint={`Entre le ${formatDate(indicator.startsOn)} et le ${formatDate(indicator.endsOn)}.`} />
              <Field name="value" label={`Valeur${unitSuffix[indicator.unit] ? ` (en${unitSuffix[indicator.unit]})` : ""}`} inputMode="decimal" required hint="Par exemple 120 ou 12,5." />
              <Field name="comment" label="Commentaire (facultatif)" maxLength={1000} />
              <div className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input type="checkbox" id="mesure-estimation" name="isEstimate" value="oui" />
                  <label className="fr-label" htmlFor="mesure-estimation">
                    C&apos;est une estimation
                  </label>
                </div>
              </div>
            </ActionForm>
          </section>
        ) : indicator.source === "calcule" ? (
          <p>Cet indicateur est calculé par Maillage une fois par période ({indicator.periodicity}).</p>
        ) : null}
      </section>

      <section aria-labelledby="cibles-titre" id="cibles" className="fr-mt-4w">
        <h3 id="cibles-titre">Cibles</h3>
        {indicator.targets.length === 0 ? (
          <p>Aucune cible : sans cible, l&apos;indicateur reste « sans données ».</p>
        ) : (
          <ul>
            {indicator.targets.map((t) => (
              <li key={t.id}>
                {fmt(t.value)} au {formatDate(t.periodEnd)}
                {can.manage ? <RowDelete slug={territory.slug} indicator={id} op="target" row={t.id} label="Retirer" srLabel={`cible du ${formatDate(t.periodEnd)}`} /> : null}
              </li>
            ))}
          </ul>
        )}
        {can.manage ? (
          <details className="fr-mt-1w">
            <summary className="fr-link fr-link--sm">Fixer une cible</summary>
            <div className="fr-pt-2w">
              <ActionForm action={setTargetAction} submitLabel="Enregistrer la cible">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="indicator" value={id} />
                <Field name="periodEnd" label="Échéance" type="date" required hint="Une cible par échéance : la saisir de nouveau remplace la valeur." />
                <Field name="value" label="Valeur visée" inputMode="decimal" required />
              </ActionForm>
            </div>
          </details>
        ) : null}
      </section>

      {choices ? (
        <section aria-labelledby="modifier-titre" className="fr-mt-4w">
          <h3 id="modifier-titre">Modifier l&apos;indicateur</h3>
          <details>
            <summary className="fr-link fr-link--sm">Modifier la définition, l&apos;unité, la période…</summary>
            <div className="fr-pt-2w">
              <ActionForm action={updateIndicatorAction} submitLabel="Enregistrer l'indicateur">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="indicator" value={id} />
                <IndicatorFields
                  defaults={{
                    name: indicator.name,
                    definition: indicator.definition,
                    unit: indicator.unit,
                    direction: indicator.direction,
                    periodicity: indicator.periodicity,
                    startsOn: indicator.startsOn,
                    endsOn: indicator.endsOn,
                    baselineValue: indicator.baselineValue === null ? "" : String(indicator.baselineValue).replace(".", ","),
                    baselineOn: indicator.baselineOn ?? "",
                    source: indicator.source,
                    computedKey: indicator.computedKey ?? "",
                    paramTheme: String(indicator.computedParams.theme ?? ""),
                    paramPublic: String(indicator.computedParams.public ?? ""),
                    paramQuestion: String(indicator.computedParams.question ?? ""),
                    paramChoice: String(indicator.computedParams.choice ?? ""),
                    dataSource: indicator.dataSource,
                    ownerName: indicator.ownerName,
                    ownerActorId: indicator.ownerActorId ?? "",
                    objectiveId: indicator.objectiveId ?? "",
                    actionLineageId: indicator.actionLineageId ?? "",
                  }}
                  objectives={choices.objectives.map((o) => ({ value: o.id, label: o.title }))}
                  actions={choices.actions.map((a) => ({ value: a.lineageId, label: a.title }))}
                  structures={choices.structures.map((s) => ({ value: s.id, label: s.name }))}
                />
              </ActionForm>
            </div>
          </details>
          <h3 className="fr-mt-4w">Supprimer l&apos;indicateur</h3>
          <p>Ses cibles et ses mesures sont supprimées avec lui. La suppression est inscrite au journal.</p>
          <RowDelete slug={territory.slug} indicator={id} op="indicator" label="Supprimer l'indicateur" srLabel={indicator.name} />
        </section>
      ) : null}
    </>
  );
}
