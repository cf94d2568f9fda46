import Link from "next/link";
import { ActionForm, Hidden, SelectField } from "@/ui/form";
import { pickActionIndicatorAction } from "../actions";
import type { PickerOption } from "../picker";

/**
 * The action sheet's indicator picker: one of the evaluation's or the diagnostic's indicators, or a new
 * indicator of the evaluation already tied to this action (its creation page, with the action chosen).
 */
export function ActionIndicatorPicker({ slug, actionId, lineageId, options }: { slug: string; actionId: string; lineageId: string; options: PickerOption[] }) {
  return (
    <>
      <ActionForm action={pickActionIndicatorAction} submitLabel="Ajouter l'indicateur">
        <Hidden name="territory" value={slug} />
        <Hidden name="action" value={actionId} />
        <SelectField name="choice" label="Indicateur" hint="Les indicateurs de l'évaluation, puis ceux du diagnostic (intégrés et importés par le territoire)." options={[{ value: "", label: "Choisir…" }, ...options]} defaultValue="" />
      </ActionForm>
      <p className="fr-mt-2w">
        <Link href={`/espace/${slug}/evaluation/indicateurs/nouveau?action=${lineageId}`}>Créer un indicateur pour cette action</Link> (valeur de départ, cibles, mesures).
      </p>
    </>
  );
}
