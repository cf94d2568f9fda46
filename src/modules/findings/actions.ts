"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { resolveCommunesAsWritten } from "@/modules/territories";
import { territoryAction } from "@/modules/territories";
import * as findings from "@/modules/findings/commands";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

const listPath = (slug: string) => `/espace/${slug}/constats`;

/** The form names communes as people write them ("Soyaux, 16000"); the command takes INSEE codes (one shared resolver). */
async function withCommuneCodes(db: Db, territoryId: string, form: FormData): Promise<Record<string, unknown>> {
  const raw = formToObject(form);
  const match = await resolveCommunesAsWritten(db, territoryId, String(form.get("communesText") ?? ""), { scope: "territory", list: true });
  if (match.problems.length) throw new AppError("validation", { fieldErrors: { communesText: match.problems } });
  return { ...raw, communes: match.codes };
}

export async function createFindingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await findings.createFinding(db, principal, territory, await withCommuneCodes(db, territory.id, form));
    return { redirect: `${listPath(territory.slug)}?ajoute=1` };
  });
}

export async function updateFindingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await findings.updateFinding(db, principal, territory, String(form.get("finding") ?? ""), await withCommuneCodes(db, territory.id, form));
    return { redirect: `${listPath(territory.slug)}?modifie=1` };
  });
}

export async function deleteFindingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await findings.deleteFinding(db, principal, territory, String(form.get("finding") ?? ""));
    return { redirect: `${listPath(territory.slug)}?supprime=1` };
  });
}

export async function mergeFindingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await findings.mergeFindings(db, principal, territory, String(form.get("finding") ?? ""), String(form.get("other") ?? ""), String(form.get("mergedText") ?? ""));
    return { redirect: `${listPath(territory.slug)}?fusionne=1` };
  });
}

export async function voteAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const now = await findings.toggleVote(db, principal, territory, String(form.get("finding") ?? ""));
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: now ? "Votre soutien est enregistré." : "Votre soutien est retiré." };
  });
}

export async function moveToGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await findings.moveToGroup(db, principal, territory, String(form.get("finding") ?? ""), String(form.get("groupId") ?? ""));
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: "Le constat a changé de groupe." };
  });
}

export async function createGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await findings.createGroup(db, principal, territory, formToObject(form));
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: "Le groupe est créé : vous pouvez y placer des constats." };
  });
}

export async function findingsSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const allowed = form.get("partnersRecordFindings") === "oui";
    await findings.setPartnersRecordFindings(db, principal, territory, allowed);
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: allowed ? "Les personnes partenaires peuvent maintenant ajouter des constats." : "Seule la coordination ajoute des constats." };
  });
}
