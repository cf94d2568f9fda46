import type { ReactNode } from "react";
import { ActionForm, Field, Hidden, SelectField } from "@/ui/form";
import { actionRowButtonAction, saveActionRowAction } from "../actions";
import { fundingStatuses, fundingStatusLabels, inKindKinds, inKindLabels } from "../vocabulary";

// The small forms of the action sheet. Adding and editing a row go through one form action (`kind`, `row`);
// each row's buttons (done, delete) are plain forms that work without JavaScript.

type Ids = { slug: string; actionId: string };

/** One button of a row (a plain form). */
export function RowButton({ slug, actionId, kind, row, op, label, srLabel, tone = "tertiary" }: Ids & { kind: string; row: string; op: "done" | "undone" | "delete"; label: string; srLabel: string; tone?: "secondary" | "tertiary" }) {
  return (
    <form action={actionRowButtonAction}>
      <input type="hidden" name="territory" value={slug} />
      <input type="hidden" name="action" value={actionId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="row" value={row} />
      <input type="hidden" name="op" value={op} />
      <button type="submit" className={`fr-btn fr-btn--${tone} fr-btn--sm`}>
        {label}
        <span className="fr-sr-only"> : {srLabel}</span>
      </button>
    </form>
  );
}

function RowForm({ slug, actionId, kind, row, submitLabel, children }: Ids & { kind: string; row?: string; submitLabel: string; children: ReactNode }) {
  return (
    <ActionForm action={saveActionRowAction} submitLabel={submitLabel}>
      <Hidden name="territory" value={slug} />
      <Hidden name="action" value={actionId} />
      <Hidden name="kind" value={kind} />
      {row ? <Hidden name="row" value={row} /> : null}
      {children}
    </ActionForm>
  );
}

/** An edit form folded under its row (native <details>: works without JavaScript). */
export function Folded({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="fr-mt-1w">
      <summary className="fr-link fr-link--sm">{summary}</summary>
      <div className="fr-pt-2w">{children}</div>
    </details>
  );
}

export function StepForm({ slug, actionId, row, defaults = {} }: Ids & { row?: string; defaults?: { title?: string; dueDate?: string } }) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="step" row={row} submitLabel={row ? "Enregistrer l'étape" : "Ajouter l'étape"}>
      <Field name="title" label="Étape" maxLength={300} defaultValue={defaults.title ?? ""} hint="Ex. : Réserver les salles, recruter le conseiller" />
      <Field name="dueDate" label="Échéance (facultatif)" type="date" defaultValue={defaults.dueDate ?? ""} />
    </RowForm>
  );
}

export function BudgetLineForm({ slug, actionId, row, defaults = {}, year }: Ids & { row?: string; year: number; defaults?: { year?: number; item?: string; planned?: number; actual?: number | null } }) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="budget" row={row} submitLabel={row ? "Enregistrer la ligne" : "Ajouter la ligne"}>
      <Field name="year" label="Année" inputMode="numeric" maxLength={4} defaultValue={String(defaults.year ?? year)} />
      <Field name="item" label="Poste de dépense" maxLength={200} defaultValue={defaults.item ?? ""} hint="Ex. : Rémunération du conseiller, location de salle, matériel" />
      <Field name="planned" label="Montant prévu (€)" inputMode="decimal" defaultValue={defaults.planned === undefined ? "" : String(defaults.planned).replace(".", ",")} hint="Ex. : 12 500 ou 12 500,50" />
      <Field name="actual" label="Montant réalisé (€, facultatif)" inputMode="decimal" defaultValue={defaults.actual === undefined || defaults.actual === null ? "" : String(defaults.actual).replace(".", ",")} />
    </RowForm>
  );
}

export function FundingForm({
  slug,
  actionId,
  row,
  year,
  sources,
  defaults = {},
}: Ids & { row?: string; year: number; sources: { id: string; name: string; funder: string }[]; defaults?: { sourceId?: string | null; funderLabel?: string; year?: number; status?: string; amount?: number } }) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="funding" row={row} submitLabel={row ? "Enregistrer le financement" : "Ajouter le financement"}>
      <SelectField
        name="sourceId"
        label="Financement du catalogue"
        defaultValue={defaults.sourceId ?? ""}
        options={[{ value: "", label: "Autre financeur (à écrire ci-dessous)" }, ...sources.map((s) => ({ value: s.id, label: s.funder ? `${s.name} (${s.funder})` : s.name }))]}
      />
      <Field name="funderLabel" label="Ou nom du financeur" maxLength={200} defaultValue={defaults.funderLabel ?? ""} hint="Seulement si le financement n'est pas dans le catalogue." />
      <Field name="year" label="Année" inputMode="numeric" maxLength={4} defaultValue={String(defaults.year ?? year)} />
      <SelectField name="status" label="Statut" defaultValue={defaults.status ?? "envisage"} options={fundingStatuses.map((s) => ({ value: s, label: fundingStatusLabels[s] }))} />
      <Field name="amount" label="Montant (€)" inputMode="decimal" defaultValue={defaults.amount === undefined ? "" : String(defaults.amount).replace(".", ",")} />
    </RowForm>
  );
}

export function InKindForm({ slug, actionId, year, actors, unit }: Ids & { year: number; actors: { id: string; name: string }[]; unit: "jours" | "euros" }) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="inkind" submitLabel="Ajouter l'apport">
      <SelectField name="kind" label="Type d'apport" defaultValue="temps_agent" options={inKindKinds.map((k) => ({ value: k, label: inKindLabels[k] }))} />
      <SelectField name="actorId" label="Structure qui l'apporte" defaultValue="" options={[{ value: "", label: "Non précisée" }, ...actors.map((a) => ({ value: a.id, label: a.name }))]} />
      <Field name="description" label="Description (facultatif)" maxLength={300} hint="Ex. : salle du conseil le mardi matin" />
      <Field name="year" label="Année" inputMode="numeric" maxLength={4} defaultValue={String(year)} />
      <Field name="days" label="Nombre de jours" inputMode="decimal" hint={unit === "jours" ? "Le territoire compte les apports en jours." : "Valorisés au prix d'une journée, sauf valeur indiquée ci-dessous."} />
      <Field name="valueEuros" label="Valeur en euros (facultatif)" inputMode="decimal" />
    </RowForm>
  );
}

export function DocumentForm({ slug, actionId }: Ids) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="document" submitLabel="Ajouter le lien">
      <Field name="title" label="Titre du document" maxLength={200} />
      <Field name="url" label="Adresse (lien)" maxLength={2000} hint="Ex. : https://drive.exemple.fr/convention.pdf" />
    </RowForm>
  );
}

export function IndicatorForm({ slug, actionId }: Ids) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="indicator" submitLabel="Ajouter l'indicateur">
      <Field name="label" label="Indicateur" maxLength={300} hint="Ex. : nombre de personnes accompagnées par mois" />
    </RowForm>
  );
}

export function PartnerForm({ slug, actionId, actors }: Ids & { actors: { id: string; name: string }[] }) {
  return (
    <RowForm slug={slug} actionId={actionId} kind="partner" submitLabel="Ajouter la structure">
      <SelectField name="actorId" label="Structure partenaire" defaultValue="" options={[{ value: "", label: "Choisir…" }, ...actors.map((a) => ({ value: a.id, label: a.name }))]} />
      <Field name="role" label="Son rôle (facultatif)" maxLength={100} hint="Ex. : co-porteur, relais, financeur, lieu d'accueil" />
    </RowForm>
  );
}
