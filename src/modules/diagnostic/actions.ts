"use server";

import { revalidatePath } from "next/cache";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction } from "@/modules/territories";
import { saveCoverageSettings } from "@/modules/diagnostic/settings";
import { deleteIndicator, importIndicators } from "@/modules/diagnostic/indicators";
import { dropUpload, keepUpload, requireUpload } from "@/modules/places";
import { INDICATORS_FILE } from "@/platform/files/limits";
import { readingFile } from "@/platform/files/slots";
import { receiveUpload } from "@/platform/files/upload";

export async function saveCoverageSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await saveCoverageSettings(db, principal, territory, formToObject(form));
    revalidatePath(`/espace/${territory.slug}/diagnostic`);
    return { status: "success", message: "Les réglages sont enregistrés : les chiffres ci-dessous en tiennent compte." };
  });
}

/** Step 1: check the file (nothing written) and keep it for step 2. */
export async function checkIndicatorsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { bytes, filename } = await receiveUpload(form, INDICATORS_FILE);
    const report = await readingFile(territory.id, () => importIndicators(db, principal, territory, { bytes, filename, dryRun: true }));
    const token = await keepUpload(db, principal, territory, bytes, filename);
    return { status: "success", result: { report: JSON.stringify(report), token, filename } };
  });
}

/** Step 2: import the checked file in one transaction. */
export async function commitIndicatorsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const token = String(form.get("upload") ?? "");
    const upload = await requireUpload(db, principal, territory, token, "Le fichier vérifié n'est plus disponible (plus d'une heure) : vérifiez-le à nouveau.");
    const report = await readingFile(territory.id, () => importIndicators(db, principal, territory, { ...upload, dryRun: false }));
    await dropUpload(db, principal, territory, token);
    revalidatePath(`/espace/${territory.slug}/diagnostic`);
    return { status: "success", result: { report: JSON.stringify(report), filename: upload.filename } };
  });
}

export async function deleteIndicatorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await deleteIndicator(db, principal, territory, String(form.get("indicator") ?? ""));
    revalidatePath(`/espace/${territory.slug}/diagnostic/indicateurs`);
    return { status: "success", message: "L'indicateur est supprimé." };
  });
}
