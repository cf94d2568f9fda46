"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { conditionHolds, fieldName, outsideFieldName, parseFrenchNumber, shownFieldName, type AnswerValue } from "../logic";
import { OUTSIDE, type Condition, type QuestionType } from "../types";

/** Sent on the form when a conditional question appears or disappears: a question that depends on it checks again. */
const CHANGED = "questionnaire:conditions";

/**
 * What the source question's fields say now. Disabled fields (a question hidden in its turn) are left
 * out by FormData, so a chain of conditions follows. A commune cannot be resolved in the page:
 * anything typed counts as "perhaps" (undefined), and the question is shown; the server decides.
 */
function currentAnswer(form: HTMLFormElement, source: { id: string; type: QuestionType }): AnswerValue | undefined | "unknown" {
  const data = new FormData(form);
  const values = data
    .getAll(fieldName(source.id))
    .map((v) => (typeof v === "string" ? v.trim() : ""))
    .filter(Boolean);
  switch (source.type) {
    case "single":
      return values[0] ? { key: values[0] } : undefined;
    case "multiple":
      return values.length ? { keys: values } : undefined;
    case "scale":
    case "number": {
      const n = values[0] ? parseFrenchNumber(values[0]) : NaN;
      return Number.isFinite(n) ? { number: n } : undefined;
    }
    case "short_text":
    case "long_text":
      return values[0] ? { text: values[0] } : undefined;
    case "commune":
      if (data.getAll(outsideFieldName(source.id)).length > 0) return { key: OUTSIDE };
      return values[0] ? "unknown" : undefined;
  }
}

/** Empties the fields of a question that stops applying: its answer is not kept, nor sent. */
function clear(container: HTMLElement) {
  for (const el of container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
    if (el.type === "hidden") continue;
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) el.checked = false;
    else el.value = "";
  }
}

/**
 * A question that depends on an answer of the same screen. Without JavaScript it stays hidden and
 * disabled (nothing sent): the server asks it on the next screen if its condition holds. With
 * JavaScript it appears as soon as the answer makes its condition hold and disappears (its answer
 * cleared) when it stops holding; `hidden` takes it out of the page for everyone, screen readers
 * included, and a polite live region says that a question was added or removed. The hidden field
 * tells the server that the person saw it on this screen.
 */
export function ConditionalQuestion({ id, label, condition, source, children }: { id: string; label: string; condition: Condition; source: { id: string; type: QuestionType }; children: ReactNode }) {
  const ref = useRef<HTMLFieldSetElement>(null);
  const [holds, setHolds] = useState(false);
  const [message, setMessage] = useState("");
  const interacted = useRef(false);

  const { questionId, operator, value } = condition;
  const { id: sourceId, type: sourceType } = source;
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const update = (event?: Event) => {
      if (event && event.type !== CHANGED) interacted.current = true;
      const answer = currentAnswer(form, { id: sourceId, type: sourceType });
      setHolds(answer === "unknown" ? true : conditionHolds({ questionId, operator, value }, answer));
    };
    // After a reset the fields take their new values only once the event is over.
    const afterReset = () => setTimeout(() => update(), 0);
    update();
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener(CHANGED, update);
    form.addEventListener("reset", afterReset);
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
      form.removeEventListener(CHANGED, update);
      form.removeEventListener("reset", afterReset);
    };
  }, [questionId, operator, value, sourceId, sourceType]);

  const shownBefore = useRef(false);
  useEffect(() => {
    const fieldset = ref.current;
    if (!fieldset) return;
    // Only a question that was shown and stops applying is emptied: on the first render (hidden until
    // the form is read) its saved answer must stay.
    if (!holds && shownBefore.current) clear(fieldset);
    shownBefore.current = holds;
    if (interacted.current) setMessage(holds ? `Une question a été ajoutée : « ${label} ».` : `La question « ${label} » a été retirée.`);
    // Questions that depend on this one check again (it is now enabled, or disabled and empty).
    fieldset.form?.dispatchEvent(new Event(CHANGED));
  }, [holds, label]);

  return (
    <>
      <fieldset ref={ref} id={`conditionnelle-${id}`} hidden={!holds} disabled={!holds} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <input type="hidden" name={shownFieldName(id)} value="1" />
        {children}
      </fieldset>
      <p className="fr-sr-only" aria-live="polite" role="status">
        {message}
      </p>
    </>
  );
}
