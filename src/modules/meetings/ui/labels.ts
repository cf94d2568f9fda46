import type { GroupRole } from "@/modules/groups";
import { worldLabels, type World } from "@/modules/actors";
import { formatDate } from "@/platform/text";
import type { DecisionMode } from "../schema";

export const roleLabels: Record<GroupRole, string> = { animateur: "Animation", membre: "Membre", invite: "Invité·e", president: "Présidence", co_porteur: "Co-portage" };
export const modeLabels: Record<DecisionMode, string> = { consensus: "Consensus", vote: "Vote" };
export const worldsText = (worlds: readonly World[]) => (worlds.length ? worlds.map((w) => worldLabels[w]).join(", ") : "—");

const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
const weekday = new Intl.DateTimeFormat("fr-FR", { weekday: "long", timeZone: "Europe/Paris" });

/** "mardi 12 janvier 2027, de 14:30 à 16:00" (Paris time). */
export function meetingWhen(startsAt: Date, endsAt: Date): string {
  return `${weekday.format(startsAt)} ${formatDate(startsAt)}, de ${timeFormat.format(startsAt)} à ${timeFormat.format(endsAt)}`;
}

export function votesText(d: { mode: DecisionMode; votesFor: number | null; votesAgainst: number | null; votesAbstention: number | null }): string {
  if (d.mode === "consensus") return "Consensus";
  return `Vote : ${d.votesFor ?? 0} pour, ${d.votesAgainst ?? 0} contre, ${d.votesAbstention ?? 0} abstention${(d.votesAbstention ?? 0) > 1 ? "s" : ""}`;
}
