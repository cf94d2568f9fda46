import { redirect, unstable_rethrow } from "next/navigation";
import { isAppError, type FieldErrors } from "@/platform/errors";

/** What a form's server action returns to the form (with or without JavaScript). */
export type ActionState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: FieldErrors;
  /** Values typed by the person, sent back so that nothing is lost on an error (never passwords). */
  values?: Record<string, string>;
  /** Every value of a name sent more than once (ticked checkboxes), so that they come back ticked. */
  lists?: Record<string, string[]>;
  /** Data a successful action shows (an invitation link, for example). */
  result?: Record<string, string>;
};

export const idle: ActionState = { status: "idle" };

const SECRET_FIELDS = /password|token/i;

function echo(form: FormData): Pick<ActionState, "values" | "lists"> {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string" || k.startsWith("$ACTION") || SECRET_FIELDS.test(k)) continue;
    if (k in values) (lists[k] ??= [values[k] ?? ""]).push(v.slice(0, 10_000));
    values[k] = v.slice(0, 10_000);
  }
  return Object.keys(lists).length > 0 ? { values, lists } : { values };
}

/** Runs a form action: typed errors become a French message and field errors; redirects pass through. */
export async function runAction(form: FormData, fn: () => Promise<ActionState | void>): Promise<ActionState> {
  try {
    return (await fn()) ?? { status: "success" };
  } catch (e) {
    unstable_rethrow(e);
    if (isAppError(e)) {
      return { status: "error", message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}), ...echo(form) };
    }
    console.error("[action] erreur inattendue", e);
    return { status: "error", message: "Une erreur inattendue s'est produite. Réessayez dans un instant.", ...echo(form) };
  }
}

/** The query parameter that brings a plain form's error back to its page. */
export const ACTION_ERROR_PARAM = "erreur";

/** A page path safe to send someone back to: ours, absolute, no scheme or host. */
export function safeBack(path: string): string {
  return /^\/[A-Za-z0-9/_\-.]*(\?[A-Za-z0-9_\-.=&%]*)?$/.test(path) && !path.startsWith("//") ? path : "/";
}

/**
 * Runs a plain form's action (a button per row, posted without useActionState): its success redirects
 * as it likes; a typed error redirects back to `back` with `?erreur=<id>`, that the page shows with
 * ActionErrorNotice (the message comes from the error catalogue: nothing typed is echoed); an
 * unexpected error is logged and comes back as `erreur=inattendue`. Never a 500 page for a click.
 */
export async function runPlainAction(back: string, fn: () => Promise<void>): Promise<void> {
  let code: string;
  try {
    await fn();
    return;
  } catch (e) {
    unstable_rethrow(e);
    if (isAppError(e)) code = e.id;
    else {
      console.error("[action] erreur inattendue", e);
      code = "inattendue";
    }
  }
  const target = safeBack(back);
  redirect(`${target}${target.includes("?") ? "&" : "?"}${ACTION_ERROR_PARAM}=${code}`);
}
