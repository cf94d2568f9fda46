"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { runAction, type ActionState } from "@/platform/web/action";
import { formToObject } from "@/platform/validation";
import * as accounts from "@/modules/accounts/commands";
import { nextPathSchema } from "@/modules/accounts/validation";
import { getCurrentPrincipal } from "@/platform/web/principal";
import { setPlatformAdmin } from "@/modules/accounts/admin";

export async function signUpAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { auth } = await getRuntime();
    const { message } = await accounts.signUp(auth, await headers(), formToObject(form), nextPathSchema.parse(form.get("next")));
    return { status: "success", message };
  });
}

export async function signInAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(form, async () => {
    const { auth } = await getRuntime();
    await accounts.signIn(auth, await headers(), formToObject(form));
  });
  if (state.status === "success") redirect(nextPathSchema.parse(form.get("next")));
  return state;
}

export async function signOutAction(): Promise<void> {
  const { auth } = await getRuntime();
  await accounts.signOut(auth, await headers());
  redirect("/");
}

export async function requestResetAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { auth } = await getRuntime();
    await accounts.requestPasswordReset(auth, await headers(), formToObject(form));
    return {
      status: "success",
      message: "Si un compte existe avec cette adresse, un courriel vient de lui être envoyé avec un lien valable une heure.",
    };
  });
}

export async function resetPasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction(form, async () => {
    const { auth } = await getRuntime();
    await accounts.resetPassword(auth, await headers(), formToObject(form));
  });
  if (state.status === "success") redirect("/connexion?motdepasse=modifie");
  return state;
}

export async function setAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const { db } = await getRuntime();
    const grant = form.get("grant") === "1";
    const email = String(form.get("email") ?? "");
    await setPlatformAdmin(db, await getCurrentPrincipal(), email, grant);
    return { status: "success", message: grant ? `${email} administre désormais la plateforme.` : `${email} n'administre plus la plateforme.` };
  });
}
