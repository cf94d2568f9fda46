import { cache } from "react";
import type { z } from "zod";
import type { Principal } from "@/platform/auth/principal";
import type { Db } from "@/platform/db/client";
import { getRuntime } from "@/platform/runtime";
import type { ActionState } from "@/platform/web/action";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { guardPage, guardRoute, runScopedAction, runScopedPlainAction, scopeOfForm, type ActionOutcome, type RouteOptions, type Scope } from "@/platform/web/scoped";
import { findTerritoryBySlug, type Territory } from "./queries";
import { territoryAbilities, territoryPolicy, type TerritoryAbilities, type TerritoryAction } from "./policy";

// The territories module's public entry for the web: the one way a form, a page or a GET route opens a
// territory's data (territory from the request, signed-in person, policy decision). Every module's
// actions.ts and routes use these, so that no module writes its own `territoryFrom(form)` again.

/** A territory's rule, as every module's policy writes it: (person, territory) => boolean. */
export type TerritoryCheck = (principal: Principal, territory: Territory) => boolean;

/** What a slug can look like (slugSchema, a little wider): anything else is refused without a query. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

const territoryScope: Scope<Territory, Principal> = {
  field: "territory",
  key: SLUG,
  load: async (slug) => findTerritoryBySlug((await getRuntime()).db, slug),
  person: getCurrentPrincipal,
  signedIn: (principal) => principal.kind === "user",
};

export type TerritoryContext<I = undefined> = { db: Db; territory: Territory; principal: Principal; input: I; form: FormData };

export type TerritoryActionOptions<I> = { allow?: TerritoryCheck; schema?: z.ZodType<I> };

async function context<I>({ scope, person, input, form }: { scope: Territory; person: Principal; input: I; form: FormData }): Promise<TerritoryContext<I>> {
  return { db: (await getRuntime()).db, territory: scope, principal: person, input, form };
}

/**
 * The territory named by the form and the person, for an action that needs them only on one branch
 * (inside runAction: a typed `not_found` / `forbidden` becomes the form's state).
 */
export async function territoryOfForm(form: FormData, allow?: TerritoryCheck): Promise<{ territory: Territory; principal: Principal }> {
  const { scope, person } = await scopeOfForm(territoryScope, form, allow);
  return { territory: scope, principal: person };
}

/**
 * A form action on the territory named by the form's `territory` field (its slug): missing, malformed
 * or unknown → typed `not_found`; `allow` refused → `forbidden`; `schema` → the input, or field errors;
 * then the body, whose typed errors become the form's state. `{ redirect }` is followed on success.
 */
export function territoryAction<I = undefined>(form: FormData, body: (ctx: TerritoryContext<I>) => Promise<ActionOutcome>, options: TerritoryActionOptions<I> = {}): Promise<ActionState> {
  return runScopedAction<Territory, Principal, I>(territoryScope, form, async (ctx) => body(await context(ctx)), options);
}

/** The same for a plain form (a button per row): a typed error comes back to `back` as `?erreur=<id>`. */
export function territoryPlainAction<I = undefined>(form: FormData, back: string, body: (ctx: TerritoryContext<I>) => Promise<{ redirect: string } | void>, options: TerritoryActionOptions<I> = {}): Promise<void> {
  return runScopedPlainAction<Territory, Principal, I>(territoryScope, form, back, async (ctx) => body(await context(ctx)), options);
}

/**
 * The GET twin (exports, PDFs, files) on the territory of the URL: unknown → 404 "Territoire
 * introuvable."; refused and signed out → sign-in then back to `signInBack` (when given); refused → 403.
 */
export async function territoryRoute(request: Request, slug: string, allow: TerritoryCheck, options: RouteOptions = {}): Promise<{ db: Db; territory: Territory; principal: Principal } | Response> {
  const { db } = await getRuntime();
  const guarded = await guardRoute(request, () => findTerritoryBySlug(db, slug), territoryScope, allow, { notFoundText: "Territoire introuvable.", ...options });
  return guarded instanceof Response ? guarded : { db, territory: guarded.scope, principal: guarded.person };
}

/**
 * Loads a territory for a page and applies the policy: unknown slug → 404,
 * signed out and not allowed → sign-in, signed in and not allowed → 403.
 */
/**
 * The territory of a slug, read once per request render: the workspace layout, the page's metadata and
 * the page itself each needed it (three identical queries per view). React's `cache` lives for one
 * server render only, so an edit shows at the next request; outside a render it reads every time.
 */
export const territoryOfRequest = cache(async (slug: string): Promise<Territory | undefined> => findTerritoryBySlug((await getRuntime()).db, slug));

export async function territoryPage(slug: string, action: TerritoryAction, next: string): Promise<{ territory: Territory; principal: Principal; abilities: TerritoryAbilities }> {
  const { scope: territory, person: principal } = await guardPage(() => territoryOfRequest(slug), territoryScope, territoryPolicy[action], next);
  return { territory, principal, abilities: territoryAbilities(principal, territory) };
}
