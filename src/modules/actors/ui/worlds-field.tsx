"use client";

import { useId, useState } from "react";
import { useFormStatus } from "react-dom";

/**
 * The worlds of an actor, as DSFR checkboxes ticked from `defaultValues` (server-rendered, so the edit
 * form shows the saved worlds without JavaScript). src/ui/form.tsx's CheckboxGroup cannot pre-tick
 * boxes, and React resets a form after its action: with JavaScript we keep what was submitted
 * (read from useFormStatus while the form is sent) so that an error elsewhere does not untick them.
 */
export function WorldsField(props: { name: string; legend: string; hint?: string; options: { value: string; label: string }[]; defaultValues: readonly string[] }) {
  const id = useId();
  const { data } = useFormStatus();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(props.defaultValues));
  const [seen, setSeen] = useState<FormData | null>(null);
  // Adjusting state while rendering (React's documented pattern) rather than in an effect: no flash.
  if (data && data !== seen) {
    setSeen(data);
    setChosen(new Set(data.getAll(props.name).map(String)));
  }
  return (
    <fieldset className="fr-fieldset" id={id} aria-labelledby={`${id}-legend`}>
      <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id={`${id}-legend`}>
        {props.legend}
        {props.hint ? <span className="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.options.map((o) => (
        <div key={o.value} className="fr-fieldset__element fr-fieldset__element--inline">
          <div className="fr-checkbox-group">
            {/* Remounted when the captured values change, so that the form's reset restores them. */}
            <input key={`${o.value}-${chosen.has(o.value)}`} type="checkbox" id={`${id}-${o.value}`} name={props.name} value={o.value} defaultChecked={chosen.has(o.value)} />
            <label className="fr-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}
