"use client";

import { useEffect, useId, useRef, useState } from "react";
import { GRID_PARTS, gridName, gridToSchedule, gridUsed, readGrid, scheduleToOsm, understandFrench, weekRows } from "../french";
import { WEEKDAYS } from "../format";

const OSM_LOOK = /\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b|\d\d:\d\d-\d\d:\d\d/;

/**
 * The hours field of every place form: French as people write it, the understood weekly table under
 * it (rendered by the server from the value sent back, so it is there without JavaScript; updated as
 * one types with it), and a day-by-day grid as another way in. The button "Vérifier les horaires"
 * posts the form without saving (see check-step.ts). The OSM value is shown for experts, never asked.
 */
export function HoursField(props: {
  /** The text as typed (or sent back after a check or an error). */
  value: string;
  errors: string[] | undefined;
  /** Every value the form sent back, for the grid's cells. */
  sent: Record<string, string> | undefined;
  hint: string;
  maxLength?: number;
}) {
  const id = useId();
  const [text, setText] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  // The form came back from the server with another value: that is the text now.
  if (shown !== props.value) {
    setShown(props.value);
    setText(props.value);
  }
  const input = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLFieldSetElement>(null);
  const invalid = Boolean(props.errors?.length);
  const describedBy = [`${id}-hint`, invalid ? `${id}-messages` : "", `${id}-osm`].filter(Boolean).join(" ");

  // The grid, as typed: its value goes into the text (and so into the table).
  const fromGrid = () => {
    if (!grid.current) return;
    const cells: Record<string, string> = {};
    for (const el of Array.from(grid.current.querySelectorAll("input"))) {
      if (el.type === "checkbox") cells[el.name] = el.checked ? "on" : "";
      else cells[el.name] = el.value;
    }
    const rows = readGrid(cells);
    if (!gridUsed(rows)) return;
    const read = gridToSchedule(rows);
    if (!read.ok) return;
    const osm = scheduleToOsm(read.schedule);
    if (input.current) input.current.value = osm;
    setText(osm);
  };
  // Typing in the text after using the grid: the text wins, so the grid is emptied (the server would prefer the grid).
  const fromText = (value: string) => {
    setText(value);
    if (!grid.current) return;
    for (const el of Array.from(grid.current.querySelectorAll("input"))) {
      if (el.type === "checkbox") el.checked = false;
      else el.value = "";
    }
  };

  return (
    <div className={`fr-input-group${invalid ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        Horaires d&apos;ouverture
        <span className="fr-hint-text" id={`${id}-hint`}>
          {props.hint}
        </span>
      </label>
      <input
        ref={input}
        id={id}
        name="horaires"
        type="text"
        className={`fr-input${invalid ? " fr-input--error" : ""}`}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        maxLength={props.maxLength}
        defaultValue={props.value}
        onChange={(e) => fromText(e.target.value)}
      />
      {invalid ? (
        <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
          {props.errors?.map((m) => (
            <p key={m} className="fr-message fr-message--error">
              {m}
            </p>
          ))}
        </div>
      ) : null}
      <Understood id={id} text={text} />
      <button type="submit" name="verifier_horaires" value="1" className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w">
        Vérifier les horaires
      </button>
      <details className="fr-mt-2w">
        <summary>Saisir plutôt jour par jour</summary>
        <fieldset ref={grid} className="fr-fieldset fr-mt-1w" aria-describedby={`${id}-grid-hint`} onChange={fromGrid}>
          <legend className="fr-fieldset__legend fr-fieldset__legend--regular">Horaires jour par jour</legend>
          <p className="fr-hint-text fr-fieldset__element" id={`${id}-grid-hint`}>
            Un jour laissé vide est fermé. Si vous remplissez cette grille, elle remplace le texte ci-dessus.
          </p>
          {WEEKDAYS.map((day, d) => (
            <fieldset key={day} className="fr-fieldset__element fr-fieldset" aria-labelledby={`${id}-day-${d}`}>
              <legend className="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold" id={`${id}-day-${d}`}>
                {day}
              </legend>
              {GRID_PARTS.map((part) => (
                <div key={part.key} className="fr-fieldset__element fr-fieldset__element--inline fr-input-group">
                  <label className="fr-label" htmlFor={`${id}-${d}-${part.key}`}>
                    {part.label}
                  </label>
                  <input className="fr-input" type="time" id={`${id}-${d}-${part.key}`} name={gridName(d, part.key)} defaultValue={props.sent?.[gridName(d, part.key)] ?? ""} />
                </div>
              ))}
              <div className="fr-fieldset__element fr-fieldset__element--inline">
                <div className="fr-checkbox-group">
                  <input type="checkbox" id={`${id}-${d}-ferme`} name={gridName(d, "ferme")} defaultChecked={Boolean(props.sent?.[gridName(d, "ferme")])} />
                  <label className="fr-label" htmlFor={`${id}-${d}-ferme`}>
                    Fermé le {day.toLowerCase()}
                  </label>
                </div>
              </div>
            </fieldset>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

const cell = { textAlign: "left", padding: "0.25rem 0.5rem", borderBottom: "1px solid var(--border-default-grey)" } as const;

/** The weekly table of what was understood, or why not; the summary line is announced politely, after a pause in typing. */
function Understood({ id, text }: { id: string; text: string }) {
  const trimmed = text.trim();
  const read = trimmed ? understandFrench(trimmed) : undefined;
  const summary = !read
    ? "Aucun horaire indiqué."
    : read.ok
      ? `Horaires compris : ouvert ${read.schedule.week.filter((d) => d.length > 0).length} jour${read.schedule.week.filter((d) => d.length > 0).length > 1 ? "s" : ""} sur 7${read.schedule.holidaysClosed ? ", fermé les jours fériés" : ""}.`
      : OSM_LOOK.test(trimmed)
        ? "Valeur OpenStreetMap : elle sera vérifiée à l'enregistrement."
        : `Pas encore compris : ${read.message}`;
  const [announced, setAnnounced] = useState(summary);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(summary), 700);
    return () => clearTimeout(timer);
  }, [summary]);
  return (
    <div className="fr-mt-1w">
      <p className="fr-text--sm fr-mb-1w" role="status" aria-live="polite">
        {announced}
      </p>
      {read?.ok ? (
        // Not a DSFR .fr-table: its cells never wrap, so on a 360 px phone, inside the form's fieldsets, the
        // table would scroll sideways (a region keyboards cannot reach). Two short columns that wrap instead.
        <div className="fr-mb-1w">
          <table style={{ width: "100%", borderCollapse: "collapse" }}>
            <caption style={{ textAlign: "left", fontWeight: 700 }}>Horaires compris, semaine type</caption>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  Jour
                </th>
                <th scope="col" style={cell}>
                  Horaires
                </th>
              </tr>
            </thead>
            <tbody>
              {weekRows(read.schedule).map((row) => (
                <tr key={row.day}>
                  <th scope="row" style={cell}>
                    {row.day}
                  </th>
                  <td style={cell}>{row.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="fr-hint-text fr-mb-1w" id={`${id}-osm`}>
        {read?.ok ? (
          <>
            Pour les experts, valeur OpenStreetMap enregistrée : <code>{scheduleToOsm(read.schedule)}</code>
          </>
        ) : (
          "Vous pouvez aussi écrire une valeur OpenStreetMap (opening_hours), si vous la connaissez."
        )}
      </p>
    </div>
  );
}
