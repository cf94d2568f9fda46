"use server";

import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { setPlatformAdmin } from "@/modules/accounts/admin";

export async function setAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const grant = form.get("grant") === "1";
    const email = String(form.get("email") ?? "");
    await setPlatformAdmin(db, await getCurrentActor(), email, grant);
    return { status: "success", message: grant ? `${email} administre désormais la plateforme.` : `${email} n'administre plus la plateforme.` };
  });
}
