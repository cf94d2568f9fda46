"use server";

import { CHECK_HOURS, hoursChecked } from "@/modules/places/hours/check-step";

import { getRuntime } from "@/platform/runtime";
import { jobQueue } from "@/platform/jobs/queue";
import { AppError } from "@/platform/errors";
import type { ActionState } from "@/platform/web/action";
import { territoryPolicy } from "@/modules/territories";
import { territoryAction, territoryPlainAction, type TerritoryContext } from "@/modules/territories";
import { importPlaces } from "@/modules/places/commands";
import { assertNoRunningImport, JOB_FROM_BYTES, startImportJob } from "@/modules/places/import-jobs";
import { importReportView } from "@/modules/places/import-view";
import { dropUpload, keepUpload, requireUpload } from "@/modules/places/uploads";
import { mergePlaces } from "@/modules/places/duplicates";
import { PLACES_FILE, PRODUCER_FILE } from "@/platform/files/limits";
import { readingFile } from "@/platform/files/slots";
import { receiveUpload } from "@/platform/files/upload";
import { updatePlace } from "@/modules/places/edit/commands";
import { editFields } from "@/modules/places/edit/form";
import { revalidatePath } from "next/cache";
import { formToObject } from "@/platform/validation";
import { parisToday } from "@/platform/dates";
import { deleteMapping, saveMapping } from "@/modules/places/mapping/commands";
import { readProducerFile } from "@/modules/places/mapping/read";
import { mappingPolicy } from "@/modules/places/mapping/policy";
import { jsonDepthExceeds } from "@/platform/files/json";
import { columnMappingSchema, MAPPING_FILE_MAX_BYTES, mappingFromForm, readMappingFile } from "@/modules/places/mapping/validation";
import { addConcatIntent } from "@/modules/places/mapping/form-names";
import type { ColumnMapping } from "@/modules/places/mapping/schema";
import { translationsFromForm, translationViews } from "@/modules/places/mapping/translation-view";
import { complementsOf, formValues, importMapped, openUpload, previewMapping, projectionNote, reportView } from "@/modules/places/mapping/wizard";

// Thin: read the form, call the module (which checks the policy again), say what happened.

/** The page that follows a long check or import (progress, then its report). */
const jobPage = (slug: string, job: string) => `/espace/${slug}/lieux?import=${encodeURIComponent(job)}`;

/**
 * Step 1: check the file (nothing written) and keep it for step 2. A big file is checked as a job
 * of the database's queue (import-jobs.ts): the page shows its progress, then its report.
 */
export async function checkPlacesFileAction(_: ActionState, form: FormData): Promise<ActionState> {
  // A redirect is how a form without JavaScript reaches the progress page.
  return territoryAction(
    form,
    async ({ db, principal, territory }) => {
      const { database } = await getRuntime();
      const { bytes, filename } = await receiveUpload(form, PLACES_FILE);
      await assertNoRunningImport(db, territory.id);
      if (bytes.length >= JOB_FROM_BYTES) {
        const upload = await keepUpload(db, principal, territory, bytes, filename);
        const job = await startImportJob(await jobQueue(database), { kind: "check", territory, principal, filename, upload });
        return { redirect: jobPage(territory.slug, job.id) };
      }
      const report = await readingFile(territory.id, () => importPlaces(db, principal, { bytes, filename, territory, dryRun: true }));
      const token = await keepUpload(db, principal, territory, bytes, filename);
      return { status: "success", result: { report: JSON.stringify(importReportView(report)), token, filename } };
    },
    { allow: territoryPolicy.edit },
  );
}

/** Step 2: import the checked file, in one transaction (as a job with a progress bar for a big file). */
export async function commitPlacesFileAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(
    form,
    async ({ db, principal, territory }) => {
      const { database } = await getRuntime();
      await assertNoRunningImport(db, territory.id);
      const token = String(form.get("upload") ?? "");
      // Only the person who checked the file, in this territory, may import it: anyone else gets 404.
      const upload = await requireUpload(db, principal, territory, token, "Le fichier vérifié n'est plus disponible (plus d'une heure) : vérifiez-le à nouveau.");
      if (upload.bytes.length >= JOB_FROM_BYTES) {
        const job = await startImportJob(await jobQueue(database), { kind: "commit", territory, principal, filename: upload.filename, upload: token });
        return { redirect: jobPage(territory.slug, job.id) };
      }
      const report = await readingFile(territory.id, () => importPlaces(db, principal, { ...upload, territory, dryRun: false }));
      await dropUpload(db, principal, territory, token);
      return { status: "success", result: { report: JSON.stringify(importReportView(report)), filename: upload.filename } };
    },
    { allow: territoryPolicy.edit },
  );
}

/** Merges two records of the same place (the one kept keeps its identity). */
export async function mergePlacesAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const keep = String(form.get("keep") ?? "");
    await mergePlaces(db, principal, territory, keep, String(form.get("remove") ?? ""));
    // The merged pair leaves the list (and its form with it): the page says what happened, above the list.
    return { redirect: `/espace/${territory.slug}/doublons?${new URLSearchParams({ fusion: keep })}` };
  });
}

/** Saves the edit form of a place; back on the form, dated, with the new version (or the errors). */
export async function updatePlaceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const placeId = String(form.get("place") ?? "");
    const raw: Record<string, unknown> = { version: form.get("version"), ...(form.has("actor") ? { actor: form.get("actor") } : {}) };
    for (const f of editFields) raw[f.name] = f.kind === "choices" ? form.getAll(f.name).map(String) : String(form.get(f.name) ?? "");
    for (const [name, value] of form.entries()) if (name.startsWith("grille_")) raw[name] = String(value);
    if (form.has(CHECK_HOURS)) return hoursChecked(form);
    const saved = (await updatePlace(db, principal, territory, placeId, raw)).changed.length;
    return { redirect: `/espace/${territory.slug}/lieux/${placeId}/modifier?${saved > 0 ? "enregistre=1" : "inchange=1"}` };
  });
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
  return territoryAction(
    form,
    async ({ db, territory, principal }) => {
      const { bytes, filename } = await receiveUpload(form, PRODUCER_FILE);
      const read = await readingFile(territory.id, () => readProducerFile(bytes, filename));
      if (!read.ok) throw new AppError("validation", { message: read.error, fieldErrors: { file: [read.error] } });
      const given = await mappingFromUpload(form.get("correspondance_fichier"));
      const query = new URLSearchParams({ fichier: await keepUpload(db, principal, territory, bytes, filename) });
      const saved = given ? (await saveMapping(db, principal, territory, given)).mapping.id : String(form.get("correspondance") ?? "");
      if (saved) query.set("correspondance", saved);
      return { redirect: `${pagePath(territory.slug)}?${query}` };
    },
    { allow: mappingPolicy.use },
  );
}

/**
 * The mapping file sent with the producer's file (decision 014), to be saved under its name (or the
 * file's) and applied; a file that is not a mapping is refused with what is wrong, in French.
 */
async function mappingFromUpload(entry: FormDataEntryValue | null): Promise<{ name: string; mapping: ColumnMapping } | undefined> {
  if (!(entry instanceof File) || entry.size === 0) return undefined;
  const refuse = (errors: string[]) => new AppError("validation", { message: `Le fichier de correspondance « ${entry.name.slice(0, 80)} » est refusé.`, fieldErrors: { correspondance_fichier: errors } });
  if (entry.size > MAPPING_FILE_MAX_BYTES) throw refuse(["Le fichier de correspondance dépasse 1 Mo."]);
  const read = readMappingFile(await entry.text());
  if (!read.ok) throw refuse(read.errors);
  const name = (read.name ?? entry.name.replace(/\.json$/i, "")).trim().slice(0, 100) || "Correspondance importée";
  return { name, mapping: read.mapping };
}

/** Step 2 and 3: preview, save the mapping, check (dry run) or import — one form, one state. */
export async function placeMappingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(
    form,
    // Every step reads the kept file again: one reading at a time per territory, as for the upload.
    async (ctx) => readingFile(ctx.territory.id, () => mappingStep(form, ctx)),
    { allow: mappingPolicy.use },
  );
}

async function mappingStep(form: FormData, { db, territory, principal }: TerritoryContext): Promise<ActionState> {
  const opened = await openUpload(db, principal, territory, String(form.get("fichier") ?? ""));
  if (!opened.ok) throw new AppError(opened.found ? "invalid_token" : "not_found", { message: opened.error });
  const { table, filename } = opened;
  const intent = String(form.get("intent") ?? "");

  if (intent === "importer") {
    const parsed = columnMappingSchema.safeParse(jsonOrNull(String(form.get("mapping_json") ?? "")));
    if (!parsed.success || Object.values(parsed.data.fields).some((c) => !table.columns.includes(c))) {
      throw new AppError("validation", { message: "La correspondance vérifiée est illisible : vérifiez le fichier à nouveau." });
    }
    const today = String(form.get("today") ?? "");
    const report = await importMapped(db, principal, { territory, table, filename, mapping: parsed.data, today: /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : parisToday(), dryRun: false });
    revalidatePath(`/territoires/${territory.slug}/lieux`);
    return { status: "success", values: formValues(parsed.data), result: { kind: "done", report: JSON.stringify(reportView(report)) } };
  }

  const raw = formToObject(form);
  // The translations and composed fields: those carried by the page, with the form's choices over them.
  const carried = columnMappingSchema.safeParse({ fields: {}, ...(jsonOrNull(String(form.get("complements") ?? "{}")) as object | null) });
  const base = carried.success ? carried.data : { fields: {} };
  const { mapping: selected, fieldErrors } = mappingFromForm(raw, table.columns, base.compose);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });
  const translations = translationsFromForm(raw, base.translations);
  const mapping: ColumnMapping = { ...selected, ...(translations ? { translations } : {}) };
  // « Ajouter un champ composé »: the same preview, with one empty concatenation row more.
  const values = formValues(mapping, intent === addConcatIntent ? 1 : 0);
  // The translation tables, the hidden complements and the projection's note follow every post (the choices just made stay).
  const shown = { translations: JSON.stringify(translationViews(table, mapping)), complements: complementsOf(mapping), projection: projectionNote(table, mapping) };

  if (intent === "enregistrer") {
    const name = String(form.get("name") ?? "");
    const saved = await saveMapping(db, principal, territory, { name, mapping });
    revalidatePath(pagePath(territory.slug));
    const message = saved.replaced ? `La correspondance « ${saved.mapping.name} » est mise à jour.` : `La correspondance « ${saved.mapping.name} » est enregistrée : choisissez-la lors du prochain dépôt.`;
    return { status: "success", message, values: { ...values, name: saved.mapping.name }, result: { kind: "saved", ...shown } };
  }
  if (intent === "verifier") {
    const today = parisToday();
    const report = await importMapped(db, principal, { territory, table, filename, mapping, today, dryRun: true });
    return { status: "success", values, result: { kind: "report", report: JSON.stringify(reportView(report)), mapping: JSON.stringify(mapping), today, ...shown } };
  }
  return { status: "success", values, result: { kind: "preview", preview: JSON.stringify(previewMapping(table, mapping)), ...shown } };
}

/** A plain form per saved mapping: works without JavaScript and comes back to the page. */
export async function deletePlaceMappingAction(form: FormData): Promise<void> {
  const token = String(form.get("fichier") ?? "");
  await territoryPlainAction(form, `${pagePath(String(form.get("territory") ?? ""))}${token ? `?${new URLSearchParams({ fichier: token })}` : ""}`, (ctx) => deleteMappingStep(form, ctx), { allow: mappingPolicy.use });
}

async function deleteMappingStep(form: FormData, { db, territory, principal }: TerritoryContext): Promise<{ redirect: string }> {
  // Already deleted (a second click, another tab): the page simply no longer lists it.
  const deleted = await deleteMapping(db, principal, territory, String(form.get("id") ?? "")).catch((e: unknown) => {
    if (e instanceof AppError && e.id === "not_found") return undefined;
    throw e;
  });
  const query = new URLSearchParams(deleted ? { supprimee: deleted.name.slice(0, 100) } : {});
  const token = String(form.get("fichier") ?? "");
  if (token) query.set("fichier", token);
  return { redirect: `${pagePath(territory.slug)}?${query}` };
}
