"use server";

import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { updatePlace } from "@/modules/places/edit/commands";
import { editFields } from "@/modules/places/edit/form";

/** Saves the edit form of a place; back on the form, dated, with the new version (or the errors). */
export async function updatePlaceAction(_: ActionState, form: FormData): Promise<ActionState> {
  let path = "";
  let saved = 0;
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
    if (!territory) throw new AppError("not_found");
    const placeId = String(form.get("place") ?? "");
    const raw: Record<string, unknown> = { version: form.get("version"), ...(form.has("actor") ? { actor: form.get("actor") } : {}) };
    for (const f of editFields) raw[f.name] = f.kind === "choices" ? form.getAll(f.name).map(String) : String(form.get(f.name) ?? "");
    saved = (await updatePlace(db, await getCurrentActor(), territory, placeId, raw)).changed.length;
    path = `/espace/${territory.slug}/lieux/${placeId}/modifier`;
  });
  if (state.status === "success") redirect(`${path}?${saved > 0 ? "enregistre=1" : "inchange=1"}`);
  return state;
}
