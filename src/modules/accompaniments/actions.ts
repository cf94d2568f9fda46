"use server";

import { randomUUID } from "node:crypto";
import { parisToday } from "@/platform/dates";
import { AppError } from "@/platform/errors";
import { receiveUpload } from "@/platform/files/upload";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import { deleteAccompaniment, recordAccompaniment, updateAccompaniment } from "@/modules/accompaniments/commands";
import { ACCOMPANIMENTS_FILE, importAccompaniments } from "@/modules/accompaniments/import";
import { accompanimentPolicy } from "@/modules/accompaniments/policy";
import { lastRecordOf } from "@/modules/accompaniments/queries";
import { recordFields } from "@/modules/accompaniments/validation";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

const base = (slug: string) => `/espace/${slug}/accompagnements`;

/** The record form (with or without JavaScript): saved, the page comes back empty with a new client id. */
export async function recordAccompanimentAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await recordAccompaniment(db, principal, territory, recordFields(formToObject(form)));
    return { redirect: `${base(territory.slug)}?enregistre=${id.slice(0, 8)}` };
  });
}

/**
 * An entry kept in the browser while offline, sent when the network is back (the queue's island calls it):
 * no redirect, the queue only needs to know it landed. Its client id makes a second sending land once.
 */
export async function sendQueuedAccompanimentAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const input = recordFields(formToObject(form));
    if (!input.clientId) throw new AppError("validation", { fieldErrors: { clientId: ["Identifiant d'envoi manquant."] } });
    const { created } = await recordAccompaniment(db, principal, territory, input);
    return { status: "success", message: created ? "Accompagnement envoyé." : "Accompagnement déjà reçu." };
  });
}

export async function updateAccompanimentAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await updateAccompaniment(db, principal, territory, String(form.get("record") ?? ""), recordFields(formToObject(form)));
    return { redirect: `${base(territory.slug)}?modifie=1` };
  });
}

export async function deleteAccompanimentAction(form: FormData): Promise<void> {
  const slug = String(form.get("territory") ?? "");
  await territoryPlainAction(form, base(slug), async ({ db, principal, territory }) => {
    await deleteAccompaniment(db, principal, territory, String(form.get("record") ?? ""));
    return { redirect: `${base(territory.slug)}?supprime=1` };
  });
}

/** « Dupliquer le dernier » : the person's last record again, dated today, in one tap. */
export async function duplicateLastAction(form: FormData): Promise<void> {
  const slug = String(form.get("territory") ?? "");
  await territoryPlainAction(
    form,
    base(slug),
    async ({ db, principal, territory }) => {
      const last = principal.kind === "user" ? await lastRecordOf(db, territory.id, principal.userId) : undefined;
      if (!last) throw new AppError("not_found");
      const { id } = await recordAccompaniment(db, principal, territory, {
        ...last,
        occurredOn: parisToday(),
        // A new entry: its own client id, so that a second tap on the same page lands once.
        clientId: String(form.get("clientId") ?? "") || randomUUID(),
      });
      return { redirect: `${base(territory.slug)}?enregistre=${id.slice(0, 8)}&duplique=1` };
    },
    { allow: accompanimentPolicy.record },
  );
}

/** The CSV import: every line checked; one refused and nothing is written (the report says which and why). */
export async function importAccompanimentsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(
    form,
    async ({ db, principal, territory }) => {
      const { bytes, filename } = await receiveUpload(form, ACCOMPANIMENTS_FILE);
      const report = await importAccompaniments(db, principal, territory, bytes);
      if (report.fileError) throw new AppError("file_refused", { message: report.fileError, fieldErrors: { file: [report.fileError] } });
      if (report.errors.length) return { status: "error", message: `Rien n'a été importé : ${report.errors.length} ligne${report.errors.length > 1 ? "s" : ""} sur ${report.lines} à corriger.`, result: { report: JSON.stringify(report), filename } };
      return { status: "success", message: `${report.imported} accompagnement${report.imported > 1 ? "s" : ""} importé${report.imported > 1 ? "s" : ""} depuis ${filename}.`, result: { report: JSON.stringify(report), filename } };
    },
    { allow: accompanimentPolicy.import },
  );
}
