import { worlds, type World } from "@/modules/actors";

export type InviteCandidate = { id: string; name: string; worlds: readonly World[]; hasPublicEmail: boolean };

/** One structure to invite, once, with the missing worlds it would bring to the table (in the list's order). */
export type InviteEntry = { id: string; name: string; brings: World[]; hasPublicEmail: boolean };

/**
 * The suggestions come world by world; a structure of two missing worlds is in both lists. The page
 * offers one « Inviter » per structure (two identical buttons read as two invitations), naming every
 * missing world it brings. Sorted by name, in French.
 */
export function inviteEntries(byWorld: readonly { world: World; actors: readonly InviteCandidate[] }[]): InviteEntry[] {
  const missing = new Set(byWorld.map((s) => s.world));
  const seen = new Map<string, InviteEntry>();
  for (const { actors } of byWorld) {
    for (const a of actors) {
      if (seen.has(a.id)) continue;
      seen.set(a.id, { id: a.id, name: a.name, brings: worlds.filter((w) => missing.has(w) && a.worlds.includes(w)), hasPublicEmail: a.hasPublicEmail });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
