"use server";

import type { ActionState } from "@/platform/web/action";
import { territoryAction } from "@/modules/territories";
import { deleteAxis, deleteObjective } from "@/modules/strategy";
import { strategyUsage } from "./usage";

// The two deletes of the strategy that must name the plan's actions still pointing to what is deleted: the
// plan is above strategy, so these actions live in the composition layer (decision 024); the write itself is
// strategy's command (one transaction, one audit event).

export async function deleteObjectiveAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await deleteObjective(db, principal, territory, String(form.get("objective") ?? ""), strategyUsage);
    return { redirect: `/espace/${territory.slug}/strategie?supprime=objectif#objectifs` };
  });
}

export async function deleteAxisAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await deleteAxis(db, principal, territory, String(form.get("axis") ?? ""), strategyUsage);
    return { redirect: `/espace/${territory.slug}/strategie?supprime=axe#axes` };
  });
}
