"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import { runAction, runPlainAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import * as actors from "@/modules/actors/commands";
import { findTerritoryBySlug } from "@/modules/territories/queries";

// Thin: read the form, call the module's command (which checks the policy again), say what happened.

async function territoryFrom(form: FormData) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
  if (!territory) throw new AppError("not_found");
  return territory;
}

const actorIdOf = (form: FormData) => String(form.get("actor") ?? "");
const detailsPath = (slug: string, actorId: string) => `/espace/${slug}/acteurs/${actorId}`;

export async function createActorAction(_: ActionState, form: FormData): Promise<ActionState> {
  let path = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const created = await actors.createActor(db, await getCurrentActor(), territory, formToObject(form));
    path = detailsPath(territory.slug, created.id);
  });
  if (state.status === "success") redirect(`${path}?cree=1`);
  return state;
}

export async function updateActorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await actors.updateActor(db, await getCurrentActor(), territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: "Les modifications sont enregistrées." };
  });
}

export async function setFollowUpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await actors.setFollowUp(db, await getCurrentActor(), territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: "Le suivi de la structure est enregistré." };
  });
}

export async function addContactAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const contact = await actors.addContact(db, await getCurrentActor(), territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: `Contact ajouté : ${contact.name}.` };
  });
}

/** A plain form (one button per contact): works without JavaScript and comes back to the page. */
export async function removeContactAction(form: FormData): Promise<void> {
  await runPlainAction(detailsPath(String(form.get("territory") ?? ""), actorIdOf(form)), async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await actors.removeContact(db, await getCurrentActor(), territory, actorIdOf(form), String(form.get("contact") ?? ""));
    redirect(`${detailsPath(territory.slug, actorIdOf(form))}?contact=retire`);
  });
}

export async function linkMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const person = await actors.linkMember(db, await getCurrentActor(), territory, actorIdOf(form), formToObject(form));
    revalidatePath(detailsPath(territory.slug, actorIdOf(form)));
    return { status: "success", message: `${person.name} peut désormais modifier cette structure.` };
  });
}

export async function unlinkMemberAction(form: FormData): Promise<void> {
  await runPlainAction(detailsPath(String(form.get("territory") ?? ""), actorIdOf(form)), async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await actors.unlinkMember(db, await getCurrentActor(), territory, actorIdOf(form), String(form.get("user") ?? ""));
    redirect(`${detailsPath(territory.slug, actorIdOf(form))}?lien=retire`);
  });
}
