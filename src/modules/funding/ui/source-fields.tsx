import { CheckboxGroup, Field, RadioGroup, SelectField } from "@/ui/form";
import { CommuneField } from "@/ui/commune-field";
import { legalTypeLabels, legalTypes } from "@/modules/actors";
import { themes } from "@/modules/themes";
import { aidKinds } from "../schema";
import { aidKindLabels, deadlineKindLabels } from "../validation";
import { deadlineKinds } from "../schema";

export type SourceDefaults = {
  name?: string;
  funder?: string;
  aidKind?: string;
  finances?: string;
  themes?: string[];
  bearers?: string[];
  publicsText?: string;
  scope?: string;
  communesText?: string;
  rateMin?: string;
  rateMax?: string;
  amountMin?: string;
  amountMax?: string;
  rhythm?: string;
  url?: string;
  notes?: string;
};

/** The fields of a local funding source (inside an ActionForm), for the add and edit forms. */
export function SourceFields({ defaults, territoryName }: { defaults: SourceDefaults; territoryName: string }) {
  return (
    <>
      <Field name="name" label="Nom de la source" defaultValue={defaults.name ?? ""} maxLength={200} hint="Par exemple : Fonds d'initiatives locales de l'agglomération" />
      <Field name="funder" label="Financeur (facultatif)" defaultValue={defaults.funder ?? ""} maxLength={200} />
      <SelectField name="aidKind" label="Type d'aide" defaultValue={defaults.aidKind ?? "subvention"} options={aidKinds.map((k) => ({ value: k, label: aidKindLabels[k] }))} />
      <Field name="finances" label="Ce qu'elle finance (facultatif)" textarea rows={3} maxLength={2000} defaultValue={defaults.finances ?? ""} />
      <CheckboxGroup name="themes" legend="Thèmes" hint="Ils servent à proposer la source aux actions qui partagent un thème." options={themes.map((t) => ({ value: t.id, label: t.label }))} defaultValues={defaults.themes ?? []} />
      <CheckboxGroup name="bearers" legend="Porteurs éligibles" hint="Aucune case cochée : tout porteur." options={legalTypes.map((t) => ({ value: t, label: legalTypeLabels[t] }))} defaultValues={defaults.bearers ?? []} />
      <Field name="publicsText" label="Publics (facultatif)" defaultValue={defaults.publicsText ?? ""} hint="Séparés par des virgules. Ex. : seniors, familles, jeunes" />
      <RadioGroup
        name="scope"
        legend="Où finance-t-elle ?"
        defaultValue={defaults.scope ?? "territoire"}
        options={[
          { value: "territoire", label: `Sur tout le territoire (${territoryName})` },
          { value: "national", label: "Partout en France" },
          { value: "communes", label: "Sur certaines communes du territoire" },
        ]}
      />
      <CommuneField name="communesText" label="Communes (si certaines communes seulement)" list defaultValue={defaults.communesText ?? ""} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field name="rateMin" label="Taux minimum, en % (facultatif)" inputMode="decimal" defaultValue={defaults.rateMin ?? ""} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="rateMax" label="Taux maximum, en % (facultatif)" inputMode="decimal" defaultValue={defaults.rateMax ?? ""} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="amountMin" label="Montant minimum, en euros (facultatif)" inputMode="decimal" defaultValue={defaults.amountMin ?? ""} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="amountMax" label="Montant maximum, en euros (facultatif)" inputMode="decimal" defaultValue={defaults.amountMax ?? ""} />
        </div>
      </div>
      <Field name="rhythm" label="Rythme (facultatif)" defaultValue={defaults.rhythm ?? ""} maxLength={300} hint="Ex. : appel annuel, dépôt au printemps ; au fil de l'eau" />
      <Field name="url" label="Page officielle (facultatif)" defaultValue={defaults.url ?? ""} hint="Adresse complète, qui commence par https://" />
      <Field name="notes" label="Notes (facultatif)" textarea rows={3} maxLength={2000} defaultValue={defaults.notes ?? ""} />
    </>
  );
}

/** The fields of a deadline; `prefix` names them apart when they sit in the source's form ("deadline"). */
export function DeadlineFields({ prefix, optional, defaults }: { prefix?: string; optional?: boolean; defaults?: { kind: string; date: string; label: string } }) {
  const name = (n: string) => (prefix ? `${prefix}${n[0]?.toUpperCase()}${n.slice(1)}` : n);
  return (
    <>
      <SelectField name={name("kind")} label="Type d'échéance" defaultValue={defaults?.kind ?? "depot"} options={deadlineKinds.map((k) => ({ value: k, label: deadlineKindLabels[k] }))} />
      <Field name={name("date")} label={optional ? "Date (facultatif)" : "Date"} type="date" hint="Au format jj/mm/aaaa" defaultValue={defaults?.date} />
      <Field name={name("label")} label="Précision (facultatif)" maxLength={200} hint="Ex. : session de printemps, dépôt en ligne" defaultValue={defaults?.label} />
    </>
  );
}
