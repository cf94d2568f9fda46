"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { resolveCommunesAsWritten, territoryAction, territoryPlainAction } from "@/modules/territories";
import * as plan from "@/modules/plan/commands";

// Thin: read the form, call the module's command (which applies the policy), say where to go. Buttons of a row
// (done, delete, up, down…) are plain forms that work without JavaScript; they carry an `op` the command names.

const planPath = (slug: string) => `/espace/${slug}/plan`;
const sheetPath = (slug: string, id: string) => `/espace/${slug}/plan/actions/${id}`;
const versionsPath = (slug: string) => `/espace/${slug}/plan/versions`;
const actionOf = (form: FormData) => String(form.get("action") ?? "");
const slugOf = (form: FormData) => String(form.get("territory") ?? "");

/** The form names communes as people write them; the command takes INSEE codes (the shared resolver). */
async function withCommuneCodes(db: Db, territoryId: string, form: FormData): Promise<Record<string, unknown>> {
  const raw = formToObject(form);
  const match = await resolveCommunesAsWritten(db, territoryId, String(form.get("communesText") ?? ""), { scope: "territory", list: true });
  if (match.problems.length) throw new AppError("validation", { fieldErrors: { communesText: match.problems } });
  return { ...raw, communes: match.codes };
}

export async function createPlanActionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await plan.createAction(db, principal, territory, await withCommuneCodes(db, territory.id, form));
    return { redirect: `${sheetPath(territory.slug, id)}?cree=1` };
  });
}

/** Saves the action; a concurrent save comes back as a 409 on the form, with everything typed kept. */
export async function updatePlanActionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await plan.updateAction(db, principal, territory, actionOf(form), await withCommuneCodes(db, territory.id, form));
    return { redirect: `${sheetPath(territory.slug, actionOf(form))}?modifie=1` };
  });
}

export async function setActionStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await plan.setActionStatus(db, principal, territory, actionOf(form), formToObject(form));
    revalidatePath(sheetPath(territory.slug, actionOf(form)));
    return { status: "success", message: "Le statut est enregistré." };
  });
}

const rowMessages = {
  step: ["L'étape est ajoutée.", "L'étape est modifiée."],
  budget: ["La ligne de budget est ajoutée.", "La ligne de budget est modifiée."],
  funding: ["Le financement est ajouté.", "Le financement est modifié."],
  inkind: ["L'apport en nature est ajouté.", "L'apport en nature est modifié."],
  document: ["Le document est ajouté.", "Le document est modifié."],
  indicator: ["L'indicateur est ajouté.", "L'indicateur est modifié."],
  partner: ["La structure partenaire est enregistrée.", "La structure partenaire est enregistrée."],
} as const;
type RowKind = keyof typeof rowMessages;
const isRowKind = (k: string): k is RowKind => k in rowMessages;

/** Adds a row to an action (`kind`), or edits one (`row`: steps, budget lines, co-funding). */
export async function saveActionRowAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const kind = String(form.get("kind") ?? "");
    const row = String(form.get("row") ?? "");
    const id = actionOf(form);
    const raw = formToObject(form);
    if (!isRowKind(kind)) throw new AppError("not_found");
    if (row && kind === "step") await plan.updateStep(db, principal, territory, id, row, raw);
    else if (row && kind === "budget") await plan.updateBudgetLine(db, principal, territory, id, row, raw);
    else if (row && kind === "funding") await plan.updateFunding(db, principal, territory, id, row, raw);
    else if (row) throw new AppError("not_found");
    else if (kind === "step") await plan.addStep(db, principal, territory, id, raw);
    else if (kind === "budget") await plan.addBudgetLine(db, principal, territory, id, raw);
    else if (kind === "funding") await plan.addFunding(db, principal, territory, id, raw);
    else if (kind === "inkind") await plan.addInKind(db, principal, territory, id, raw);
    else if (kind === "document") await plan.addDocument(db, principal, territory, id, raw);
    else if (kind === "indicator") await plan.addIndicator(db, principal, territory, id, raw);
    else await plan.setPartner(db, principal, territory, id, raw);
    revalidatePath(sheetPath(territory.slug, id));
    return { status: "success", message: rowMessages[kind][row ? 1 : 0] };
  });
}

/** One button of a row: a step done / not done / deleted, a budget line, funding, in-kind… deleted. */
export async function actionRowButtonAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, sheetPath(slugOf(form), actionOf(form)), async ({ db, principal, territory }) => {
    const id = actionOf(form);
    const row = String(form.get("row") ?? "");
    const kind = String(form.get("kind") ?? "");
    const op = String(form.get("op") ?? "");
    if (kind === "step" && op === "done") await plan.setStepDone(db, principal, territory, id, row, true);
    else if (kind === "step" && op === "undone") await plan.setStepDone(db, principal, territory, id, row, false);
    else if (op !== "delete") throw new AppError("not_found");
    else if (kind === "step") await plan.deleteStep(db, principal, territory, id, row);
    else if (kind === "budget") await plan.deleteBudgetLine(db, principal, territory, id, row);
    else if (kind === "funding") await plan.deleteFunding(db, principal, territory, id, row);
    else if (kind === "inkind") await plan.deleteInKind(db, principal, territory, id, row);
    else if (kind === "document") await plan.deleteDocument(db, principal, territory, id, row);
    else if (kind === "indicator") await plan.deleteIndicator(db, principal, territory, id, row);
    else if (kind === "partner") await plan.removePartner(db, principal, territory, id, row);
    else throw new AppError("not_found");
    return { redirect: `${sheetPath(territory.slug, id)}?ligne=${op === "delete" ? "supprimee" : op === "done" ? "faite" : "a-faire"}#${kind}` };
  });
}

/** The plan's buttons on an action: move up / down within its axis, duplicate, delete. */
export async function arrangeActionAction(form: FormData): Promise<void> {
  const op = String(form.get("op") ?? "");
  const back = op === "up" || op === "down" ? planPath(slugOf(form)) : sheetPath(slugOf(form), actionOf(form));
  await territoryPlainAction(form, back, async ({ db, principal, territory }) => {
    const id = actionOf(form);
    if (op === "up" || op === "down") {
      await plan.moveAction(db, principal, territory, id, op);
      return { redirect: `${planPath(territory.slug)}?deplace=1#action-${id}` };
    }
    if (op === "duplicate") {
      const copy = await plan.duplicateAction(db, principal, territory, id);
      return { redirect: `${sheetPath(territory.slug, copy.id)}?copie=1` };
    }
    if (op === "delete") {
      await plan.deleteAction(db, principal, territory, id);
      return { redirect: `${planPath(territory.slug)}?supprime=1` };
    }
    throw new AppError("not_found");
  });
}

export async function createVersionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { number } = await plan.createVersion(db, principal, territory, formToObject(form));
    return { redirect: `${versionsPath(territory.slug)}?nouvelle=${number}` };
  });
}

/** Freeze, publish or withdraw a version (plain buttons of the versions list). */
export async function versionButtonAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, versionsPath(slugOf(form)), async ({ db, principal, territory }) => {
    const op = String(form.get("op") ?? "");
    const number = Number(form.get("number") ?? "");
    if (op === "unpublish") await plan.unpublishPlan(db, principal, territory);
    else if (!Number.isInteger(number)) throw new AppError("not_found");
    else if (op === "freeze") await plan.freezeVersion(db, principal, territory, number);
    else if (op === "publish") await plan.publishVersion(db, principal, territory, number);
    else throw new AppError("not_found");
    return { redirect: `${versionsPath(territory.slug)}?${op === "freeze" ? "figee" : op === "publish" ? "publiee" : "retiree"}=${number || ""}` };
  });
}

export async function inKindSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await plan.setInKindValuation(db, principal, territory, formToObject(form));
    revalidatePath(versionsPath(territory.slug));
    return { status: "success", message: "La valorisation des apports en nature est enregistrée." };
  });
}
