"use server";

import { revalidatePath } from "next/cache";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import * as strategy from "@/modules/strategy/commands";

// Thin: read the form, call the module's command (which applies the policy), say what happened.
// The deletes live in src/composition/strategy/actions.ts: they name the plan's actions that still use the record.

const page = (slug: string) => `/espace/${slug}/strategie`;

export async function saveVisionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await strategy.setVision(db, principal, territory, formToObject(form));
    revalidatePath(page(territory.slug));
    return { status: "success", message: "La vision est enregistrée." };
  });
}

export async function createAxisAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await strategy.createAxis(db, principal, territory, formToObject(form));
    return { redirect: `${page(territory.slug)}?ajoute=axe#axes` };
  });
}

export async function updateAxisAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await strategy.updateAxis(db, principal, territory, String(form.get("axis") ?? ""), formToObject(form));
    return { redirect: `${page(territory.slug)}?modifie=axe#axes` };
  });
}

export async function moveAxisAction(form: FormData): Promise<void> {
  const slug = String(form.get("territory") ?? "");
  return territoryPlainAction(form, page(slug), async ({ db, principal, territory }) => {
    await strategy.moveAxis(db, principal, territory, String(form.get("axis") ?? ""), formToObject(form));
    return { redirect: `${page(territory.slug)}#axe-${String(form.get("axis"))}` };
  });
}

export async function createObjectiveAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await strategy.createObjective(db, principal, territory, formToObject(form));
    return { redirect: `${page(territory.slug)}?ajoute=objectif#objectifs` };
  });
}

export async function updateObjectiveAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await strategy.updateObjective(db, principal, territory, String(form.get("objective") ?? ""), formToObject(form));
    return { redirect: `${page(territory.slug)}?modifie=objectif#objectifs` };
  });
}

export async function moveObjectiveAction(form: FormData): Promise<void> {
  const slug = String(form.get("territory") ?? "");
  return territoryPlainAction(form, page(slug), async ({ db, principal, territory }) => {
    await strategy.moveObjective(db, principal, territory, String(form.get("objective") ?? ""), formToObject(form));
    return { redirect: `${page(territory.slug)}#objectif-${String(form.get("objective"))}` };
  });
}
