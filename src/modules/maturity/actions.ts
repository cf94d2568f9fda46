"use server";

import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { submitAssessment } from "@/modules/maturity/commands";
import { territoryAction } from "@/modules/territories";

// Thin: read the form, call the module's command (which checks the policy again), say what happened.

export async function submitAssessmentAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const actorId = String(form.get("actor") ?? "");
    await submitAssessment(db, principal, territory, actorId, formToObject(form));
    // Back to the top of the page, where the radar and its table now show the new answers.
    return { redirect: `/espace/${territory.slug}/acteurs/${actorId}/maturite?enregistre=1` };
  });
}
