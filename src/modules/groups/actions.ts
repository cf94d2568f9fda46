"use server";

import { revalidatePath } from "next/cache";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import * as groups from "@/modules/groups/commands";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const listPath = (slug: string) => `/espace/${slug}/groupes`;
const groupPath = (slug: string, groupId: string) => `${listPath(slug)}/${groupId}`;
const proposalPath = (slug: string, groupId: string, proposalId: string) => `${groupPath(slug, groupId)}/propositions/${proposalId}`;
/** Where a plain form comes back on error: the page it was on (kept by the form). */
const back = (form: FormData) => {
  const to = field(form, "back");
  return to.startsWith("/espace/") && !to.startsWith("//") ? to : `/espace/${field(form, "territory")}/groupes`;
};

export async function createGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await groups.createGroup(db, principal, territory, formToObject(form));
    return { redirect: `${groupPath(territory.slug, id)}?cree=1` };
  });
}

export async function updateGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await groups.updateGroup(db, principal, territory, field(form, "group"), formToObject(form));
    return { redirect: `${groupPath(territory.slug, field(form, "group"))}?modifie=1` };
  });
}

export async function deleteGroupAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await groups.deleteGroup(db, principal, territory, field(form, "group"));
    return { redirect: `${listPath(territory.slug)}?supprime=1` };
  });
}

export async function addMemberAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await groups.addMember(db, principal, territory, field(form, "group"), formToObject(form));
    return { redirect: `${groupPath(territory.slug, field(form, "group"))}?membre=ajoute#membres` };
  });
}

export async function removeMemberAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await groups.removeMember(db, principal, territory, field(form, "group"), field(form, "member"));
    return { redirect: `${groupPath(territory.slug, field(form, "group"))}?membre=retire#membres` };
  });
}

export async function changeRoleAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await groups.changeRole(db, principal, territory, field(form, "group"), field(form, "member"), formToObject(form));
    return { redirect: `${groupPath(territory.slug, field(form, "group"))}?membre=role#membres` };
  });
}

/** One click from the balance (a form button, no JavaScript needed). */
export async function inviteActorAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    const result = await groups.inviteActor(db, principal, territory, field(form, "group"), field(form, "actor"));
    const mail = result.mailedTo ? "courriel" : result.mailFailed ? "echec" : "sans-courriel";
    return { redirect: `${groupPath(territory.slug, field(form, "group"))}?invitation=${mail}#equilibre` };
  });
}

export async function createProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await groups.createProposal(db, principal, territory, field(form, "group"), formToObject(form));
    return { redirect: `${proposalPath(territory.slug, field(form, "group"), id)}?proposee=1` };
  });
}

export async function commentProposalAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await groups.commentProposal(db, principal, territory, field(form, "proposal"), formToObject(form));
    return { redirect: `${proposalPath(territory.slug, field(form, "group"), field(form, "proposal"))}?commente=1#commentaires` };
  });
}

export async function supportProposalAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    const now = await groups.toggleSupport(db, principal, territory, field(form, "proposal"));
    return { redirect: `${proposalPath(territory.slug, field(form, "group"), field(form, "proposal"))}?soutien=${now ? "ajoute" : "retire"}` };
  });
}

export async function convertProposalAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await groups.convertProposal(db, principal, territory, field(form, "proposal"));
    revalidatePath(`/espace/${territory.slug}/plan`);
    return { redirect: `${proposalPath(territory.slug, field(form, "group"), field(form, "proposal"))}?transformee=1` };
  });
}

export async function postWatchItemAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await groups.postWatchItem(db, principal, territory, formToObject(form));
    return { redirect: `/espace/${territory.slug}/veille?ajoute=1` };
  });
}

export async function deleteWatchItemAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await groups.deleteWatchItem(db, principal, territory, field(form, "item"));
    return { redirect: `/espace/${territory.slug}/veille?retire=1` };
  });
}

export async function digestSubscriptionAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    const subscribed = field(form, "subscribe") === "oui";
    await groups.setDigestSubscription(db, principal, territory, subscribed);
    return { redirect: `/espace/${territory.slug}/veille?resume=${subscribed ? "oui" : "non"}` };
  });
}
