"use client";

import { CheckboxGroup, Field, Hidden, RadioGroup, SelectField } from "@/ui/form";
import { CommuneField } from "@/ui/commune-field";
import { themes } from "@/modules/themes/client";
import { TEXT_MAX, findingKinds, kindLabels } from "../validation";

export type FindingDefaults = {
  kind?: string;
  text?: string;
  origin?: string;
  originLabel?: string;
  originRef?: string;
  themes?: string[];
  communesText?: string;
  groupId?: string;
};

/** The fields of a finding, for the add and edit forms (inside an ActionForm). */
export function FindingFields({ defaults, groups }: { defaults: FindingDefaults; groups: { id: string; title: string }[] }) {
  return (
    <>
      <RadioGroup
        name="kind"
        legend="C'est…"
        inline
        defaultValue={defaults.kind ?? ""}
        options={findingKinds.map((k) => ({ value: k, label: kindLabels[k], hint: k === "strength" ? "ce qui marche déjà, un projet de référence" : "un problème, un enjeu, un besoin" }))}
      />
      <Field name="text" label="Le constat" textarea rows={4} maxLength={TEXT_MAX} defaultValue={defaults.text ?? ""} hint="En une ou deux phrases, avec les mots des personnes quand c'est possible." />
      {defaults.origin === "answer" ? (
        <>
          <Hidden name="origin" value="answer" />
          <Hidden name="originRef" value={defaults.originRef ?? ""} />
          <Field name="originLabel" label="Provenance" defaultValue={defaults.originLabel ?? ""} />
        </>
      ) : (
        <>
          <RadioGroup
            name="origin"
            legend="D'où vient-il ?"
            inline
            defaultValue={defaults.origin ?? "typed"}
            options={[
              { value: "meeting", label: "D'une réunion" },
              { value: "typed", label: "D'ailleurs (entretien, observation…)" },
            ]}
          />
          <Field name="originLabel" label="Provenance (facultatif)" defaultValue={defaults.originLabel ?? ""} hint="Par exemple : Réunion des partenaires du 12 mars à Cognac" />
        </>
      )}
      <CheckboxGroup name="themes" legend="Thèmes" options={themes.map((t) => ({ value: t.id, label: t.label }))} defaultValues={defaults.themes ?? []} />
      <CommuneField
        name="communesText"
        label="Communes concernées (facultatif)"
        list
        defaultValue={defaults.communesText ?? ""}
        hint="Noms, codes postaux ou codes INSEE, séparés par des virgules. Ex. : Angoulême, Soyaux 16800. Laissez vide si le constat vaut pour tout le territoire."
      />
      {groups.length > 0 ? (
        <SelectField name="groupId" label="Groupe (facultatif)" options={[{ value: "", label: "Aucun groupe" }, ...groups.map((g) => ({ value: g.id, label: g.title }))]} defaultValue={defaults.groupId ?? ""} />
      ) : null}
    </>
  );
}
