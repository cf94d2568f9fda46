"use server";

import type { ActionState } from "@/platform/web/action";
import { deleteActor } from "@/modules/actors";
import { territoryAction } from "@/modules/territories";
import { actorUsage } from "./usage";

// The structure's delete must name what still uses it in modules above actors (plan, charter, groups…): the
// action lives in the composition layer and hands the reader to actors' command (one transaction, one audit
// event; decision 032).
export async function deleteActorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { name } = await deleteActor(db, principal, territory, String(form.get("actor") ?? ""), actorUsage);
    return { redirect: `/espace/${territory.slug}/acteurs?supprimee=${encodeURIComponent(name)}` };
  });
}
