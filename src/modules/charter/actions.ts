"use server";

import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import * as charter from "@/modules/charter/commands";

// Thin: read the form, call the module's command (which applies the policy), say where to go. The submission to
// signature lives in src/composition/charter/actions.ts (it composes the content from several modules).

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const base = (slug: string) => `/espace/${slug}/charte`;
const partnerPath = (slug: string, partnerId: string) => `${base(slug)}/partenaires/${partnerId}`;
/** Where a plain form comes back on error: the page it was on (kept by the form). */
const back = (form: FormData) => {
  const to = field(form, "back");
  return to.startsWith("/espace/") && !to.startsWith("//") ? to : base(field(form, "territory"));
};

export async function createCharterAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await charter.createCharter(db, principal, territory, formToObject(form));
    return { redirect: `${base(territory.slug)}?cree=1` };
  });
}

export async function saveSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await charter.updateSection(db, principal, territory, field(form, "version"), formToObject(form));
    return { redirect: `${base(territory.slug)}?partie=${field(form, "kind")}#partie-${field(form, "kind")}` };
  });
}

export async function savePartnerAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const partnerId = field(form, "partner") || undefined;
    await charter.savePartner(db, principal, territory, formToObject(form), partnerId);
    return { redirect: `${base(territory.slug)}?partenaire=${partnerId ? "modifie" : "ajoute"}#partenaires` };
  });
}

export async function removePartnerAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await charter.removePartner(db, principal, territory, field(form, "partner"));
    return { redirect: `${base(territory.slug)}?partenaire=retire#partenaires` };
  });
}

export async function saveCommitmentAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const commitmentId = field(form, "commitment") || undefined;
    await charter.saveCommitment(db, principal, territory, field(form, "partner"), formToObject(form), commitmentId);
    return { redirect: `${partnerPath(territory.slug, field(form, "partner"))}?engagement=${commitmentId ? "modifie" : "ajoute"}#engagements` };
  });
}

export async function removeCommitmentAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    await charter.removeCommitment(db, principal, territory, field(form, "commitment"));
    return { redirect: `${partnerPath(territory.slug, field(form, "partner"))}?engagement=retire#engagements` };
  });
}

export async function commentSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await charter.commentSection(db, principal, territory, field(form, "version"), formToObject(form));
    const to = back(form);
    return { redirect: `${to}${to.includes("?") ? "&" : "?"}commentaire=1#commentaires-${field(form, "section").replace(":", "-")}` };
  });
}

export async function startNewVersionAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, back(form), async ({ db, principal, territory }) => {
    const { number } = await charter.startNewVersion(db, principal, territory);
    return { redirect: `${base(territory.slug)}?nouvelle=${number}` };
  });
}
