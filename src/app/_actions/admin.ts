"use server";

import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { setPlatformAdmin } from "@/modules/accounts/admin";
import { reviewTerritory } from "@/modules/territories/commands";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

export async function setAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const grant = form.get("grant") === "1";
    const email = String(form.get("email") ?? "");
    await setPlatformAdmin(db, await getCurrentActor(), email, grant);
    return { status: "success", message: grant ? `${email} administre désormais la plateforme.` : `${email} n'administre plus la plateforme.` };
  });
}

/** On success, back to /admin with the decision told at the top (the territory's card leaves the queue). */
export async function reviewTerritoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  let target = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const decision = String(form.get("decision") ?? "");
    const territory = await reviewTerritory(db, await getCurrentActor(), String(form.get("territory") ?? ""), { decision, reason: String(form.get("reason") ?? "") });
    revalidatePath("/admin");
    target = `/admin?${new URLSearchParams({ decision, territoire: territory.slug })}`;
  });
  if (state.status === "success") redirect(target);
  return state;
}
