"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import * as actors from "@/modules/actors/commands";
import { territoryAction, territoryPlainAction } from "@/modules/territories";

// Thin: read the form, call the module's command (which checks the policy again), say what happened.

const actorIdOf = (form: FormData) => String(form.get("actor") ?? "");
const detailsPath = (slug: string, actorId: string) => `/espace/${slug}/acteurs/${actorId}`;

export async function createActorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const created = await actors.createActor(db, principal, territory, formToObject(form));
    return { redirect: `${detailsPath(territory.slug, created.id)}?cree=1` };
  });
}

export async function updateActorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await actors.updateActor(db, principal, territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: "Les modifications sont enregistrées." };
  });
}

export async function setFollowUpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await actors.setFollowUp(db, principal, territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: "Le suivi de la structure est enregistré." };
  });
}

export async function addContactAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const contact = await actors.addContact(db, principal, territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: `Contact ajouté : ${contact.name}.` };
  });
}

/** A plain form (one button per contact): works without JavaScript and comes back to the page. */
export async function removeContactAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, detailsPath(String(form.get("territory") ?? ""), actorIdOf(form)), async ({ db, principal, territory }) => {
    await actors.removeContact(db, principal, territory, actorIdOf(form), String(form.get("contact") ?? ""));
    return { redirect: `${detailsPath(territory.slug, actorIdOf(form))}?contact=retire` };
  });
}

export async function linkMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const person = await actors.linkMember(db, principal, territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: `${person.name} peut désormais modifier cette structure.` };
  });
}

export async function unlinkMemberAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, detailsPath(String(form.get("territory") ?? ""), actorIdOf(form)), async ({ db, principal, territory }) => {
    await actors.unlinkMember(db, principal, territory, actorIdOf(form), String(form.get("user") ?? ""));
    return { redirect: `${detailsPath(territory.slug, actorIdOf(form))}?lien=retire` };
  });
}

/** A partner asks to speak for a structure (workspace home): recorded for the coordination to confirm. */
export async function requestToSpeakAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const actorId = actorIdOf(form);
    if (!actorId) throw new AppError("validation", { fieldErrors: { actor: ["Choisissez votre structure dans la liste."] } });
    await actors.requestToSpeak(db, principal, territory, actorId);
    return { redirect: `/espace/${territory.slug}?demande=1` };
  });
}

/** The coordination confirms or refuses a request (one plain form per button, works without JavaScript). */
export async function answerSpeakerRequestAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, detailsPath(String(form.get("territory") ?? ""), actorIdOf(form)), async ({ db, principal, territory }) => {
    const { decision } = await actors.answerSpeakerRequest(db, principal, territory, actorIdOf(form), formToObject(form));
    return { redirect: `${detailsPath(territory.slug, actorIdOf(form))}?${decision === "confirm" ? "demande=confirmee" : "demande=refusee"}` };
  });
}
