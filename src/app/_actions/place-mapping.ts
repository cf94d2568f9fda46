"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import { runAction, runPlainAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { parisToday } from "@/platform/dates";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { keepUpload } from "@/modules/places/uploads";
import { deleteMapping, saveMapping } from "@/modules/places/mapping/commands";
import { readProducerFile } from "@/modules/places/mapping/read";
import { MAX_UPLOAD_BYTES, UPLOAD_LIMIT_LABEL } from "@/platform/files/limits";
import { jsonDepthExceeds } from "@/platform/files/json";
import { readingFile } from "@/platform/files/slots";
import { uploadedFile } from "@/platform/files/upload";
import { columnMappingSchema, mappingFromForm } from "@/modules/places/mapping/validation";
import { authorizeUse, formValues, importMapped, openUpload, previewMapping, reportView } from "@/modules/places/mapping/wizard";

// Thin: read the form, call the module (which checks the policy again), say what happened.

async function context(form: FormData) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
  if (!territory) throw new AppError("not_found");
  const actor = await getCurrentActor();
  authorizeUse(actor, territory);
  return { db, territory, actor };
}

function jsonOrNull(text: string): unknown {
  if (jsonDepthExceeds(text)) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const pagePath = (slug: string) => `/espace/${slug}/lieux/colonnes`;

/** Step 1: keep the producer's file (if it can be read) and open the mapping form. */
export async function uploadForMappingAction(_: ActionState, form: FormData): Promise<ActionState> {
  let target = "";
  const state = await runAction(form, async () => {
    const { db, territory, actor } = await context(form);
    const file = uploadedFile(form, "file", { maxBytes: MAX_UPLOAD_BYTES, limitLabel: UPLOAD_LIMIT_LABEL, missing: "Choisissez un fichier CSV, XLSX ou JSON." });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await readingFile(territory.id, () => readProducerFile(bytes, file.name));
    if (!read.ok) throw new AppError("validation", { message: read.error, fieldErrors: { file: [read.error] } });
    const query = new URLSearchParams({ fichier: await keepUpload(db, actor, territory, bytes, file.name) });
    const saved = String(form.get("correspondance") ?? "");
    if (saved) query.set("correspondance", saved);
    target = `${pagePath(territory.slug)}?${query}`;
  });
  if (state.status === "success") redirect(target);
  return state;
}

/** Step 2 and 3: preview, save the mapping, check (dry run) or import — one form, one state. */
export async function placeMappingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async (): Promise<ActionState> => {
    const ctx = await context(form);
    // Every step reads the kept file again: one reading at a time per territory, as for the upload.
    return readingFile(ctx.territory.id, () => mappingStep(form, ctx));
  });
}

async function mappingStep(form: FormData, { db, territory, actor }: Awaited<ReturnType<typeof context>>): Promise<ActionState> {
  const opened = await openUpload(db, actor, territory, String(form.get("fichier") ?? ""));
  if (!opened.ok) throw new AppError(opened.found ? "invalid_token" : "not_found", { message: opened.error });
  const { table, filename } = opened;
  const intent = String(form.get("intent") ?? "");

  if (intent === "importer") {
    const parsed = columnMappingSchema.safeParse(jsonOrNull(String(form.get("mapping_json") ?? "")));
    if (!parsed.success || Object.values(parsed.data.fields).some((c) => !table.columns.includes(c))) {
      throw new AppError("validation", { message: "La correspondance vérifiée est illisible : vérifiez le fichier à nouveau." });
    }
    const today = String(form.get("today") ?? "");
    const report = await importMapped(db, actor, { territory, table, filename, mapping: parsed.data, today: /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : parisToday(), dryRun: false });
    revalidatePath(`/territoires/${territory.slug}/lieux`);
    return { status: "success", values: formValues(parsed.data), result: { kind: "done", report: JSON.stringify(reportView(report)) } };
  }

  const { mapping, fieldErrors } = mappingFromForm(formToObject(form), table.columns);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });
  const values = formValues(mapping);

  if (intent === "enregistrer") {
    const name = String(form.get("name") ?? "");
    const saved = await saveMapping(db, actor, territory, { name, mapping });
    revalidatePath(pagePath(territory.slug));
    const message = saved.replaced ? `La correspondance « ${saved.mapping.name} » est mise à jour.` : `La correspondance « ${saved.mapping.name} » est enregistrée : choisissez-la lors du prochain dépôt.`;
    return { status: "success", message, values: { ...values, name: saved.mapping.name }, result: { kind: "saved" } };
  }
  if (intent === "verifier") {
    const today = parisToday();
    const report = await importMapped(db, actor, { territory, table, filename, mapping, today, dryRun: true });
    return { status: "success", values, result: { kind: "report", report: JSON.stringify(reportView(report)), mapping: JSON.stringify(mapping), today } };
  }
  return { status: "success", values, result: { kind: "preview", preview: JSON.stringify(previewMapping(table, mapping)) } };
}

/** A plain form per saved mapping: works without JavaScript and comes back to the page. */
export async function deletePlaceMappingAction(form: FormData): Promise<void> {
  const token = String(form.get("fichier") ?? "");
  await runPlainAction(`${pagePath(String(form.get("territory") ?? ""))}${token ? `?${new URLSearchParams({ fichier: token })}` : ""}`, () => deleteMappingStep(form));
}

async function deleteMappingStep(form: FormData): Promise<void> {
  const { db, territory, actor } = await context(form);
  // Already deleted (a second click, another tab): the page simply no longer lists it.
  const deleted = await deleteMapping(db, actor, territory, String(form.get("id") ?? "")).catch((e: unknown) => {
    if (e instanceof AppError && e.id === "not_found") return undefined;
    throw e;
  });
  const query = new URLSearchParams(deleted ? { supprimee: deleted.name.slice(0, 100) } : {});
  const token = String(form.get("fichier") ?? "");
  if (token) query.set("fichier", token);
  redirect(`${pagePath(territory.slug)}?${query}`);
}
