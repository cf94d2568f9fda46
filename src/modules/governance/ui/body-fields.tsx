import { Field, RadioGroup } from "@/ui/form";
import { governanceKinds, groupKindLabels, groupRhythms } from "@/modules/groups";
import { rhythmLabels } from "../validation";

/** Name, kind, rhythm and role of a governance body (creation and edition). */
export function BodyFields({ defaults = {} }: { defaults?: { name?: string; kind?: string; rhythm?: string | null; purpose?: string } }) {
  return (
    <>
      <Field name="name" label="Nom de l'instance" required maxLength={150} defaultValue={defaults.name ?? ""} hint="Par exemple : Comité de pilotage de l'inclusion numérique" />
      <RadioGroup name="kind" legend="Type d'instance" defaultValue={defaults.kind ?? "comite_pilotage"} options={governanceKinds.map((k) => ({ value: k, label: groupKindLabels[k] }))} />
      <RadioGroup name="rhythm" legend="Rythme des réunions" hint="Maillage signale une instance qui ne s'est pas réunie à ce rythme." defaultValue={defaults.rhythm ?? "trimestriel"} options={groupRhythms.map((r) => ({ value: r, label: rhythmLabels[r] }))} />
      <Field name="purpose" label="Rôle de l'instance (facultatif)" textarea rows={3} defaultValue={defaults.purpose ?? ""} hint="Ce qu'elle décide ou prépare, en une ou deux phrases." />
    </>
  );
}
