"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentActor } from "@/platform/web/actor";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { matchTerritoryCommunes } from "@/modules/territories/communes";
import * as findings from "@/modules/findings/commands";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

async function territoryFrom(form: FormData) {
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, String(form.get("territory") ?? ""));
  if (!territory) throw new AppError("not_found");
  return territory;
}

const listPath = (slug: string) => `/espace/${slug}/constats`;

/** The form names communes as people write them ("Soyaux, 16000"); the command takes INSEE codes. */
async function withCommuneCodes(territoryId: string, form: FormData): Promise<Record<string, unknown>> {
  const { db } = await getRuntime();
  const raw = formToObject(form);
  const typed = String(form.get("communesText") ?? "").split(/[,;\n]/);
  const match = await matchTerritoryCommunes(db, territoryId, typed);
  const problems = [
    ...match.unknown.map((e) => `« ${e} » n'est pas une commune du territoire.`),
    ...match.ambiguous.map((a) => `« ${a.entry} » désigne plusieurs communes : ${a.names.join(", ")}. Indiquez le code INSEE.`),
  ];
  if (problems.length) throw new AppError("validation", { fieldErrors: { communesText: problems } });
  return { ...raw, communes: match.codes };
}

export async function createFindingAction(_: ActionState, form: FormData): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    slug = territory.slug;
    await findings.createFinding(db, await getCurrentActor(), territory, await withCommuneCodes(territory.id, form));
  });
  if (state.status === "success") redirect(`${listPath(slug)}?ajoute=1`);
  return state;
}

export async function updateFindingAction(_: ActionState, form: FormData): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    slug = territory.slug;
    await findings.updateFinding(db, await getCurrentActor(), territory, String(form.get("finding") ?? ""), await withCommuneCodes(territory.id, form));
  });
  if (state.status === "success") redirect(`${listPath(slug)}?modifie=1`);
  return state;
}

export async function deleteFindingAction(_: ActionState, form: FormData): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    slug = territory.slug;
    await findings.deleteFinding(db, await getCurrentActor(), territory, String(form.get("finding") ?? ""));
  });
  if (state.status === "success") redirect(`${listPath(slug)}?supprime=1`);
  return state;
}

export async function mergeFindingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    slug = territory.slug;
    await findings.mergeFindings(db, await getCurrentActor(), territory, String(form.get("finding") ?? ""), String(form.get("other") ?? ""), String(form.get("mergedText") ?? ""));
  });
  if (state.status === "success") redirect(`${listPath(slug)}?fusionne=1`);
  return state;
}

export async function voteAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const now = await findings.toggleVote(db, await getCurrentActor(), territory, String(form.get("finding") ?? ""));
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: now ? "Votre soutien est enregistré." : "Votre soutien est retiré." };
  });
}

export async function moveToGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await findings.moveToGroup(db, await getCurrentActor(), territory, String(form.get("finding") ?? ""), String(form.get("groupId") ?? ""));
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: "Le constat a changé de groupe." };
  });
}

export async function createGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    await findings.createGroup(db, await getCurrentActor(), territory, formToObject(form));
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: "Le groupe est créé : vous pouvez y placer des constats." };
  });
}

export async function findingsSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territoryFrom(form);
    const allowed = form.get("partnersRecordFindings") === "oui";
    await findings.setPartnersRecordFindings(db, await getCurrentActor(), territory, allowed);
    revalidatePath(listPath(territory.slug));
    return { status: "success", message: allowed ? "Les personnes partenaires peuvent maintenant ajouter des constats." : "Seule la coordination ajoute des constats." };
  });
}
