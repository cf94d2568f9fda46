"use server";

import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { formToObject } from "@/platform/validation";
import * as territories from "@/modules/territories/commands";
import { territoryAction, territoryPlainAction } from "@/modules/territories/web";
import { reviewTerritory } from "@/modules/territories/commands";
import { revalidatePath } from "next/cache";

export async function createTerritoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const values = formToObject(form);
    const picked = ([] as string[]).concat(values.pick ?? []);
    const communes = [String(values.communes ?? ""), ...picked].join("\n");
    const created = await territories.createTerritory(db, await getCurrentPrincipal(), { ...values, communes });
    slug = created.slug;
  });
  if (state.status === "success") redirect(`/espace/${slug}?cree=1`);
  return state;
}

export async function updateTerritoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await territories.updateTerritory(db, principal, territory, formToObject(form));
    return { status: "success", message: "Les modifications sont enregistrées." };
  });
}

export async function createInvitationAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { env } = await getRuntime();
    const { token, invitation } = await territories.createInvitation(db, principal, territory, formToObject(form), { days: env.INVITATION_DAYS });
    // The list of invitations below the form is server-rendered: refresh it so the new one shows at once.
    revalidatePath(`/espace/${territory.slug}/membres`);
    return {
      status: "success",
      message: "Invitation créée.",
      result: { link: `${env.baseUrl}/invitation/${token}`, expiresAt: invitation.expiresAt.toISOString(), role: invitation.role },
    };
  });
}

export async function revokeInvitationAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, `/espace/${String(form.get("territory") ?? "")}/membres`, async ({ db, principal, territory }) => {
    await territories.revokeInvitation(db, principal, territory, String(form.get("invitation") ?? ""));
    return { redirect: `/espace/${territory.slug}/membres?annulee=1` };
  });
}

export async function changeRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await territories.changeMemberRole(db, principal, territory, String(form.get("user") ?? ""), form.get("role"));
    return { status: "success", message: "Le rôle est modifié." };
  });
}

export async function removeMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await territories.removeMember(db, principal, territory, String(form.get("user") ?? ""));
    return { status: "success", message: "La personne a été retirée du territoire." };
  });
}

export async function acceptInvitationAction(_: ActionState, form: FormData): Promise<ActionState> {
  let slug = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const territory = await territories.acceptInvitation(db, await getCurrentPrincipal(), String(form.get("token") ?? ""));
    slug = territory.slug;
  });
  if (state.status === "success") redirect(`/espace/${slug}?bienvenue=1`);
  return state;
}

/** On success, back to /admin with the decision told at the top (the territory's card leaves the queue). */
export async function reviewTerritoryAction(_: ActionState, form: FormData): Promise<ActionState> {
  let target = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const decision = String(form.get("decision") ?? "");
    const territory = await reviewTerritory(db, await getCurrentPrincipal(), String(form.get("territory") ?? ""), { decision, reason: String(form.get("reason") ?? "") });
    revalidatePath("/admin");
    target = `/admin?${new URLSearchParams({ decision, territoire: territory.slug })}`;
  });
  if (state.status === "success") redirect(target);
  return state;
}
