import { createHmac, randomBytes } from "node:crypto";
import { and, count, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { askedQuestions, nextStep, readScreen, visibleSteps, type AnswerValue, type FormInput, type Structure } from "../logic";
import { questionnairePolicy } from "../policy";
import { campaignState, communeResolver, findDraft, hashToken, loadStructure, territoryCommuneOptions, type Draft } from "../queries";
import { questionnaireAnswers, questionnaireCampaigns, questionnaireResponses, questionnaires, type Campaign, type Questionnaire } from "../schema";
import { RESPONSES_PER_HOUR } from "../types";
import { userId, invalid } from "./shared";

/** Answering: drafts carried from screen to screen by a token, paper questionnaires typed in by members, submission. */

/**
 * The key that counts one client's submissions in a campaign: a keyed hash of its address and
 * browser, different in every campaign. Neither the address nor the browser is ever stored.
 */
export function clientKey(secret: string, campaignId: string, address: string, userAgent: string): string {
  return createHmac("sha256", secret).update(`${campaignId}\n${address}\n${userAgent}`).digest("base64url").slice(0, 32);
}

const newDraftToken = () => randomBytes(18).toString("base64url");

/** Who fills a draft: a person on the public link, or a member typing in a paper questionnaire. */
export type Respondent = { kind: "web" } | { kind: "paper"; principal: Principal };

async function openCampaign(db: Executor, campaign: Campaign, respondent: Respondent): Promise<Questionnaire> {
  const [questionnaire] = await db.select().from(questionnaires).where(and(eq(questionnaires.id, campaign.questionnaireId), eq(questionnaires.territoryId, campaign.territoryId)));
  if (!questionnaire) throw new AppError("not_found");
  const state = campaignState(campaign, questionnaire);
  // Paper questionnaires collected during the campaign may be typed in after its closing date.
  const open = respondent.kind === "paper" ? questionnaire.status === "published" : state === "open";
  if (!open) throw new AppError("campaign_closed", { message: respondent.kind === "paper" ? "Ce questionnaire n'est pas publié : les réponses papier ne peuvent pas être saisies." : "Ce questionnaire n'accepte pas de réponses en ce moment." });
  return questionnaire;
}

/** Starts a response: returns the token that carries the draft from screen to screen. */
export async function startResponse(db: Db, campaign: Campaign, respondent: Respondent): Promise<{ token: string }> {
  if (respondent.kind === "paper") authorize(questionnairePolicy.enterPaper(respondent.principal, { id: campaign.territoryId }));
  await openCampaign(db, campaign, respondent);
  const token = newDraftToken();
  await db.transaction(async (tx) => {
    await tx.insert(questionnaireResponses).values({
      territoryId: campaign.territoryId,
      questionnaireId: campaign.questionnaireId,
      campaignId: campaign.id,
      source: respondent.kind,
      enteredBy: respondent.kind === "paper" ? userId(respondent.principal) : null,
      draftTokenHash: hashToken(token),
    });
    // Drafts abandoned for a month are of no use to anyone.
    await tx
      .delete(questionnaireResponses)
      .where(and(eq(questionnaireResponses.campaignId, campaign.id), isNull(questionnaireResponses.submittedAt), lt(questionnaireResponses.updatedAt, sql`now() - interval '30 days'`)));
  });
  return { token };
}

export type DraftContext = { draft: Draft; campaign: Campaign; questionnaire: Questionnaire; structure: Structure };

/** A draft with its campaign and questionnaire, for a page or a command; undefined if unknown or already sent. */
export async function loadDraftContext(db: Executor, token: string, campaignId?: string): Promise<DraftContext | undefined> {
  const draft = await findDraft(db, token);
  if (!draft || (campaignId !== undefined && draft.campaignId !== campaignId)) return undefined;
  const [campaign] = await db.select().from(questionnaireCampaigns).where(and(eq(questionnaireCampaigns.id, draft.campaignId), eq(questionnaireCampaigns.territoryId, draft.territoryId)));
  const [questionnaire] = await db.select().from(questionnaires).where(and(eq(questionnaires.id, draft.questionnaireId), eq(questionnaires.territoryId, draft.territoryId)));
  if (!campaign || !questionnaire) return undefined;
  return { draft, campaign, questionnaire, structure: await loadStructure(db, questionnaire.territoryId, questionnaire.id) };
}

function checkRespondent(draft: Draft, respondent: Respondent): void {
  if (draft.source !== respondent.kind) throw new AppError("not_found");
  if (respondent.kind === "paper") authorize(questionnairePolicy.enterPaper(respondent.principal, { id: draft.territoryId }));
}

async function writeAnswers(tx: Executor, responseId: string, answers: Map<string, AnswerValue | null>): Promise<void> {
  const clear = [...answers.keys()];
  if (clear.length > 0) await tx.delete(questionnaireAnswers).where(and(eq(questionnaireAnswers.responseId, responseId), inArray(questionnaireAnswers.questionId, clear)));
  const rows = [...answers.entries()].flatMap(([questionId, v]) => (v ? [{ responseId, questionId, key: v.key ?? null, keys: v.keys ?? null, number: v.number ?? null, text: v.text ?? null }] : []));
  if (rows.length > 0) await tx.insert(questionnaireAnswers).values(rows);
  await tx.update(questionnaireResponses).set({ updatedAt: new Date() }).where(eq(questionnaireResponses.id, responseId));
}

/** Answers of questions no longer shown (an earlier answer changed) are removed, never kept hidden. */
function hiddenAnswers(structure: Structure, answers: Map<string, AnswerValue>, anonymous: boolean): string[] {
  const shown = askedQuestions(visibleSteps(structure, answers, anonymous));
  return [...answers.keys()].filter((id) => !shown.has(id));
}

export type StepOutcome = { next: number } | { submitted: true };

/**
 * Saves one screen (1-based among the screens shown to this person), then says where to go: the
 * next screen, or, after the last one (`finish`), the response is sent.
 */
export async function saveStep(
  db: Db,
  context: DraftContext,
  respondent: Respondent,
  step: number,
  form: FormInput,
  options: { finish: boolean; clientKey?: string },
): Promise<StepOutcome> {
  const { draft, campaign, structure } = context;
  checkRespondent(draft, respondent);
  await openCampaign(db, campaign, respondent);
  const steps = visibleSteps(structure, draft.answers, campaign.anonymous);
  const current = steps[step - 1];
  if (!current) throw new AppError("not_found", { message: "Cette étape n'existe pas : reprenez le questionnaire depuis son début." });
  const needsCommunes = current.questions.some((q) => q.type === "commune");
  const resolve = communeResolver(needsCommunes ? await territoryCommuneOptions(db, draft.territoryId) : []);
  const { answers, errors, shownInline } = readScreen(current, form, resolve, draft.answers, { enforceRequired: respondent.kind === "web" });
  if (Object.keys(errors).length > 0) {
    const n = Object.keys(errors).length;
    throw invalid(errors, n > 1 ? "Des réponses sont à revoir : les messages sont sous les questions." : "Une réponse est à revoir : le message est sous la question.");
  }
  const merged = new Map(draft.answers);
  for (const [id, v] of answers) {
    if (v) merged.set(id, v);
    else merged.delete(id);
  }
  const hidden = hiddenAnswers(structure, merged, campaign.anonymous);
  for (const id of hidden) merged.delete(id);
  await db.transaction(async (tx) => {
    await writeAnswers(tx, draft.id, new Map([...answers, ...hidden.map((id) => [id, null] as const)]));
  });
  draft.answers = merged;
  const after = visibleSteps(structure, merged, campaign.anonymous);
  // A follow-up screen (a conditional question that the page could not show) comes before sending.
  const next = nextStep(after, step, shownInline);
  if (next <= after.length || !options.finish) return { next: Math.min(next, after.length) };
  await submitDraft(db, context, respondent, options.clientKey);
  return { submitted: true };
}

/**
 * Sends a response: every shown required question must be answered (not on paper: what was left
 * blank stays blank). On the public link, a client
 * that already sent RESPONSES_PER_HOUR responses to this campaign within the hour is refused (its
 * answers stay in the draft) and those responses are flagged as suspect for the coordinators.
 */
export async function submitDraft(db: Db, context: DraftContext, respondent: Respondent, key?: string): Promise<void> {
  const { draft, campaign, structure } = context;
  checkRespondent(draft, respondent);
  await openCampaign(db, campaign, respondent);
  const steps = visibleSteps(structure, draft.answers, campaign.anonymous);
  for (const [i, s] of respondent.kind === "web" ? steps.entries() : []) {
    // A question revealed on a screen is required on its follow-up screen, where it is counted.
    const missing = s.questions.find((q) => q.required && !q.sameScreenCondition && !draft.answers.has(q.id));
    if (missing) throw new AppError("validation", { message: `Il manque une réponse obligatoire à l'étape ${i + 1} (« ${missing.label} »).`, fieldErrors: { _step: [String(i + 1)] } });
  }
  if (respondent.kind === "web" && key) {
    const recent = and(eq(questionnaireResponses.campaignId, campaign.id), eq(questionnaireResponses.clientKey, key), gt(questionnaireResponses.submittedAt, sql`now() - interval '1 hour'`));
    const [row] = await db.select({ n: count() }).from(questionnaireResponses).where(recent);
    if ((row?.n ?? 0) >= RESPONSES_PER_HOUR) {
      // Flagged in its own transaction: the refusal below must not undo it.
      await db.transaction(async (tx) => {
        // updatedAt: the cached results must see the change.
        await tx.update(questionnaireResponses).set({ suspect: true, updatedAt: new Date() }).where(recent);
        await recordAudit(tx, { kind: "system", label: "limite des questionnaires" }, { territoryId: campaign.territoryId, entityType: "questionnaire_campaign", entityId: campaign.id, action: "flag_suspect", after: { responses: row?.n ?? 0 } });
      });
      throw new AppError("rate_limited", {
        message:
          "Beaucoup de réponses ont été envoyées depuis cet appareil en moins d'une heure : celle-ci n'est pas envoyée pour l'instant. Vos réponses sont gardées : revenez sur cette page dans une heure pour l'envoyer. " +
          "Si vous aidez plusieurs personnes à répondre, demandez à l'équipe du territoire de saisir les questionnaires depuis son espace.",
      });
    }
  }
  await db.transaction(async (tx) => {
    // The client key is only needed for the hour of the limit: older ones are erased.
    await tx
      .update(questionnaireResponses)
      .set({ clientKey: null })
      .where(and(eq(questionnaireResponses.campaignId, campaign.id), isNotNull(questionnaireResponses.clientKey), lt(questionnaireResponses.submittedAt, sql`now() - interval '1 hour'`)));
    const [sent] = await tx
      .update(questionnaireResponses)
      .set({ submittedAt: new Date(), draftTokenHash: null, clientKey: respondent.kind === "web" ? (key ?? null) : null, updatedAt: new Date() })
      .where(and(eq(questionnaireResponses.id, draft.id), isNull(questionnaireResponses.submittedAt)))
      .returning({ id: questionnaireResponses.id });
    if (!sent) throw new AppError("not_found", { message: "Ces réponses ont déjà été envoyées." });
    const principal: Principal = respondent.kind === "paper" ? respondent.principal : { kind: "anonymous" };
    await recordAudit(tx, principal, { territoryId: campaign.territoryId, entityType: "questionnaire_response", entityId: draft.id, action: "submit", after: { campaignId: campaign.id, source: respondent.kind } });
  });
}
