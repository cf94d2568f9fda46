import { randomBytes } from "node:crypto";
import { and, count, eq, isNotNull } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { questionnairePolicy } from "../policy";
import { findCampaign, loadQuestionnaire } from "../queries";
import { questionnaireCampaigns, questionnaireResponses } from "../schema";
import { campaignSchema } from "../validation";
import { type Territory, userId } from "./shared";

/** Campaigns of a questionnaire: their public links, dates and anonymity. */

/** 10 characters of base 62: short enough to type from a poster, far too many to guess. */
export function newCampaignToken(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = randomBytes(20);
  let out = "";
  for (const b of bytes) {
    if (b >= alphabet.length * 4) continue;
    out += alphabet[b % alphabet.length];
    if (out.length === 10) return out;
  }
  return newCampaignToken();
}

export async function createCampaign(db: Db, principal: Principal, territory: Territory, questionnaireId: string, raw: Record<string, unknown>, options: { demo?: boolean } = {}): Promise<{ id: string; token: string }> {
  authorize(questionnairePolicy.publish(principal, territory));
  const input = parseOrThrow(campaignSchema, raw);
  return db.transaction(async (tx) => {
    const loaded = await loadQuestionnaire(tx, territory.id, questionnaireId);
    if (!loaded) throw new AppError("not_found", { message: "Ce questionnaire n'existe pas (ou plus) dans ce territoire." });
    if (loaded.questionnaire.status === "closed") throw new AppError("validation", { message: "Ce questionnaire est clos : rouvrez-le (publiez-le à nouveau) avant d'ouvrir une campagne." });
    const token = newCampaignToken();
    const [c] = await tx
      .insert(questionnaireCampaigns)
      .values({ territoryId: territory.id, questionnaireId, token, ...input, demo: options.demo ?? false, createdBy: userId(principal) })
      .returning({ id: questionnaireCampaigns.id });
    if (!c) throw new Error("campaign insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_campaign", entityId: c.id, action: "create", after: { questionnaireId, ...input } });
    return { id: c.id, token };
  });
}

export async function updateCampaign(db: Db, principal: Principal, territory: Territory, questionnaireId: string, campaignId: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.publish(principal, territory));
  const input = parseOrThrow(campaignSchema, raw);
  await db.transaction(async (tx) => {
    const before = await findCampaign(tx, territory.id, questionnaireId, campaignId);
    if (!before) throw new AppError("not_found", { message: "Cette campagne n'existe pas (ou plus)." });
    if (before.anonymous !== input.anonymous && (await campaignResponses(tx, campaignId)) > 0) {
      throw new AppError("answers_exist", { message: "Cette campagne a déjà reçu des réponses : elle ne peut plus changer d'anonyme à nominative, ni l'inverse. Ouvrez une autre campagne.", fieldErrors: { anonymous: ["Ce réglage ne change plus."] } });
    }
    await tx.update(questionnaireCampaigns).set(input).where(and(eq(questionnaireCampaigns.territoryId, territory.id), eq(questionnaireCampaigns.id, campaignId)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_campaign", entityId: campaignId, action: "update", before: { label: before.label, opensAt: before.opensAt, closesAt: before.closesAt, anonymous: before.anonymous }, after: input });
  });
}

/** Ends a campaign now (its closing date becomes this instant). */
export async function endCampaign(db: Db, principal: Principal, territory: Territory, questionnaireId: string, campaignId: string): Promise<void> {
  authorize(questionnairePolicy.publish(principal, territory));
  await db.transaction(async (tx) => {
    const before = await findCampaign(tx, territory.id, questionnaireId, campaignId);
    if (!before) throw new AppError("not_found", { message: "Cette campagne n'existe pas (ou plus)." });
    const now = new Date();
    await tx.update(questionnaireCampaigns).set({ closesAt: now }).where(and(eq(questionnaireCampaigns.territoryId, territory.id), eq(questionnaireCampaigns.id, campaignId)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_campaign", entityId: campaignId, action: "end", before: { closesAt: before.closesAt }, after: { closesAt: now } });
  });
}

async function campaignResponses(tx: Executor, campaignId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(questionnaireResponses).where(and(eq(questionnaireResponses.campaignId, campaignId), isNotNull(questionnaireResponses.submittedAt)));
  return row?.n ?? 0;
}
