"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/platform/auth/rate-limit";
import { AppError } from "@/platform/errors";
import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { formToObject } from "@/platform/validation";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { acceptProposal, rejectProposal, submitProposal, type ProposalTarget } from "@/modules/contributions/commands";

async function territoryFrom(form: FormData) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
  if (!territory) throw new AppError("not_found");
  return territory;
}

/** runAction keeps one value per name: the checked services come back joined by "|" (see ProposalForm). */
function keepServices(state: ActionState, form: FormData): ActionState {
  if (state.status !== "error") return state;
  const services = form.getAll("services").filter((s): s is string => typeof s === "string").slice(0, 50);
  return { ...state, values: { ...state.values, services: services.join("|") } };
}

async function propose(form: FormData, target: (form: FormData) => ProposalTarget, thanks: (slug: string) => string): Promise<ActionState> {
  let done = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    // A robot caught by the honeypot is thanked exactly like a person: it learns nothing.
    await submitProposal(db, await getCurrentActor(), territory, target(form), formToObject(form), { address: clientAddress(await headers()) });
    done = thanks(territory.slug);
  });
  if (state.status === "success" && done) redirect(done);
  return keepServices(state, form);
}

export async function proposePlaceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return propose(form, () => ({ kind: "new" }), (slug) => `/territoires/${slug}/lieux/proposer?envoye=1`);
}

export async function proposeCorrectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  const placeId = String(form.get("place") ?? "");
  return propose(form, () => ({ kind: "correction", placeId }), (slug) => `/territoires/${slug}/lieux/${encodeURIComponent(placeId)}/corriger?envoye=1`);
}

async function decide(form: FormData, fn: (territory: Awaited<ReturnType<typeof territoryFrom>>, proposalId: string) => Promise<unknown>, decision: string): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const territory = await territoryFrom(form);
    await fn(territory, String(form.get("proposal") ?? ""));
    slug = territory.slug;
  });
  if (state.status === "success" && slug) redirect(`/espace/${slug}/propositions?decision=${decision}`);
  return keepServices(state, form);
}

/** Accepting as is: that form has no fields, so the fields' messages are spelled out in its alert. */
export async function acceptProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await decide(form, async (territory, id) => acceptProposal((await getRuntime()).db, await getCurrentActor(), territory, id), "acceptee");
  const messages = Object.values(state.fieldErrors ?? {}).flat();
  if (messages.length === 0) return state;
  return { status: "error", message: `Cette proposition ne peut pas être acceptée telle quelle : ${messages.join(" ")} Utilisez « Modifier puis accepter ».` };
}

/** "Edit then accept": the whole form, as the moderator corrected it. */
export async function acceptEditedProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return decide(form, async (territory, id) => acceptProposal((await getRuntime()).db, await getCurrentActor(), territory, id, formToObject(form)), "acceptee");
}

export async function rejectProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return decide(form, async (territory, id) => rejectProposal((await getRuntime()).db, await getCurrentActor(), territory, id, formToObject(form)), "refusee");
}
