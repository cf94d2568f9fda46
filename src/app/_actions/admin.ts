"use server";

import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { setPlatformAdmin } from "@/modules/accounts/admin";
import { reviewTerritory } from "@/modules/territories/commands";
import { revalidatePath } from "next/cache";

export async function setAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const grant = form.get("grant") === "1";
    const email = String(form.get("email") ?? "");
    await setPlatformAdmin(db, await getCurrentActor(), email, grant);
    return { status: "success", message: grant ? `${email} administre désormais la plateforme.` : `${email} n'administre plus la plateforme.` };
  });
}

const decisionMessages = { verify: "est vérifié : sa coordination peut désormais modifier les lieux et les structures de son périmètre.", refuse: "est refusé.", suspend: "est suspendu." } as const;

export async function reviewTerritoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const decision = String(form.get("decision") ?? "");
    const territory = await reviewTerritory(db, await getCurrentActor(), String(form.get("territory") ?? ""), { decision, reason: String(form.get("reason") ?? "") });
    revalidatePath("/admin");
    return { status: "success", message: `Le territoire « ${territory.name} » ${decisionMessages[decision as keyof typeof decisionMessages] ?? "a changé d'état."}` };
  });
}
