import { forbidden, notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { AppError, errorCatalog } from "@/platform/errors";
import { parseOrThrow, formToObject } from "@/platform/validation";
import { runAction, runPlainAction, type ActionState } from "./action";
import { signInPath } from "./guard";

// One way for a form, a page and a GET route to open a tenant's data: find the scope (a territory),
// who asks, and whether the policy lets them. Generic, because platform never imports a module: the
// module that owns the scope (territories) passes its loader and exports the specialised versions.

/** How a scope is found and who asks; `signedIn` tells a sign-in redirect from a refusal. */
export type Scope<S, P> = {
  /** The form field that carries the scope's key (the territory's slug). */
  field: string;
  /** What a well-formed key looks like: anything else is refused before the database is asked. */
  key: RegExp;
  load: (key: string) => Promise<S | undefined>;
  person: () => Promise<P>;
  signedIn: (person: P) => boolean;
};

/** A policy decision: (person, scope) => boolean, as the modules' policies are written. */
export type Allow<S, P> = (person: P, scope: S) => boolean;

export type ScopedOptions<S, P, I> = {
  /** Checked before anything else is read: a refusal is a typed `forbidden` error. */
  allow?: Allow<S, P>;
  /** The module's zod schema for the form: its French messages become the form's field errors. */
  schema?: z.ZodType<I>;
};

export type ScopedContext<S, P, I> = { scope: S; person: P; input: I; form: FormData };

/** What an action's body returns: the form's new state, or where to go once it succeeded. */
export type ActionOutcome = ActionState | { redirect: string } | void;

/**
 * The scope named by the form, and the person: a missing or malformed key and an unknown scope are
 * the same typed `not_found` (the form was not ours, or the territory is gone); a policy refusal is
 * `forbidden`.
 */
export async function scopeOfForm<S, P>(scope: Scope<S, P>, form: FormData, allow?: Allow<S, P>): Promise<{ scope: S; person: P }> {
  const key = form.get(scope.field);
  if (typeof key !== "string" || !scope.key.test(key)) throw new AppError("not_found");
  const found = await scope.load(key);
  if (!found) throw new AppError("not_found");
  const person = await scope.person();
  if (allow && !allow(person, found)) throw new AppError("forbidden");
  return { scope: found, person };
}

/**
 * A form action (useActionState) on a scope: scope, person, policy, schema, then the body; typed
 * errors become the form's state (runAction). A `{ redirect }` outcome is followed once the action
 * succeeded, outside the error mapping.
 */
export async function runScopedAction<S, P, I = undefined>(
  scope: Scope<S, P>,
  form: FormData,
  body: (ctx: ScopedContext<S, P, I>) => Promise<ActionOutcome>,
  options: ScopedOptions<S, P, I> = {},
): Promise<ActionState> {
  let target: string | undefined;
  const state = await runAction(form, async () => {
    const ctx = await scopeOfForm(scope, form, options.allow);
    const input = (options.schema ? parseOrThrow(options.schema, formToObject(form)) : undefined) as I;
    const outcome = await body({ ...ctx, input, form });
    if (outcome && "redirect" in outcome) {
      target = outcome.redirect;
      return;
    }
    return outcome;
  });
  if (target !== undefined && state.status === "success") redirect(target);
  return state;
}

/**
 * A plain form's action (a button per row) on a scope: the same opening, and a typed error comes back
 * to `back` as `?erreur=<id>` (runPlainAction).
 */
export async function runScopedPlainAction<S, P, I = undefined>(
  scope: Scope<S, P>,
  form: FormData,
  back: string,
  body: (ctx: ScopedContext<S, P, I>) => Promise<{ redirect: string } | void>,
  options: ScopedOptions<S, P, I> = {},
): Promise<void> {
  await runPlainAction(back, async () => {
    const ctx = await scopeOfForm(scope, form, options.allow);
    const input = (options.schema ? parseOrThrow(options.schema, formToObject(form)) : undefined) as I;
    const outcome = await body({ ...ctx, input, form });
    if (outcome) redirect(outcome.redirect);
  });
}

/** Why a GET route refused: the scope does not exist, or the policy says no to a signed-in person. */
export type RouteRefusal = "not_found" | "forbidden";

export type RouteOptions = {
  /** Where a signed-out person comes back after signing in; without it, signed out is refused (403). */
  signInBack?: string;
  /** The refusal's response (a plain French text by default). */
  refuse?: (why: RouteRefusal) => Response;
  /** The not-found text of the default refusal. */
  notFoundText?: string;
};

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The GET twin (exports, PDFs, files): unknown scope → 404; not allowed and signed out → 303 to the
 * sign-in page that comes back to `signInBack` (when given); not allowed → 403. Returns the scope and
 * the person, or the response to send.
 */
export async function guardRoute<S, P>(
  request: Request,
  load: () => Promise<S | undefined>,
  scope: Pick<Scope<S, P>, "person" | "signedIn">,
  allow: Allow<S, P>,
  options: RouteOptions = {},
): Promise<{ scope: S; person: P } | Response> {
  const refuse = options.refuse ?? ((why: RouteRefusal) => (why === "not_found" ? text(options.notFoundText ?? errorCatalog.not_found.message, 404) : text(errorCatalog.forbidden.message, 403)));
  const found = await load();
  if (!found) return refuse("not_found");
  const person = await scope.person();
  if (!allow(person, found)) {
    if (options.signInBack !== undefined && !scope.signedIn(person)) return Response.redirect(new URL(signInPath(options.signInBack), request.url), 303);
    return refuse("forbidden");
  }
  return { scope: found, person };
}

/**
 * The page twin: unknown scope → 404 page; not allowed and signed out → the sign-in page that comes
 * back to `next`; signed in and not allowed → 403 page.
 */
export async function guardPage<S, P>(load: () => Promise<S | undefined>, scope: Pick<Scope<S, P>, "person" | "signedIn">, allow: Allow<S, P>, next: string): Promise<{ scope: S; person: P }> {
  const found = await load();
  if (!found) notFound();
  const person = await scope.person();
  if (!allow(person, found)) {
    if (!scope.signedIn(person)) redirect(signInPath(next));
    forbidden();
  }
  return { scope: found, person };
}
