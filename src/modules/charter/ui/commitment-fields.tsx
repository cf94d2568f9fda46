import { CheckboxGroup, Field } from "@/ui/form";
import type { CharterCommitment } from "../queries";

/** The fields of a commitment (new or changed): text, resources, the plan actions it leads or supports, its indicators. */
export function CommitmentFields(props: { commitment?: CharterCommitment; actions: { lineageId: string; title: string }[]; indicators: { id: string; name: string }[] }) {
  const c = props.commitment;
  const options = props.actions.map((a) => ({ value: a.lineageId, label: a.title }));
  return (
    <>
      <Field name="text" label="L'engagement" hint="Ce que la structure s'engage à faire, en une ou quelques phrases." textarea rows={3} maxLength={4000} defaultValue={c?.text} />
      <Field name="moneyEuros" label="Apport financier, en euros (facultatif)" inputMode="numeric" defaultValue={c?.moneyEuros === null || c?.moneyEuros === undefined ? "" : String(c.moneyEuros)} />
      <Field name="inKindDays" label="Apport en nature, en jours (facultatif)" inputMode="decimal" defaultValue={c?.inKindDays === null || c?.inKindDays === undefined ? "" : String(c.inKindDays).replace(".", ",")} />
      <Field name="inKindText" label="Autres apports en nature (facultatif)" hint="Une salle, du matériel, du bénévolat…" maxLength={1000} defaultValue={c?.inKindText} />
      {options.length ? (
        <>
          <CheckboxGroup name="pilote" legend="Actions du plan que la structure pilote" options={options} defaultValues={c?.actions.filter((a) => a.role === "pilote").map((a) => a.lineageId)} />
          <CheckboxGroup name="soutien" legend="Actions du plan que la structure soutient" options={options} defaultValues={c?.actions.filter((a) => a.role === "soutien").map((a) => a.lineageId)} />
        </>
      ) : (
        <p className="fr-text--sm">Le territoire n&apos;a pas encore de plan d&apos;action : l&apos;engagement ne peut pas encore être relié à des actions.</p>
      )}
      {props.indicators.length ? (
        <CheckboxGroup name="indicators" legend="Indicateurs qui montreront que l'engagement est tenu" options={props.indicators.map((i) => ({ value: i.id, label: i.name }))} defaultValues={c?.indicators.map((i) => i.id)} />
      ) : null}
    </>
  );
}
