"use server";

import { revalidatePath } from "next/cache";
import { getEnv } from "@/platform/env";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import * as meetings from "@/modules/meetings/commands";
import { queueMeetingNotices } from "@/modules/meetings/reminders";

// Thin: read the form, call the module's command (which applies the policy), say what happened.

const meetingPath = (slug: string, meetingId: string) => `/espace/${slug}/reunions/${meetingId}`;
const idOf = (form: FormData, name: string) => String(form.get(name) ?? "");
const listOf = (form: FormData, name: string) => form.getAll(name).map(String).filter(Boolean);
const backToMeeting = (form: FormData) => meetingPath(idOf(form, "territory"), idOf(form, "meeting"));

export async function createMeetingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { id } = await meetings.createMeeting(db, principal, territory, idOf(form, "group"), { ...formToObject(form), invited: listOf(form, "invited") });
    return { redirect: `${meetingPath(territory.slug, id)}?creee=1` };
  });
}

/**
 * The notices are committed with the change; sending them now is a favour: if the queue cannot take the run,
 * its periodic pass (every 5 minutes) sends them, so the person who saved is not told of a failure.
 */
async function sendNoticesSoon(): Promise<void> {
  try {
    await queueMeetingNotices();
  } catch (e) {
    console.error("meeting notices: queued at the next periodic pass", e);
  }
}

export async function updateMeetingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { changed, told } = await meetings.updateMeeting(db, principal, territory, idOf(form, "meeting"), formToObject(form));
    if (told > 0) await sendNoticesSoon();
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?${changed ? `modifiee=${told}` : "inchangee=1"}` };
  });
}

export async function cancelMeetingAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { told } = await meetings.cancelMeeting(db, principal, territory, idOf(form, "meeting"), formToObject(form));
    if (told > 0) await sendNoticesSoon();
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?annulee=${told}` };
  });
}

export async function respondAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, backToMeeting(form), async ({ db, principal, territory }) => {
    const response = await meetings.respondToMeeting(db, principal, territory, idOf(form, "meeting"), idOf(form, "response"));
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?reponse=${response}` };
  });
}

export async function attendanceAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await meetings.recordAttendance(db, principal, territory, idOf(form, "meeting"), listOf(form, "present"));
    revalidatePath(meetingPath(territory.slug, idOf(form, "meeting")));
    return { status: "success", message: "Les présences sont enregistrées." };
  });
}

export async function saveMinutesAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await meetings.saveMinutes(db, principal, territory, idOf(form, "meeting"), formToObject(form));
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?compte-rendu=1#compte-rendu` };
  });
}

export async function approveMinutesAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, backToMeeting(form), async ({ db, principal, territory }) => {
    await meetings.approveMinutes(db, principal, territory, idOf(form, "meeting"));
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?approuve=1#compte-rendu` };
  });
}

export async function reopenMinutesAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, backToMeeting(form), async ({ db, principal, territory }) => {
    await meetings.reopenMinutes(db, principal, territory, idOf(form, "meeting"));
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?rouvert=1#compte-rendu` };
  });
}

export async function recordDecisionAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const meetingId = idOf(form, "meeting") || null;
    await meetings.recordDecision(db, principal, territory, meetingId, { ...formToObject(form), objectives: listOf(form, "objectives"), actions: listOf(form, "actions") });
    return { redirect: meetingId ? `${meetingPath(territory.slug, meetingId)}?decision=1#decisions` : `/espace/${territory.slug}/decisions?decision=1` };
  });
}

export async function actionFromDecisionAction(form: FormData): Promise<void> {
  const back = idOf(form, "meeting") ? backToMeeting(form) : `/espace/${idOf(form, "territory")}/decisions`;
  await territoryPlainAction(form, back, async ({ db, principal, territory }) => {
    const { actionId } = await meetings.createActionFromDecision(db, principal, territory, idOf(form, "decision"));
    const page = idOf(form, "meeting") ? meetingPath(territory.slug, idOf(form, "meeting")) : `/espace/${territory.slug}/decisions`;
    return { redirect: `${page}?action=${actionId}#decisions` };
  });
}

export async function followUpDoneAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, `/espace/${idOf(form, "territory")}/decisions`, async ({ db, principal, territory }) => {
    const done = idOf(form, "done") === "oui";
    await meetings.setFollowUpDone(db, principal, territory, idOf(form, "decision"), done);
    return { redirect: `/espace/${territory.slug}/decisions?${done ? "suivi-fait" : "suivi-rouvert"}=1` };
  });
}

export async function findingFromMinutesAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await meetings.findingFromMinutes(db, principal, territory, idOf(form, "meeting"), formToObject(form));
    return { redirect: `${meetingPath(territory.slug, idOf(form, "meeting"))}?constat=1#constats` };
  });
}

/** The new secret address is shown once, in the confirmation: only its hash is kept. */
export async function regenerateFeedAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal }) => {
    const token = await meetings.regenerateFeed(db, principal);
    return {
      status: "success",
      message: "Votre nouvelle adresse d'abonnement est prête (l'ancienne ne fonctionne plus). Copiez-la dans votre agenda : elle ne sera plus affichée.",
      result: { url: `${getEnv().baseUrl}/agenda/${token}` },
    };
  });
}

export async function revokeFeedAction(form: FormData): Promise<void> {
  await territoryPlainAction(form, `/espace/${idOf(form, "territory")}`, async ({ db, principal, territory }) => {
    await meetings.revokeFeed(db, principal);
    const group = idOf(form, "group");
    const back = /^[0-9a-f-]{36}$/i.test(group) ? `/espace/${territory.slug}/groupes/${group}/reunions` : `/espace/${territory.slug}/decisions`;
    return { redirect: `${back}?abonnement=revoque#abonnement` };
  });
}
