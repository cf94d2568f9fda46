"use server";

import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { importPlaces } from "@/modules/places/commands";
import { dropUpload, keepUpload, takeUpload } from "@/modules/places/uploads";
import { mergePlaces } from "@/modules/places/duplicates";

const MAX_BYTES = 20 * 1024 * 1024;

async function territoryFrom(form: FormData) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
  if (!territory) throw new AppError("not_found");
  return territory;
}

/** Step 1: check the file (nothing written) and keep it for step 2. */
export async function checkPlacesFileAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db, env } = await getRuntime();
    const territory = await territoryFrom(form);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("validation", { fieldErrors: { file: ["Choisissez un fichier CSV ou JSON."] } });
    if (file.size > MAX_BYTES) throw new AppError("validation", { fieldErrors: { file: ["Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers."] } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await importPlaces(db, await getCurrentActor(), { bytes, filename: file.name, territory, dryRun: true });
    const token = keepUpload(env.dataDir, bytes, file.name);
    return { status: "success", result: { report: JSON.stringify(report), token, filename: file.name } };
  });
}

/** Step 2: import the checked file, in one transaction. */
export async function commitPlacesFileAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db, env } = await getRuntime();
    const territory = await territoryFrom(form);
    const token = String(form.get("upload") ?? "");
    const upload = takeUpload(env.dataDir, token);
    if (!upload) throw new AppError("invalid_token", { message: "Le fichier vérifié n'est plus disponible (plus d'une heure) : vérifiez-le à nouveau." });
    const report = await importPlaces(db, await getCurrentActor(), { ...upload, territory, dryRun: false });
    dropUpload(env.dataDir, token);
    return { status: "success", result: { report: JSON.stringify(report), filename: upload.filename } };
  });
}

/** Merges two records of the same place (the one kept keeps its identity). */
export async function mergePlacesAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await mergePlaces(db, await getCurrentActor(), territory, String(form.get("keep") ?? ""), String(form.get("remove") ?? ""));
    return { status: "success", message: "Les deux fiches sont fusionnées. Rechargez la page pour voir les autres doublons possibles." };
  });
}
