import { Field, RadioGroup, SelectField } from "@/ui/form";
import { directionLabels, indicatorDirections, indicatorPeriodicities, indicatorUnits, periodicityLabels, unitLabels } from "@/modules/indicators";
import { computedCatalogue } from "../catalogue";

export type IndicatorDefaults = Partial<Record<string, string>>;
type Option = { value: string; label: string };

/** The fields of an indicator, for the create and edit forms (inside an ActionForm); choices come from the page. */
export function IndicatorFields({ defaults, objectives, actions, structures }: { defaults: IndicatorDefaults; objectives: Option[]; actions: Option[]; structures: Option[] }) {
  const d = (k: string) => defaults[k] ?? "";
  return (
    <>
      <Field name="name" label="Nom de l'indicateur" required maxLength={200} defaultValue={d("name")} hint="Par exemple : personnes accompagnées dans leurs démarches en ligne." />
      <Field name="definition" label="Définition (facultatif)" textarea rows={3} maxLength={2000} defaultValue={d("definition")} hint="Ce que l'on compte exactement, et comment." />
      <SelectField name="objectiveId" label="Objectif de la stratégie" hint="Un objectif, une action, ou les deux." options={[{ value: "", label: "Aucun" }, ...objectives]} defaultValue={d("objectiveId")} />
      <SelectField name="actionLineageId" label="Action du plan" options={[{ value: "", label: "Aucune" }, ...actions]} defaultValue={d("actionLineageId")} />
      <SelectField name="unit" label="Unité" options={indicatorUnits.map((u) => ({ value: u, label: unitLabels[u] }))} defaultValue={d("unit") || "nombre"} />
      <RadioGroup name="direction" legend="Sens attendu" inline options={indicatorDirections.map((v) => ({ value: v, label: directionLabels[v] }))} defaultValue={d("direction") || "hausse"} />
      <SelectField name="periodicity" label="Périodicité des mesures" options={indicatorPeriodicities.map((p) => ({ value: p, label: periodicityLabels[p] }))} defaultValue={d("periodicity") || "annuelle"} />
      <Field name="startsOn" label="Début de la période suivie" type="date" required defaultValue={d("startsOn")} />
      <Field name="endsOn" label="Fin de la période suivie" type="date" required defaultValue={d("endsOn")} hint="Les mesures en dehors de cette période sont refusées." />
      <Field name="baselineValue" label="Valeur de départ (facultatif)" inputMode="decimal" defaultValue={d("baselineValue")} hint="Par exemple 120 ou 12,5." />
      <Field name="baselineOn" label="Date de la valeur de départ" type="date" defaultValue={d("baselineOn")} />
      <RadioGroup
        name="source"
        legend="Source des mesures"
        options={[
          { value: "manuel", label: "Saisies par les membres" },
          { value: "calcule", label: "Calculées par Maillage à chaque période" },
        ]}
        defaultValue={d("source") || "manuel"}
      />
      <SelectField
        name="computedKey"
        label="Ce que Maillage calcule (indicateur calculé)"
        hint={computedCatalogue.map((e) => `${e.label} : ${e.help}`).join(" ")}
        options={[{ value: "", label: "Choisir…" }, ...computedCatalogue.map((e) => ({ value: e.key, label: e.label }))]}
        defaultValue={d("computedKey")}
      />
      <Field name="paramTheme" label="Thème (accompagnements par thème)" maxLength={200} defaultValue={d("paramTheme")} />
      <Field name="paramPublic" label="Public (accompagnements par public)" maxLength={200} defaultValue={d("paramPublic")} hint="« age:60_69 » ou « status:retraite »." />
      <Field name="paramQuestion" label="Question (part des réponses)" maxLength={200} defaultValue={d("paramQuestion")} />
      <Field name="paramChoice" label="Choix compté (part des réponses)" maxLength={200} defaultValue={d("paramChoice")} />
      <Field name="dataSource" label="D'où viennent les chiffres (facultatif)" maxLength={300} defaultValue={d("dataSource")} hint="Par exemple : enquête annuelle des lieux, INSEE." />
      <Field name="ownerName" label="Personne responsable (facultatif)" maxLength={200} defaultValue={d("ownerName")} />
      <SelectField name="ownerActorId" label="Sa structure (facultatif)" options={[{ value: "", label: "Aucune" }, ...structures]} defaultValue={d("ownerActorId")} />
    </>
  );
}
