"use client";

import type { ActionState } from "@/platform/web/action";
import { ActionForm, CheckboxGroup, Field, Hidden, SelectField, useActionFormState } from "@/ui/form";
import { HoursField } from "@/modules/places/hours/ui/hours-field";
import { listSeparator } from "@/modules/places/standard/schema";
import { editGroups } from "../form";

/**
 * Every editable field of the standard, in plain-language groups; posted to a server action, so it
 * works without JavaScript. The structure (actor) is a choice for coordination, shown read-only otherwise.
 */
export function PlaceEditForm(props: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: Record<string, string>;
  hidden: Record<string, string>;
  actor: { canLink: boolean; current: string; currentName: string | null; choices: { value: string; label: string }[] };
}) {
  return (
    <ActionForm action={props.action} submitLabel="Enregistrer les modifications">
      {Object.entries(props.hidden).map(([name, value]) => (
        <Hidden key={name} name={name} value={value} />
      ))}
      <p className="fr-hint-text">Les champs marqués d&apos;un astérisque (*) sont obligatoires. Les modifications sont publiées dès l&apos;enregistrement et inscrites au journal.</p>
      {editGroups.map((group) => (
        <fieldset key={group.id} className="fr-fieldset fr-mb-4w" aria-labelledby={`groupe-${group.id}`}>
          <legend className="fr-fieldset__legend fr-h4" id={`groupe-${group.id}`}>
            {group.legend}
          </legend>
          <div className="fr-fieldset__element">
            {group.fields.map((f) =>
              f.kind === "choices" ? (
                <CheckboxGroup
                  key={f.name}
                  name={f.name}
                  legend={f.label}
                  {...(f.hint ? { hint: f.hint } : {})}
                  options={f.options ?? []}
                  defaultValues={(props.values[f.name] ?? "").split(listSeparator).filter(Boolean)}
                />
              ) : f.name === "horaires" ? (
                <Hours key={f.name} hint={f.hint ?? ""} value={props.values[f.name] ?? ""} />
              ) : (
                <Field
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  {...(f.hint ? { hint: f.hint } : {})}
                  defaultValue={props.values[f.name] ?? ""}
                  required={f.required}
                  textarea={f.kind === "textarea"}
                  inputMode={f.inputMode}
                />
              ),
            )}
          </div>
        </fieldset>
      ))}
      <fieldset className="fr-fieldset fr-mb-4w" aria-labelledby="groupe-structure">
        <legend className="fr-fieldset__legend fr-h4" id="groupe-structure">
          Structure
        </legend>
        <div className="fr-fieldset__element">
          {props.actor.canLink ? (
            <SelectField
              name="actor"
              label="Structure (acteur) qui porte le lieu"
              hint="Les personnes qui parlent pour cette structure peuvent modifier la fiche du lieu."
              options={[{ value: "", label: "Aucune structure" }, ...props.actor.choices]}
              defaultValue={props.actor.current}
            />
          ) : (
            <p>Structure qui porte le lieu : {props.actor.currentName ?? "aucune"}. Seule l&apos;équipe qui coordonne le territoire peut la changer.</p>
          )}
        </div>
      </fieldset>
    </ActionForm>
  );
}

/** The hours field reads the form's state itself: the value and grid sent back after a check or an error. */
function Hours({ hint, value }: { hint: string; value: string }) {
  const state = useActionFormState();
  return <HoursField value={state.values?.horaires ?? value} errors={state.fieldErrors?.horaires} sent={state.values} hint={hint} />;
}
