"use client";

import { useActionState, useId } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/platform/web/action";
import { HONEYPOT, maxLengths } from "../limits";
import type { PlaceFields, TextField } from "../payload";
import { HoursField } from "@/modules/places/client";

type Variant = "new" | "correction" | "moderation";

/**
 * The form of a place proposal, posted to a server action: it works without JavaScript (the page
 * comes back with the messages) like ui/form's ActionForm. Not built on ActionForm because the
 * services are repeated checkboxes, which must come back checked after an error: ActionForm's state
 * keeps one value per name and its context is private. The action sends them back joined by "|".
 */
export function ProposalForm(props: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  variant: Variant;
  initial: PlaceFields;
  hidden: Record<string, string>;
  serviceOptions: { value: string; label: string }[];
  submitLabel: string;
  /** A French example of hours, quoted in the field's hint. */
  hoursExample: string;
}) {
  const [state, dispatch] = useActionState(props.action, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  const errorCount = Object.keys(errors).length;
  const value = (name: TextField | "message" | "contact_email") => state.values?.[name] ?? (name === "message" || name === "contact_email" ? "" : props.initial[name]);
  const chosen = new Set(state.values ? (state.values.services ?? "").split("|").filter(Boolean) : props.initial.services);
  const field = (name: TextField | "message" | "contact_email", label: string, extra: Omit<InputProps, "name" | "label" | "value" | "errors"> = {}) => (
    <TextInput name={name} label={label} value={value(name)} errors={errors[name]} maxLength={maxLengths[name]} {...extra} />
  );
  return (
    <form action={dispatch} noValidate>
      <div aria-live="polite" role="status">
        {state.status === "error" ? (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
            <p>
              {state.message}
              {errorCount > 1 ? ` (${errorCount} champs à corriger)` : ""}
            </p>
            {errors._form?.map((m) => <p key={m}>{m}</p>)}
          </div>
        ) : state.status === "success" && state.message ? (
          // The hours were checked ("Vérifier les horaires"): nothing saved yet.
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
            <p>{state.message}</p>
          </div>
        ) : null}
      </div>
      {Object.entries(props.hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <p className="fr-hint-text">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      {field("nom", "Nom du lieu", { required: true })}
      {field("adresse", "Adresse", { required: true, hint: "Numéro et voie, par exemple : 12 rue de Périgueux" })}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">{field("code_postal", "Code postal", { required: true, inputMode: "numeric", hint: "5 chiffres" })}</div>
        <div className="fr-col-12 fr-col-md-8">{field("commune", "Commune", { required: true })}</div>
      </div>
      {field("telephone", "Téléphone", { type: "tel", hint: "Par exemple : 05 45 00 00 00" })}
      {field("courriel", "Courriel du lieu", { hint: "Plusieurs adresses : séparez-les par une virgule." })}
      {field("site_web", "Site web", { hint: "Par exemple : https://www.mediatheque.fr" })}
      <HoursField
        value={value("horaires")}
        errors={errors.horaires}
        sent={state.values}
        maxLength={maxLengths.horaires}
        hint={`Écrivez-les comme vous les diriez, par exemple : « ${props.hoursExample} », « lundi 9h-12h ; mardi 14h-17h », « tous les jours 8h-20h, fermé le mercredi ». Laissez vide si vous ne les connaissez pas.`}
      />
      <Services options={props.serviceOptions} chosen={chosen} errors={errors.services} />
      {field("presentation_resume", "Présentation courte", { textarea: true, hint: `${maxLengths.presentation_resume} caractères au plus : ce que l'on y trouve, pour qui.` })}
      {props.variant === "correction"
        ? field("message", "Message pour l'équipe qui coordonne le territoire", { textarea: true, hint: "Par exemple : le lieu a déménagé, a fermé, a changé d'horaires." })
        : null}
      {props.variant !== "moderation" ? (
        <>
          {field("contact_email", "Votre adresse électronique (facultatif)", {
            type: "email",
            autoComplete: "email",
            hint: "Uniquement pour vous informer de la décision : elle n'est jamais publiée ni transmise, et elle est effacée une fois la décision envoyée.",
          })}
          {/* The honeypot: off screen and out of the tab order for people; robots fill it in. */}
          <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: "1px", height: "1px", overflow: "hidden" }}>
            <label htmlFor={`${HONEYPOT}-field`}>Ne pas remplir ce champ</label>
            <input id={`${HONEYPOT}-field`} type="text" name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
        </>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
        <li>
          <Submit label={props.submitLabel} />
        </li>
      </ul>
    </form>
  );
}

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="fr-btn" aria-disabled={pending}>
      {pending ? "Envoi en cours…" : label}
    </button>
  );
}

type InputProps = {
  name: string;
  label: string;
  value: string;
  errors: string[] | undefined;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  textarea?: boolean;
  type?: "text" | "tel" | "email";
  autoComplete?: string;
  inputMode?: "numeric";
};

function Messages({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
      {errors.map((m) => (
        <p key={m} className="fr-message fr-message--error">
          {m}
        </p>
      ))}
    </div>
  );
}

function TextInput(props: InputProps) {
  const id = useId();
  const invalid = Boolean(props.errors?.length);
  const describedBy = [props.hint ? `${id}-hint` : "", invalid ? `${id}-messages` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    className: `fr-input${invalid ? " fr-input--error" : ""}`,
    "aria-describedby": describedBy,
    "aria-invalid": invalid ? true : undefined,
    required: props.required,
    maxLength: props.maxLength,
    defaultValue: props.value,
  } as const;
  return (
    <div className={`fr-input-group${invalid ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
        {props.hint ? (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </label>
      {props.textarea ? <textarea {...common} rows={4} /> : <input {...common} type={props.type ?? "text"} autoComplete={props.autoComplete} inputMode={props.inputMode} />}
      <Messages id={id} errors={props.errors} />
    </div>
  );
}

function Services({ options, chosen, errors }: { options: { value: string; label: string }[]; chosen: Set<string>; errors: string[] | undefined }) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <fieldset className={`fr-fieldset${invalid ? " fr-fieldset--error" : ""}`} id={id} aria-labelledby={`${id}-legend${invalid ? ` ${id}-messages` : ""}`}>
      <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id={`${id}-legend`}>
        Services proposés
        <span className="fr-hint-text">Cochez ce que l&apos;on peut y faire (liste du standard national).</span>
      </legend>
      {options.map((o, i) => (
        <div key={o.value} className="fr-fieldset__element">
          <div className="fr-checkbox-group">
            <input type="checkbox" id={`${id}-${i}`} name="services" value={o.value} defaultChecked={chosen.has(o.value)} />
            <label className="fr-label" htmlFor={`${id}-${i}`}>
              {o.label}
            </label>
          </div>
        </div>
      ))}
      <Messages id={id} errors={errors} />
    </fieldset>
  );
}
