"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authSecret } from "@/platform/auth/auth";
import { clientAddress } from "@/platform/auth/rate-limit";
import { AppError } from "@/platform/errors";
import { getRuntime } from "@/platform/runtime";
import { formToObject } from "@/platform/validation";
import { runAction, type ActionState } from "@/platform/web/action";
import type { Db } from "@/platform/db/client";
import type { Principal } from "@/platform/auth/principal";
import type { Territory } from "@/modules/territories";
import { territoryAction, territoryOfForm } from "@/modules/territories";
import { addQuestion, addSection, closeQuestionnaire, createQuestionnaire, deleteQuestion, deleteQuestionnaire, deleteSection, moveQuestion, moveSection, publishQuestionnaire, updateQuestion, updateQuestionnaire, updateSection } from "./commands/builder";
import { createCampaign, endCampaign, updateCampaign } from "./commands/campaigns";
import { clientKey, loadDraftContext, saveStep, startResponse } from "./commands/answers";
import { setExcluded } from "./commands/moderation";
import { campaignByToken, findCampaign } from "@/modules/questionnaires/queries";

// Thin: read the form, call the module's command (which checks the policy again), say where to go.

const field = (form: FormData, name: string) => String(form.get(name) ?? "");
const builderPath = (slug: string, id: string) => `/espace/${slug}/questionnaires/${id}`;

/** Runs a workspace command, then goes to the path it returns (a refusal stays on the page, in French). */
async function workspace(form: FormData, fn: (ctx: { db: Db; principal: Principal; territory: Territory; raw: Record<string, unknown>; questionnaire: string }) => Promise<string>): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => ({ redirect: await fn({ db, principal, territory, raw: formToObject(form), questionnaire: field(form, "questionnaire") }) }));
}

export async function createQuestionnaireAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw }) => builderPath(territory.slug, (await createQuestionnaire(db, principal, territory, raw)).id) + "?cree=1");
}

export async function updateQuestionnaireAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await updateQuestionnaire(db, principal, territory, questionnaire, raw);
    return builderPath(territory.slug, questionnaire) + "?enregistre=1";
  });
}

export async function deleteQuestionnaireAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await deleteQuestionnaire(db, principal, territory, questionnaire, raw);
    return `/espace/${territory.slug}/questionnaires?supprime=1`;
  });
}

export async function publishQuestionnaireAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await publishQuestionnaire(db, principal, territory, questionnaire, raw);
    return builderPath(territory.slug, questionnaire) + "?publie=1";
  });
}

export async function closeQuestionnaireAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await closeQuestionnaire(db, principal, territory, questionnaire, raw);
    return builderPath(territory.slug, questionnaire) + "?clos=1";
  });
}

export async function addSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    const { id } = await addSection(db, principal, territory, questionnaire, raw);
    return `${builderPath(territory.slug, questionnaire)}#partie-${id}`;
  });
}

export async function updateSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await updateSection(db, principal, territory, questionnaire, field(form, "sectionId"), raw);
    return `${builderPath(territory.slug, questionnaire)}#partie-${field(form, "sectionId")}`;
  });
}

export async function deleteSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await deleteSection(db, principal, territory, questionnaire, field(form, "sectionId"), raw);
    return builderPath(territory.slug, questionnaire);
  });
}

export async function moveSectionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await moveSection(db, principal, territory, questionnaire, field(form, "sectionId"), field(form, "direction") === "up" ? "up" : "down", raw);
    return `${builderPath(territory.slug, questionnaire)}#partie-${field(form, "sectionId")}`;
  });
}

export async function addQuestionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    const { id } = await addQuestion(db, principal, territory, questionnaire, raw);
    return `${builderPath(territory.slug, questionnaire)}#question-${id}`;
  });
}

export async function updateQuestionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await updateQuestion(db, principal, territory, questionnaire, field(form, "questionId"), raw);
    return `${builderPath(territory.slug, questionnaire)}#question-${field(form, "questionId")}`;
  });
}

export async function deleteQuestionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await deleteQuestion(db, principal, territory, questionnaire, field(form, "questionId"), raw);
    return builderPath(territory.slug, questionnaire);
  });
}

export async function moveQuestionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await moveQuestion(db, principal, territory, questionnaire, field(form, "questionId"), field(form, "direction") === "up" ? "up" : "down", raw);
    return `${builderPath(territory.slug, questionnaire)}#question-${field(form, "questionId")}`;
  });
}

export async function createCampaignAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    const { id } = await createCampaign(db, principal, territory, questionnaire, raw);
    return `${builderPath(territory.slug, questionnaire)}/campagnes/${id}?cree=1`;
  });
}

export async function updateCampaignAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, raw, questionnaire }) => {
    await updateCampaign(db, principal, territory, questionnaire, field(form, "campaign"), raw);
    return `${builderPath(territory.slug, questionnaire)}/campagnes/${field(form, "campaign")}?enregistre=1`;
  });
}

export async function endCampaignAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, questionnaire }) => {
    await endCampaign(db, principal, territory, questionnaire, field(form, "campaign"));
    return `${builderPath(territory.slug, questionnaire)}/campagnes/${field(form, "campaign")}?terminee=1`;
  });
}

export async function setExcludedAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, questionnaire }) => {
    const excluded = field(form, "excluded") === "1";
    const target = field(form, "scope") === "suspect" ? ({ allSuspect: true } as const) : { ids: form.getAll("response").map(String).slice(0, 500) };
    await setExcluded(db, principal, territory, questionnaire, target, excluded);
    return `${builderPath(territory.slug, questionnaire)}/reponses?${field(form, "back")}`;
  });
}

/** A member starts typing in a paper questionnaire for a campaign. */
export async function startPaperAction(_: ActionState, form: FormData): Promise<ActionState> {
  return workspace(form, async ({ db, principal, territory, questionnaire }) => {
    const campaign = await findCampaign(db, territory.id, questionnaire, field(form, "campaign"));
    if (!campaign) throw new AppError("not_found", { message: "Cette campagne n'existe pas (ou plus)." });
    const { token } = await startResponse(db, campaign, { kind: "paper", principal });
    return `${builderPath(territory.slug, questionnaire)}/saisie/${token}?etape=1`;
  });
}

// ---------- answering (public link, and paper entry in the workspace) ----------

/** "Commencer": a new draft, then its first screen. */
export async function startAnswerAction(_: ActionState, form: FormData): Promise<ActionState> {
  let path = "";
  const state = await runAction(form, async () => {
    const { db } = await getRuntime();
    const found = await campaignByToken(db, field(form, "campaign"));
    if (!found) throw new AppError("not_found");
    const { token } = await startResponse(db, found.campaign, { kind: "web" });
    path = `/q/${found.campaign.token}/${token}?etape=1`;
  });
  if (state.status === "success" && path) redirect(path);
  return state;
}

/** One screen of answers: saved, then the next screen, or the thanks once everything is sent. */
export async function saveStepAction(_: ActionState, form: FormData): Promise<ActionState> {
  let path = "";
  const state = await runAction(form, async () => {
    const { db, env } = await getRuntime();
    const draftToken = field(form, "draft");
    const context = await loadDraftContext(db, draftToken);
    if (!context) throw new AppError("not_found", { message: "Ces réponses ont déjà été envoyées, ou ce lien n'est plus valable." });
    const step = Number(field(form, "step"));
    const finish = field(form, "finish") === "1";
    if (context.draft.source === "paper") {
      const { principal, territory } = await territoryOfForm(form);
      if (territory.id !== context.draft.territoryId) throw new AppError("not_found");
      const outcome = await saveStep(db, context, { kind: "paper", principal }, step, formToObject(form), { finish });
      const base = `${builderPath(territory.slug, context.questionnaire.id)}`;
      path = "next" in outcome ? `${base}/saisie/${draftToken}?etape=${outcome.next}` : `${base}/campagnes/${context.campaign.id}?saisie=1`;
      return;
    }
    const h = await headers();
    const key = clientKey(authSecret(env), context.campaign.id, clientAddress(h), h.get("user-agent") ?? "");
    const outcome = await saveStep(db, context, { kind: "web" }, step, formToObject(form), { finish, clientKey: key });
    path = "next" in outcome ? `/q/${context.campaign.token}/${draftToken}?etape=${outcome.next}` : `/q/${context.campaign.token}/merci`;
  });
  if (state.status === "success" && path) redirect(path);
  return state;
}
