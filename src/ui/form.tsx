"use client";

import { createContext, useActionState, useContext, useId, useState, type ChangeEvent, type ReactNode } from "react";
import { fileTooBigMessage } from "@/platform/files/limits";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/platform/web/action";

// Exported so that a piece can be rendered with a given state in tests.
export const FormStateContext = createContext<ActionState>({ status: "idle" });

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A form posted to a server action. Works without JavaScript (the page comes back with
 * the messages); with JavaScript it stays on the page. Errors are announced to screen readers.
 */
export function ActionForm(props: {
  action: ActionFn;
  children: ReactNode;
  submitLabel: string;
  /** Rendered after a success (e.g. the link of a new invitation). */
  success?: (state: ActionState) => ReactNode;
  secondary?: ReactNode;
  id?: string;
  /** Said while the form is being processed (a file being read may wait for its turn). */
  pendingNote?: string;
}) {
  const [state, dispatch] = useActionState(props.action, { status: "idle" });
  const errorCount = Object.keys(state.fieldErrors ?? {}).length;
  return (
    <FormStateContext.Provider value={state}>
      <form action={dispatch} noValidate id={props.id}>
        <div aria-live="polite" role="status">
          {state.status === "error" && (
            <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
              <p>
                {state.message}
                {errorCount > 1 ? ` (${errorCount} champs à corriger)` : ""}
              </p>
            </div>
          )}
          {state.status === "success" && !props.success && state.message ? (
            <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
              <p>{state.message}</p>
            </div>
          ) : null}
        </div>
        {props.children}
        {props.pendingNote ? <PendingNote text={props.pendingNote} /> : null}
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <Submit label={props.submitLabel} />
          </li>
          {props.secondary ? <li>{props.secondary}</li> : null}
        </ul>
      </form>
      {/* Outside the form: a success may carry its own form (never nest forms). */}
      <div aria-live="polite">{state.status === "success" && props.success ? props.success(state) : null}</div>
    </FormStateContext.Provider>
  );
}

function PendingNote({ text }: { text: string }) {
  const { pending } = useFormStatus();
  // Always in the page, so that screen readers announce the text when it appears.
  return (
    <p className="fr-text--sm fr-mt-2w fr-mb-0" aria-live="polite">
      {pending ? text : ""}
    </p>
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

/** The state the server action sent back, for a field that renders itself (the hours field of a place). */
export function useActionFormState(): ActionState {
  return useContext(FormStateContext);
}

function useField(name: string) {
  const state = useContext(FormStateContext);
  const id = useId();
  const errors = state.fieldErrors?.[name];
  // Every value sent under this name (ticked checkboxes); undefined when the form was not sent back.
  const previousList = state.values ? (state.lists?.[name] ?? (state.values[name] !== undefined ? [state.values[name]] : [])) : undefined;
  return { id, errors, previous: state.values?.[name], previousList };
}

function FieldMessages({ id, errors }: { id: string; errors: string[] | undefined }) {
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

export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "search" | "date";
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
  textarea?: boolean;
  rows?: number;
  inputMode?: "numeric" | "decimal" | "text";
  /** Id of a <datalist> of suggestions (the field stays free text). */
  list?: string;
}) {
  const { id, errors, previous } = useField(props.name);
  const describedBy = [props.hint ? `${id}-hint` : "", errors?.length ? `${id}-messages` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    className: `fr-input${errors?.length ? " fr-input--error" : ""}`,
    "aria-describedby": describedBy,
    "aria-invalid": errors?.length ? true : undefined,
    required: props.required,
    maxLength: props.maxLength,
    defaultValue: props.type === "password" ? undefined : (previous ?? props.defaultValue),
  } as const;
  return (
    <div className={`fr-input-group${errors?.length ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
        {props.hint ? (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
      </label>
      {props.textarea ? (
        <textarea {...common} rows={props.rows ?? 4} />
      ) : (
        <input {...common} type={props.type ?? "text"} autoComplete={props.autoComplete} inputMode={props.inputMode} list={props.list} />
      )}
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

type Choice = { value: string; label: string; hint?: string };

/** DSFR radio buttons or checkboxes in a fieldset; the previous answer comes back after an error. */
function ChoiceGroup(props: { type: "radio" | "checkbox"; name: string; legend: string; hint?: string; options: Choice[]; defaultValue?: string; defaultValues?: readonly string[]; inline?: boolean }) {
  const { id, errors, previous, previousList } = useField(props.name);
  const selected = previous ?? props.defaultValue;
  const ticked = new Set(previousList ?? props.defaultValues ?? []);
  return (
    <fieldset
      className={`fr-fieldset${errors?.length ? " fr-fieldset--error" : ""}`}
      id={id}
      aria-labelledby={`${id}-legend${errors?.length ? ` ${id}-messages` : ""}`}
    >
      <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id={`${id}-legend`}>
        {props.legend}
        {props.hint ? <span className="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.options.map((o, i) => (
        <div key={o.value} className={`fr-fieldset__element${props.inline ? " fr-fieldset__element--inline" : ""}`}>
          <div className={props.type === "radio" ? "fr-radio-group" : "fr-checkbox-group"}>
            <input type={props.type} id={`${id}-${i}`} name={props.name} value={o.value} defaultChecked={props.type === "radio" ? selected === o.value : ticked.has(o.value)} />
            <label className="fr-label" htmlFor={`${id}-${i}`}>
              {o.label}
              {o.hint ? <span className="fr-hint-text">{o.hint}</span> : null}
            </label>
          </div>
        </div>
      ))}
      <FieldMessages id={id} errors={errors} />
    </fieldset>
  );
}

/**
 * A field whose choice is made elsewhere on the page (a search above the form, for instance) and that has nothing
 * to pick yet: it still has its place in the form, so an error about it is shown where it belongs, under its name.
 */
export function PendingChoice({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  const { id, errors } = useField(name);
  return (
    <div className={`fr-input-group${errors?.length ? " fr-input-group--error" : ""}`} id={id}>
      <p className="fr-label fr-mb-1w">{label}</p>
      <p className="fr-text--sm fr-mb-1w">{children}</p>
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

export function RadioGroup(props: { name: string; legend: string; hint?: string; options: Choice[]; defaultValue?: string; inline?: boolean }) {
  return <ChoiceGroup type="radio" {...props} />;
}

export function CheckboxGroup(props: { name: string; legend: string; hint?: string; options: Choice[]; defaultValues?: readonly string[] }) {
  return <ChoiceGroup type="checkbox" {...props} />;
}

export function SelectField(props: { name: string; label: string; hint?: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  const { id, errors, previous } = useField(props.name);
  return (
    <div className={`fr-select-group${errors?.length ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {props.label}
        {props.hint ? <span className="fr-hint-text">{props.hint}</span> : null}
      </label>
      {/* The key remounts the select with the value sent back after an error (React resets forms after an action). */}
      <select key={previous ?? ""} className="fr-select" id={id} name={props.name} defaultValue={previous ?? props.defaultValue} aria-describedby={errors?.length ? `${id}-messages` : undefined}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}

/** Hidden value carried by the form (a slug, an id, a return path). */
export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}


export function FileField(props: { name: string; label: string; hint?: string; accept?: string; maxBytes?: number; limitLabel?: string }) {
  const { id, errors: serverErrors } = useField(props.name);
  // With JavaScript, a file over the announced limit is refused here, before it is sent: past a point the
  // server cannot even answer (the request is cut before our code runs). It is taken out of the field.
  const [tooBig, setTooBig] = useState<string | undefined>(undefined);
  const errors = tooBig ? [tooBig] : serverErrors;
  const check = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file && props.maxBytes !== undefined && file.size > props.maxBytes) {
      setTooBig(fileTooBigMessage(file.name, file.size, props.limitLabel ?? ""));
      event.currentTarget.value = "";
    } else setTooBig(undefined);
  };
  return (
    <div className={`fr-upload-group${errors?.length ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {props.label}
        {props.hint ? <span className="fr-hint-text">{props.hint}</span> : null}
      </label>
      <input className="fr-upload" type="file" id={id} name={props.name} accept={props.accept} onChange={check} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-messages` : undefined} />
      <FieldMessages id={id} errors={errors} />
    </div>
  );
}
