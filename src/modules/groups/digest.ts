import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import type { Db } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { defineJob, onCleanup, processQueue } from "@/platform/jobs/queue";
import { sendMail } from "@/platform/mail/mailer";
import { themeLabel } from "@/modules/themes";
import { memberships, territories } from "@/modules/territories";
import { watchDigestSubscriptions, watchItems } from "./schema";

/**
 * The weekly e-mail digest of the shared watch (ADR 022). Opt-in, per person: each subscriber gets at most one mail
 * every 7 days, listing the items posted since their last digest (at most the last 7 days) in the territories they
 * belong to — never an item of a territory they are not a member of. Nothing new, no mail.
 */
export const DIGEST_EVERY_MS = 7 * 24 * 3600 * 1000;
const MAX_ITEMS = 50;

export type DigestItem = { territory: string; slug: string; title: string; url: string; summary: string; themes: string[]; postedByName: string; createdAt: Date };

/** Subscribers whose digest is due at `now` (never sent, or sent 7 days ago or more). */
async function dueSubscribers(db: Db, now: Date) {
  const before = new Date(now.getTime() - DIGEST_EVERY_MS);
  return db
    .select({ userId: watchDigestSubscriptions.userId, lastSentAt: watchDigestSubscriptions.lastSentAt, email: user.email, name: user.name })
    .from(watchDigestSubscriptions)
    .innerJoin(user, eq(user.id, watchDigestSubscriptions.userId))
    .where(or(isNull(watchDigestSubscriptions.lastSentAt), lt(watchDigestSubscriptions.lastSentAt, before)));
}

/** What one person's digest lists: items of their territories, posted after `since`. */
export async function digestItemsFor(db: Db, userId: string, since: Date): Promise<DigestItem[]> {
  const mine = db.select({ id: memberships.territoryId }).from(memberships).where(eq(memberships.userId, userId));
  return db
    .select({
      territory: territories.name,
      slug: territories.slug,
      title: watchItems.title,
      url: watchItems.url,
      summary: watchItems.summary,
      themes: watchItems.themes,
      postedByName: watchItems.postedByName,
      createdAt: watchItems.createdAt,
    })
    .from(watchItems)
    .innerJoin(territories, eq(territories.id, watchItems.territoryId))
    .where(and(inArray(watchItems.territoryId, mine), gt(watchItems.createdAt, since)))
    .orderBy(territories.name, desc(watchItems.createdAt))
    .limit(MAX_ITEMS);
}

export function digestText(name: string, items: DigestItem[]): string {
  const base = getEnv().baseUrl;
  const lines = [`Bonjour ${name},`, "", `Voici la veille partagée de la semaine (${items.length} lien${items.length > 1 ? "s" : ""}).`];
  let current = "";
  for (const item of items) {
    if (item.territory !== current) {
      current = item.territory;
      lines.push("", `— ${item.territory} (${base}/espace/${item.slug}/veille)`);
    }
    lines.push("", `• ${item.title}`, `  ${item.url}`);
    if (item.summary) lines.push(`  ${item.summary}`);
    if (item.themes.length) lines.push(`  Thèmes : ${item.themes.map(themeLabel).join(", ")}`);
    lines.push(`  Partagé par ${item.postedByName || "un membre"}`);
  }
  lines.push("", "Vous recevez ce courriel parce que vous l'avez demandé. Pour ne plus le recevoir : page « Veille » de votre espace, « Ne plus recevoir le résumé ».");
  return lines.join("\n");
}

/**
 * Sends the digests due at `now`; returns how many mails left. A person with nothing new is marked as served
 * (no mail, checked again in a week); a mail that fails is not marked, so the next run tries again.
 */
export async function sendDueDigests(db: Db, now = new Date()): Promise<{ sent: number; empty: number; failed: number }> {
  const result = { sent: 0, empty: 0, failed: 0 };
  for (const s of await dueSubscribers(db, now)) {
    const weekAgo = new Date(now.getTime() - DIGEST_EVERY_MS);
    const since = s.lastSentAt && s.lastSentAt > weekAgo ? s.lastSentAt : weekAgo;
    const items = await digestItemsFor(db, s.userId, since);
    if (items.length === 0) {
      result.empty++;
    } else {
      try {
        await sendMail({ to: s.email, subject: `Veille partagée : ${items.length} lien${items.length > 1 ? "s" : ""} cette semaine`, text: digestText(s.name, items) });
        result.sent++;
      } catch (e) {
        console.error("[veille] résumé non envoyé :", e);
        result.failed++;
        continue;
      }
    }
    await db.update(watchDigestSubscriptions).set({ lastSentAt: now }).where(eq(watchDigestSubscriptions.userId, s.userId));
  }
  return result;
}

export const watchDigestJob = defineJob<Record<string, never>>({
  name: "watch-digest",
  concurrency: () => 1,
  timeoutSeconds: 600,
  keepSeconds: 24 * 3600,
  failedMessage: "Le résumé hebdomadaire de la veille n'a pas pu être envoyé.",
  interruptedMessage: "L'envoi du résumé hebdomadaire de la veille a été interrompu ; il reprendra au prochain passage.",
  async run({ db }) {
    return { output: await sendDueDigests(db) };
  },
});

/**
 * The queue has one periodic tick (the cleanup, every 5 minutes); the digest rides on it rather than adding a
 * scheduler to the platform: when someone's digest is due, one `watch-digest` run is queued (exclusive key: never
 * two at once), and that run does the sending. Checking costs one indexed query every 5 minutes.
 */
onCleanup("watch-digest-due", async (db) => {
  const [due] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(watchDigestSubscriptions)
    .where(or(isNull(watchDigestSubscriptions.lastSentAt), lt(watchDigestSubscriptions.lastSentAt, new Date(Date.now() - DIGEST_EVERY_MS))));
  if (!due || Number(due.n) === 0) return;
  const queue = await processQueue();
  await queue?.enqueue(watchDigestJob, { label: "Résumé hebdomadaire de la veille", input: {}, exclusiveKey: "watch-digest" });
});
