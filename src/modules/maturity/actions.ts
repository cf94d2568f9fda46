"use server";

import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { submitAssessment } from "@/modules/maturity/commands";
import { findTerritoryBySlug } from "@/modules/territories/queries";

// Thin: read the form, call the module's command (which checks the policy again), say what happened.

export async function submitAssessmentAction(_: ActionState, form: FormData): Promise<ActionState> {
  let path = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
    if (!territory) throw new AppError("not_found");
    const actorId = String(form.get("actor") ?? "");
    await submitAssessment(db, await getCurrentActor(), territory, actorId, formToObject(form));
    path = `/espace/${territory.slug}/acteurs/${actorId}/maturite`;
  });
  // Back to the top of the page, where the radar and its table now show the new answers.
  if (state.status === "success") redirect(`${path}?enregistre=1`);
  return state;
}
