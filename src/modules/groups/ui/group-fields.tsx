import { Field, RadioGroup } from "@/ui/form";
import { workingGroupKinds } from "../schema";
import { kindLabels } from "../validation";

/** Name, kind and purpose of a group (creation and edition). */
export function GroupFields({ defaults = {} }: { defaults?: { name?: string; kind?: string; purpose?: string } }) {
  return (
    <>
      <Field name="name" label="Nom du groupe" required maxLength={150} defaultValue={defaults.name ?? ""} hint="Par exemple : Groupe de travail Inclusion numérique" />
      <RadioGroup name="kind" legend="Type de groupe" inline defaultValue={defaults.kind ?? "groupe_de_travail"} options={workingGroupKinds.map((k) => ({ value: k, label: kindLabels[k] }))} />
      <Field name="purpose" label="Objet du groupe (facultatif)" textarea rows={3} defaultValue={defaults.purpose ?? ""} hint="Ce que le groupe cherche à faire, en une ou deux phrases." />
    </>
  );
}
