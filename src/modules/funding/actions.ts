"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { resolveCommunesAsWritten, territoryAction } from "@/modules/territories";
import * as funding from "@/modules/funding/commands";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

const base = (slug: string) => `/espace/${slug}/financements`;

/** The source's fields; communes as people write them, resolved to INSEE codes only when the scope is "communes". */
async function sourceFields(db: Db, territoryId: string, form: FormData): Promise<Record<string, unknown>> {
  const raw = formToObject(form);
  if (form.get("scope") !== "communes") return raw;
  const match = await resolveCommunesAsWritten(db, territoryId, String(form.get("communesText") ?? ""), { scope: "territory", list: true });
  if (match.problems.length) throw new AppError("validation", { fieldErrors: { communesText: match.problems } });
  return { ...raw, communes: match.codes };
}

/** The first deadline typed with a new source: only when a date is given (the block is optional). */
function firstDeadline(form: FormData): Record<string, unknown> | undefined {
  const date = String(form.get("deadlineDate") ?? "").trim();
  if (!date) return undefined;
  return { kind: form.get("deadlineKind") ?? "depot", date, label: form.get("deadlineLabel") ?? "" };
}

export async function createSourceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await funding.createSource(db, principal, territory, await sourceFields(db, territory.id, form), firstDeadline(form));
    return { redirect: `${base(territory.slug)}/${id}?ajoutee=1` };
  });
}

export async function updateSourceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const id = String(form.get("source") ?? "");
    await funding.updateSource(db, principal, territory, id, await sourceFields(db, territory.id, form));
    return { redirect: `${base(territory.slug)}/${id}?modifiee=1` };
  });
}

export async function deleteSourceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await funding.deleteSource(db, principal, territory, String(form.get("source") ?? ""));
    return { redirect: `${base(territory.slug)}?supprimee=1` };
  });
}

export async function addDeadlineAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const id = String(form.get("source") ?? "");
    await funding.addDeadline(db, principal, territory, id, formToObject(form));
    revalidatePath(`${base(territory.slug)}/${id}`);
    return { status: "success", message: "L'échéance est ajoutée." };
  });
}

export async function updateDeadlineAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { sourceId } = await funding.updateDeadline(db, principal, territory, String(form.get("deadline") ?? ""), formToObject(form));
    return { redirect: `${base(territory.slug)}/${sourceId}?echeance-modifiee=1` };
  });
}

export async function deleteDeadlineAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { sourceId } = await funding.deleteDeadline(db, principal, territory, String(form.get("deadline") ?? ""));
    return { redirect: `${base(territory.slug)}/${sourceId}?echeance-supprimee=1` };
  });
}

export async function createResourceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await funding.createResource(db, principal, territory, formToObject(form));
    return { redirect: `/espace/${territory.slug}/ressources?ajoutee=1` };
  });
}

export async function deleteResourceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await funding.deleteResource(db, principal, territory, String(form.get("resource") ?? ""));
    return { redirect: `/espace/${territory.slug}/ressources?supprimee=1` };
  });
}
