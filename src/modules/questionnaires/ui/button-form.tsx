"use client";

import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/platform/web/action";

type ActionFn = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One button posting hidden values to a server action (move, delete, publish…). Works without
 * JavaScript; a refusal is written right under the button and announced to screen readers.
 */
export function ButtonForm(props: { action: ActionFn; hidden: Record<string, string>; label: ReactNode; className?: string; title?: string; children?: ReactNode }) {
  const [state, dispatch] = useActionState(props.action, { status: "idle" });
  return (
    <form action={dispatch} className="maillage-inline-form">
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.children}
      <Submit label={props.label} className={props.className ?? "fr-btn fr-btn--sm fr-btn--secondary"} title={props.title} />
      <div aria-live="polite" role="status">
        {state.status === "error" ? <p className="fr-message fr-message--error fr-mt-1v">{state.message}</p> : null}
      </div>
    </form>
  );
}

function Submit({ label, className, title }: { label: ReactNode; className: string; title: string | undefined }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} title={title} aria-disabled={pending}>
      {label}
    </button>
  );
}
