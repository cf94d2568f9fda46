"use server";

import { revalidatePath } from "next/cache";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { AppError } from "@/platform/errors";
import { territoryAction } from "@/modules/territories";
import { createIndicator, findIndicator, updateIndicator } from "@/modules/indicators";
import { addIndicator } from "@/modules/plan";
import { territoryPortrait } from "@/modules/diagnostic";
import { computedKeys } from "./catalogue";
import { publishEvaluation } from "./report";

// Thin, like the modules' actions; here because they read the computed catalogue (composition) or several modules.

const base = (slug: string) => `/espace/${slug}/evaluation`;

export async function createIndicatorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await createIndicator(db, principal, territory, formToObject(form), computedKeys);
    return { redirect: `${base(territory.slug)}/indicateurs/${id}?ajoute=indicateur` };
  });
}

export async function updateIndicatorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const id = String(form.get("indicator") ?? "");
    await updateIndicator(db, principal, territory, id, formToObject(form), computedKeys);
    return { redirect: `${base(territory.slug)}/indicateurs/${id}?modifie=indicateur` };
  });
}

export async function publishEvaluationAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { version } = await publishEvaluation(db, principal, territory, formToObject(form));
    return { redirect: `${base(territory.slug)}/rapport?version=${version}&publie=1` };
  });
}

/**
 * The action sheet's indicator picker (issue 12's leftover): `choice` is a diagnostic indicator's key (built-in or
 * the territory's imported ones, as the plan already stores them) or `evaluation:<id>` for an indicator of the
 * evaluation; its name is looked up here, then the plan's own command links it (policy, transaction, audit).
 */
export async function pickActionIndicatorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const choice = String(form.get("choice") ?? "").trim();
    const actionId = String(form.get("action") ?? "");
    let label: string | undefined;
    if (choice.startsWith("evaluation:")) label = (await findIndicator(db, territory.id, choice.slice("evaluation:".length)))?.name;
    else if (choice) label = (await territoryPortrait(db, territory.id)).indicators.find((i) => i.id === choice)?.label;
    if (!label) throw new AppError("validation", { fieldErrors: { choice: ["Choisissez un indicateur dans la liste."] } });
    await addIndicator(db, principal, territory, actionId, { indicatorKey: choice, label });
    revalidatePath(`/espace/${territory.slug}/plan/actions/${actionId}`);
    return { status: "success", message: `L'indicateur « ${label} » est ajouté à l'action.` };
  });
}
