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

const bodyKinds: readonly string[] = ["comite_pilotage", "comite_technique", "coordination", "autre_instance"];

/**
 * The words and links of a meeting page for the body that meets: a working group (« le groupe », under « Groupes »)
 * or a governance body (« l'instance », under « Gouvernance »), so that the same pages serve both.
 */
export function bodyWords(slug: string, group: { id: string; kind: string }) {
  const base = `/espace/${slug}`;
  return bodyKinds.includes(group.kind)
    ? { section: "Gouvernance", sectionHref: `${base}/gouvernance`, href: `${base}/gouvernance/${group.id}`, label: "Instance", the: "l'instance", of: "de l'instance", lead: "la personne qui préside l'instance" }
    : { section: "Groupes", sectionHref: `${base}/groupes`, href: `${base}/groupes/${group.id}`, label: "Groupe", the: "le groupe", of: "du groupe", lead: "la personne qui anime le groupe" };
}
