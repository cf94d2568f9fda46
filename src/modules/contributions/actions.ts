"use server";

import { headers } from "next/headers";
import { CHECK_HOURS, hoursChecked } from "@/modules/places";
import { clientAddress } from "@/platform/auth/rate-limit";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import type { Territory } from "@/modules/territories";
import { territoryAction, type TerritoryContext } from "@/modules/territories";
import { acceptProposal, rejectProposal, submitProposal, type ProposalTarget } from "@/modules/contributions/commands";

/** runAction keeps one value per name: the checked services come back joined by "|" (see ProposalForm). */
function keepServices(state: ActionState, form: FormData): ActionState {
  if (state.status !== "error" && !form.has(CHECK_HOURS)) return state;
  const services = form.getAll("services").filter((s): s is string => typeof s === "string").slice(0, 50);
  return { ...state, values: { ...state.values, services: services.join("|") } };
}

async function propose(form: FormData, target: (form: FormData) => ProposalTarget, thanks: (slug: string) => string): Promise<ActionState> {
  const state = await territoryAction(form, async ({ db, principal, territory }) => {
    if (form.has(CHECK_HOURS)) return hoursChecked(form);
    // A robot caught by the honeypot is thanked exactly like a person: it learns nothing.
    await submitProposal(db, principal, territory, target(form), formToObject(form), { address: clientAddress(await headers()) });
    return { redirect: thanks(territory.slug) };
  });
  return keepServices(state, form);
}

export async function proposePlaceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return propose(form, () => ({ kind: "new" }), (slug) => `/territoires/${slug}/lieux/proposer?envoye=1`);
}

export async function proposeCorrectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const placeId = String(form.get("place") ?? "");
  return propose(form, () => ({ kind: "correction", placeId }), (slug) => `/territoires/${slug}/lieux/${encodeURIComponent(placeId)}/corriger?envoye=1`);
}

async function decide(form: FormData, fn: (ctx: TerritoryContext, territory: Territory, proposalId: string) => Promise<unknown>, decision: string): Promise<ActionState> {
  const state = await territoryAction(form, async (ctx) => {
    await fn(ctx, ctx.territory, String(form.get("proposal") ?? ""));
    return { redirect: `/espace/${ctx.territory.slug}/propositions?decision=${decision}` };
  });
  return keepServices(state, form);
}

/** Accepting as is: that form has no fields, so the fields' messages are spelled out in its alert. */
export async function acceptProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await decide(form, async ({ db, principal }, territory, id) => acceptProposal(db, principal, territory, id), "acceptee");
  const messages = Object.values(state.fieldErrors ?? {}).flat();
  if (messages.length === 0) return state;
  return { status: "error", message: `Cette proposition ne peut pas être acceptée telle quelle : ${messages.join(" ")} Utilisez « Modifier puis accepter ».` };
}

/** "Edit then accept": the whole form, as the moderator corrected it. */
export async function acceptEditedProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return decide(form, async ({ db, principal }, territory, id) => acceptProposal(db, principal, territory, id, formToObject(form)), "acceptee");
}

export async function rejectProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return decide(form, async ({ db, principal }, territory, id) => rejectProposal(db, principal, territory, id, formToObject(form)), "refusee");
}
