"use server";

import { revalidatePath } from "next/cache";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import { addMember, changeRole, removeMember } from "@/modules/groups";
import * as governance from "@/modules/governance/commands";

// Thin: read the form, call the command (which applies the policy), say what happened.

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const listOf = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const listPath = (slug: string) => `/espace/${slug}/gouvernance`;
const bodyPath = (slug: string, id: string) => `${listPath(slug)}/${id}`;
/** Where a plain form comes back on error: the page it was on (kept by the form), inside the workspace only. */
const back = (form: FormData) => {
  const to = field(form, "back");
  return to.startsWith("/espace/") && !to.startsWith("//") ? to : listPath(field(form, "territory"));
};

export async function createBodyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await governance.createBody(db, principal, territory, formToObject(form));
    return { redirect: `${bodyPath(territory.slug, id)}?cree=1` };
  });
}

export async function updateBodyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await governance.updateBody(db, principal, territory, field(form, "body"), formToObject(form));
    return { redirect: `${bodyPath(territory.slug, field(form, "body"))}?modifie=1` };
  });
}

/** From the confirmation page (works without JavaScript); back to the list, which says what was deleted. */
export async function deleteBodyAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { name } = await governance.deleteBody(db, principal, territory, field(form, "body"));
    return { redirect: `${listPath(territory.slug)}?supprimee=${encodeURIComponent(name)}` };
  });
}

/** A body's members are group members: the groups' command, back to the body's page. */
export async function addBodyMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await addMember(db, principal, territory, field(form, "body"), formToObject(form));
    return { redirect: `${bodyPath(territory.slug, field(form, "body"))}?membre=ajoute#membres` };
  });
}

export async function changeBodyRoleAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await changeRole(db, principal, territory, field(form, "body"), field(form, "member"), formToObject(form));
    return { redirect: `${bodyPath(territory.slug, field(form, "body"))}?membre=role#membres` };
  });
}

export async function removeBodyMemberAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await removeMember(db, principal, territory, field(form, "body"), field(form, "member"));
    return { redirect: `${bodyPath(territory.slug, field(form, "body"))}?membre=retire#membres` };
  });
}

/** From the action sheet: the new status and the decision that caused it. */
export async function citeDecisionStatusAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await governance.changeStatusCitingDecision(db, principal, territory, field(form, "action"), formToObject(form));
    revalidatePath(`/espace/${territory.slug}/plan`);
    return { redirect: `/espace/${territory.slug}/plan/actions/${field(form, "action")}?statut-cite=1#historique-statut` };
  });
}

/** From the decisions log: the charter commitments a decision concerns. */
export async function linkCommitmentsAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await governance.linkDecisionCommitments(db, principal, territory, field(form, "decision"), { commitments: listOf(form, "commitments") });
    return { redirect: `/espace/${territory.slug}/decisions?engagements=1#decision-${field(form, "decision")}` };
  });
}

export async function addContactAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await governance.addContact(db, principal, territory, formToObject(form));
    revalidatePath(`/territoires/${territory.slug}`);
    return { redirect: `${listPath(territory.slug)}?contact=ajoute#coordination` };
  });
}

export async function removeContactAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await governance.removeContact(db, principal, territory, field(form, "contact"));
    revalidatePath(`/territoires/${territory.slug}`);
    return { redirect: `${listPath(territory.slug)}?contact=retire#coordination` };
  });
}
