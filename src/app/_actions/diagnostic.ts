"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { saveCoverageSettings } from "@/modules/diagnostic/settings";
import { deleteIndicator, importIndicators } from "@/modules/diagnostic/indicators";
import { publishReport } from "@/composition/etat-des-lieux/report";
import { dropUpload, keepUpload, requireUpload } from "@/modules/places/uploads";
import { INDICATORS_LIMIT_LABEL, MAX_INDICATORS_BYTES } from "@/platform/files/limits";
import { readingFile } from "@/platform/files/slots";
import { uploadedFile } from "@/platform/files/upload";

async function territoryFrom(form: FormData) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
  if (!territory) throw new AppError("not_found");
  return territory;
}

export async function saveCoverageSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await saveCoverageSettings(db, await getCurrentActor(), territory, formToObject(form));
    revalidatePath(`/espace/${territory.slug}/diagnostic`);
    return { status: "success", message: "Les réglages sont enregistrés : les chiffres ci-dessous en tiennent compte." };
  });
}

/** Step 1: check the file (nothing written) and keep it for step 2. */
export async function checkIndicatorsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const file = uploadedFile(form, "file", { maxBytes: MAX_INDICATORS_BYTES, limitLabel: INDICATORS_LIMIT_LABEL, missing: "Choisissez un fichier CSV ou XLSX." });
    const actor = await getCurrentActor();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const report = await readingFile(territory.id, () => importIndicators(db, actor, territory, { bytes, filename: file.name, dryRun: true }));
    const token = await keepUpload(db, actor, territory, bytes, file.name);
    return { status: "success", result: { report: JSON.stringify(report), token, filename: file.name } };
  });
}

/** Step 2: import the checked file in one transaction. */
export async function commitIndicatorsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const actor = await getCurrentActor();
    const token = String(form.get("upload") ?? "");
    const upload = await requireUpload(db, actor, territory, token, "Le fichier vérifié n'est plus disponible (plus d'une heure) : vérifiez-le à nouveau.");
    const report = await readingFile(territory.id, () => importIndicators(db, actor, territory, { ...upload, dryRun: false }));
    await dropUpload(db, actor, territory, token);
    revalidatePath(`/espace/${territory.slug}/diagnostic`);
    return { status: "success", result: { report: JSON.stringify(report), filename: upload.filename } };
  });
}

export async function deleteIndicatorAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await deleteIndicator(db, await getCurrentActor(), territory, String(form.get("indicator") ?? ""));
    revalidatePath(`/espace/${territory.slug}/diagnostic/indicateurs`);
    return { status: "success", message: "L'indicateur est supprimé." };
  });
}

export async function publishReportAction(_: ActionState, form: FormData): Promise<ActionState> {
  let target = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const { version } = await publishReport(db, await getCurrentActor(), territory);
    target = `/espace/${territory.slug}/diagnostic/etat-des-lieux?version=${version}&publie=${version}`;
  });
  if (state.status === "success") redirect(target);
  return state;
}
