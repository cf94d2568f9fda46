"use client";

import { CheckboxGroup, Field, RadioGroup, SelectField } from "@/ui/form";
import { themes } from "@/modules/themes/client";

export type ObjectiveDefaults = { title?: string; description?: string; horizon?: string; axisId?: string; themes?: string[]; findings?: string[] };
type Option = { value: string; label: string; hint?: string };

/**
 * The fields of an objective, for the add and edit forms (inside an ActionForm). The choices come from the
 * page (horizons, the territory's axes and findings), so this client file reads nothing of the server.
 */
export function ObjectiveFields({ defaults, horizons, axes, findings }: { defaults: ObjectiveDefaults; horizons: Option[]; axes: Option[]; findings: Option[] }) {
  return (
    <>
      <Field name="title" label="Intitulé de l'objectif" required maxLength={200} defaultValue={defaults.title ?? ""} hint="Ce que le territoire veut atteindre, par exemple : Une permanence d'aide aux démarches à moins de 20 minutes de chaque habitant." />
      <Field name="description" label="Précisions (facultatif)" textarea rows={3} maxLength={2000} defaultValue={defaults.description ?? ""} />
      <RadioGroup name="horizon" legend="Horizon" inline options={horizons} defaultValue={defaults.horizon ?? ""} />
      <SelectField name="axisId" label="Axe prioritaire (facultatif)" options={[{ value: "", label: "Aucun axe" }, ...axes]} defaultValue={defaults.axisId ?? ""} />
      {findings.length > 0 ? (
        <CheckboxGroup name="findings" legend="Constats du diagnostic qui le justifient" hint="Les questions prioritaires d'abord, dans l'ordre des soutiens." options={findings} defaultValues={defaults.findings ?? []} />
      ) : (
        <p className="fr-text--sm">Le diagnostic n&apos;a pas encore de constat à relier : ajoutez-en dans « Constats ».</p>
      )}
      <CheckboxGroup name="themes" legend="Thèmes (facultatif)" options={themes.map((t) => ({ value: t.id, label: t.label }))} defaultValues={defaults.themes ?? []} />
    </>
  );
}
