"use client";

import { useActionState, useEffect, useId, useState, type FormEvent } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/platform/web/action";
import { CheckboxGroup, Field, FormStateContext, Hidden, RadioGroup, SelectField } from "@/ui/form";
import { offlineQueueKey, queueEntry, readQueue, sendQueue, writeQueue } from "./record-queue";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;
type Choice = { value: string; label: string };

export type RecordFormValues = {
  occurredOn: string;
  placeId: string;
  kind: string;
  people: string;
  durationMinutes: string;
  themes: readonly string[];
  equipment: readonly string[];
  setting: string;
  autonomy: string;
  orientedToPlaceId: string;
  title: string;
  level: string;
  counts: Readonly<Record<string, string>>;
};

export type RecordFormProps = {
  action: ActionFn;
  /** Sends one queued entry (offline queue); absent when editing (an edit is never queued). */
  sendQueued?: ActionFn;
  territory: string;
  clientId?: string;
  record?: string;
  submitLabel: string;
  defaults: RecordFormValues;
  places: Choice[];
  orientations: Choice[];
  durations: number[];
  themes: { services: Choice[]; procedures: Choice[] };
  equipment: Choice[];
  kinds: Choice[];
  settings: Choice[];
  autonomy: Choice[];
  levels: Choice[];
  ageBands: Choice[];
  statuses: Choice[];
  today: string;
};

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="fr-btn" aria-disabled={pending}>
      {pending ? "Envoi en cours…" : label}
    </button>
  );
}

const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Where the person was oriented: a place of the registry, always chosen in the list (a select: the whole list
 * without JavaScript). With JavaScript, a search box above narrows the list by a word of the name or commune.
 */
function OrientationSelect({ options, defaultValue }: { options: Choice[]; defaultValue: string }) {
  const [enhanced, setEnhanced] = useState(false);
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState(defaultValue);
  const id = useId();
  useEffect(() => setEnhanced(true), []);
  const words = plain(query).split(/\s+/).filter(Boolean);
  const shown = words.length ? options.filter((o) => o.value === selected || words.every((w) => plain(o.label).includes(w))) : options;
  return (
    <div onChange={(e) => (e.target instanceof HTMLSelectElement ? setSelected(e.target.value) : undefined)}>
      {enhanced ? (
        <div className="fr-input-group">
          <label className="fr-label" htmlFor={id}>
            Rechercher un lieu d&apos;orientation
            <span className="fr-hint-text">Un mot du nom ou de la commune : la liste ci-dessous se réduit.</span>
          </label>
          <input
            className="fr-input"
            type="search"
            id={id}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => (e.key === "Enter" ? e.preventDefault() : undefined)}
          />
        </div>
      ) : null}
      {/* Remounted on each search (key) with the choice kept: the select stays uncontrolled, as without JavaScript. */}
      <SelectField
        key={query}
        name="orientedToPlaceId"
        label="Orientation vers un autre lieu"
        hint={enhanced && words.length ? `${shown.length} lieu${shown.length > 1 ? "x" : ""} trouvé${shown.length > 1 ? "s" : ""}.` : "Choisissez le lieu dans la liste de la cartographie."}
        options={[{ value: "", label: "Aucune orientation" }, ...shown]}
        defaultValue={selected}
      />
    </div>
  );
}

/**
 * The record form: a plain POST without JavaScript; with it, an entry typed while offline is kept in the
 * browser (localStorage, with its client id) and sent when the network comes back (record-queue.ts).
 * The quick path is three taps: a duration, a theme, « Enregistrer » — everything else has a default.
 */
export function RecordForm(props: RecordFormProps) {
  const [state, dispatch] = useActionState(props.action, { status: "idle" });
  const [clientId, setClientId] = useState(props.clientId ?? "");
  const [queued, setQueued] = useState<number | undefined>(undefined);
  const [note, setNote] = useState("");
  const key = offlineQueueKey(props.territory);
  const errorCount = Object.keys(state.fieldErrors ?? {}).length;
  const d = props.defaults;
  const durationOptions = props.durations.map((m) => ({ value: String(m), label: m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60}` : ""}` }));
  const durationDefault = props.durations.includes(Number(d.durationMinutes)) ? d.durationMinutes : undefined;

  // Send what was kept offline: now (the page opened online) and each time the network comes back.
  useEffect(() => {
    const sendQueued = props.sendQueued;
    if (!sendQueued) return;
    let running = false;
    const flush = async () => {
      if (running || !navigator.onLine) return;
      running = true;
      try {
        const outcome = await sendQueue(key, props.territory, sendQueued);
        setQueued(readQueue(key).length);
        if (outcome.sent > 0) setNote(`${outcome.sent} accompagnement${outcome.sent > 1 ? "s" : ""} gardé${outcome.sent > 1 ? "s" : ""} hors ligne ${outcome.sent > 1 ? "ont" : "a"} été envoyé${outcome.sent > 1 ? "s" : ""}.`);
        if (outcome.refused.length) setNote(`Un accompagnement gardé hors ligne a été refusé : ${outcome.refused[0]} Il reste sur cet appareil ; corrigez-le en le saisissant à nouveau.`);
      } finally {
        running = false;
      }
    };
    setQueued(readQueue(key).length);
    void flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, [key, props.sendQueued, props.territory]);

  const keepOffline = (event: FormEvent<HTMLFormElement>) => {
    if (!props.sendQueued || navigator.onLine) return;
    // No network: React does not send a form whose submit event was prevented; the entry waits here.
    event.preventDefault();
    const form = event.currentTarget;
    const entries = queueEntry(new FormData(form));
    writeQueue(key, [...readQueue(key), entries]);
    setQueued(readQueue(key).length);
    setNote("Pas de réseau : l'accompagnement est gardé sur cet appareil. Il sera envoyé dès le retour du réseau.");
    form.reset();
    setClientId(crypto.randomUUID());
  };

  return (
    <FormStateContext.Provider value={state}>
      <div aria-live="polite" role="status">
        {note ? (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
            <p>{note}</p>
          </div>
        ) : null}
        {queued ? <p className="fr-badge fr-badge--warning fr-mb-2w">{queued} en attente d&apos;envoi sur cet appareil</p> : null}
      </div>
      <form action={dispatch} onSubmit={keepOffline} noValidate>
        <div aria-live="polite" role="status">
          {state.status === "error" && (
            <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
              <p>
                {state.message}
                {errorCount > 1 ? ` (${errorCount} champs à corriger)` : ""}
              </p>
            </div>
          )}
        </div>
        <Hidden name="territory" value={props.territory} />
        {clientId ? <Hidden name="clientId" value={clientId} /> : null}
        {props.record ? <Hidden name="record" value={props.record} /> : null}
        <Field name="occurredOn" label="Date" type="date" defaultValue={d.occurredOn} hint="Aujourd'hui par défaut." />
        <SelectField name="placeId" label="Lieu" options={props.places} defaultValue={d.placeId} hint="Vos lieux, le dernier utilisé en premier." />
        <RadioGroup name="kind" legend="Type" options={props.kinds} defaultValue={d.kind} inline />
        <Field name="people" label="Nombre de personnes" inputMode="numeric" defaultValue={d.people} />
        <RadioGroup name="durationMinutes" legend="Durée" hint="Vos durées habituelles en premier." options={durationOptions} defaultValue={durationDefault} inline />
        <Field name="durationOther" label="Autre durée, en minutes (facultatif)" inputMode="numeric" defaultValue={durationDefault ? "" : d.durationMinutes} />
        <CheckboxGroup name="themes" legend="Thématiques (services du référentiel national)" options={props.themes.services} defaultValues={d.themes} />
        <details className="fr-mb-3w" open={d.themes.some((t) => t.startsWith("demarche_"))}>
          <summary>Démarches en ligne accompagnées</summary>
          <CheckboxGroup name="themes" legend="Domaine de la démarche" options={props.themes.procedures} defaultValues={d.themes} />
        </details>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Atelier collectif</legend>
          <div className="fr-fieldset__content" style={{ width: "100%" }}>
            <Field name="title" label="Titre de l'atelier" hint="Le sujet de l'atelier, jamais le nom d'une personne ni un contact." maxLength={120} defaultValue={d.title} />
            <SelectField name="level" label="Niveau" options={[{ value: "", label: "Non précisé" }, ...props.levels]} defaultValue={d.level} />
          </div>
        </fieldset>
        <details className="fr-mb-3w">
          <summary>Plus de précisions (facultatif)</summary>
          <CheckboxGroup name="equipment" legend="Matériel utilisé" options={props.equipment} defaultValues={d.equipment} />
          <RadioGroup name="setting" legend="Où" options={props.settings} defaultValue={d.setting} />
          <RadioGroup name="autonomy" legend="Autonomie atteinte" options={[{ value: "", label: "Non évaluée" }, ...props.autonomy]} defaultValue={d.autonomy} />
          <OrientationSelect options={props.orientations} defaultValue={d.orientedToPlaceId} />
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend fr-fieldset__legend--regular">
              Tranches d&apos;âge et statuts, en nombre de personnes
              <span className="fr-hint-text">Des comptes seulement : jamais qui était là.</span>
            </legend>
            {[...props.ageBands.map((a) => ({ ...a, name: `age_${a.value}` })), ...props.statuses.map((s) => ({ ...s, name: `statut_${s.value}` }))].map((c) => (
              <div key={c.name} className="fr-fieldset__element fr-fieldset__element--inline">
                <Field name={c.name} label={c.label} inputMode="numeric" defaultValue={d.counts[c.name] ?? ""} />
              </div>
            ))}
          </fieldset>
        </details>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <Submit label={props.submitLabel} />
          </li>
        </ul>
      </form>
    </FormStateContext.Provider>
  );
}
