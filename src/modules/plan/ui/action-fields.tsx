"use client";

import { CheckboxGroup, Field, RadioGroup, SelectField, useActionFormState } from "@/ui/form";
import { CommuneField } from "@/ui/commune-field";
import { themes } from "@/modules/themes/client";
import { actionStatuses, publicOptions, statusLabels } from "../vocabulary";

export type ActionDefaults = {
  title?: string;
  description?: string;
  axisId?: string;
  objectiveIds?: string[];
  leadActorId?: string;
  publics?: string[];
  themes?: string[];
  communesText?: string;
  startMonth?: string;
  endMonth?: string;
  status?: string;
  recurring?: boolean;
};

type Choice = { id: string; title?: string; name?: string };

/** The fields of an action, for the new and edit forms (inside an ActionForm). */
export function ActionFields({ defaults, axes, objectives, actors }: { defaults: ActionDefaults; axes: Choice[]; objectives: Choice[]; actors: Choice[] }) {
  return (
    <>
      <Field name="title" label="Titre de l'action" required maxLength={200} defaultValue={defaults.title ?? ""} hint="Ce qui sera fait, en quelques mots. Ex. : Permanences numériques dans les mairies rurales" />
      <Field name="description" label="Description (facultatif)" textarea rows={4} maxLength={5000} defaultValue={defaults.description ?? ""} />
      <SelectField name="axisId" label="Axe" defaultValue={defaults.axisId ?? ""} options={[{ value: "", label: "Sans axe" }, ...axes.map((a) => ({ value: a.id, label: a.title ?? "" }))]} />
      {objectives.length ? (
        <CheckboxGroup name="objectiveIds" legend="Objectifs servis (facultatif)" options={objectives.map((o) => ({ value: o.id, label: o.title ?? "" }))} defaultValues={defaults.objectiveIds ?? []} />
      ) : (
        <p className="fr-text--sm">Aucun objectif n&apos;est encore écrit dans la stratégie : vous pourrez relier l&apos;action plus tard.</p>
      )}
      <SelectField
        name="leadActorId"
        label="Structure porteuse"
        hint="Parmi les acteurs du territoire."
        defaultValue={defaults.leadActorId ?? ""}
        options={[{ value: "", label: "À trouver" }, ...actors.map((a) => ({ value: a.id, label: a.name ?? "" }))]}
      />
      <CheckboxGroup name="publics" legend="Publics visés (facultatif)" options={publicOptions.map((p) => ({ value: p.value, label: p.label }))} defaultValues={defaults.publics ?? []} />
      <CheckboxGroup name="themes" legend="Thèmes (facultatif)" options={themes.map((t) => ({ value: t.id, label: t.label }))} defaultValues={defaults.themes ?? []} />
      <CommuneField name="communesText" label="Communes visées (facultatif)" list defaultValue={defaults.communesText ?? ""} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field name="startMonth" label="Mois de début (facultatif)" hint="Format MM/AAAA, ex. : 03/2027" inputMode="numeric" maxLength={7} defaultValue={defaults.startMonth ?? ""} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="endMonth" label="Mois de fin (facultatif)" hint="Format MM/AAAA, ex. : 12/2028" inputMode="numeric" maxLength={7} defaultValue={defaults.endMonth ?? ""} />
        </div>
      </div>
      <SelectField name="status" label="Statut" defaultValue={defaults.status ?? "idee"} options={actionStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} />
      <RadioGroup
        name="recurring"
        legend="Reconduite chaque année ?"
        inline
        defaultValue={defaults.recurring ? "oui" : "non"}
        options={[
          { value: "non", label: "Non" },
          { value: "oui", label: "Oui" },
        ]}
      />
    </>
  );
}

/**
 * The revision the edit form was opened at. After a 409, the server sends back the revision it now holds (with
 * what the other person saved under each field): the form then carries it, so that saving again, after reading,
 * keeps this person's version on purpose.
 */
export function RevisionField({ value }: { value: number }) {
  const state = useActionFormState();
  const latest = state.fieldErrors?.revision?.[0];
  return (
    <>
      <input type="hidden" name="revision" value={latest ?? String(value)} />
      {latest ? (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" data-testid="conflit">
          <p>Relisez les valeurs enregistrées par l&apos;autre personne, indiquées sous les champs. « Enregistrer » gardera ce que vous voyez dans le formulaire.</p>
        </div>
      ) : null}
    </>
  );
}
