import { worlds, type World } from "@/modules/actors";
import type { GroupRole } from "./schema";

/**
 * The worlds balance of a group (ADR 022), pure: which of the nine worlds of DOMAIN.md sit at the table,
 * which are missing, the share represented, and how evenly the present worlds weigh.
 *
 * - A member counts through the worlds of the structure (actor) they come from. A structure with several
 *   worlds splits the member's weight equally among them (1/n each), so that nobody counts twice.
 * - Animateur·rice·s and membres count; invité·e·s do not (an invitation is not yet a presence) and are
 *   reported apart, world by world, so a missing world shows that someone was invited.
 * - Members with no structure are counted apart ("sans structure"): they weigh in no world.
 * - Evenness is Pielou's J = H / ln(S), H the Shannon entropy of the worlds' weights and S the number of
 *   worlds present: 1 when every present world weighs the same, towards 0 when one dominates. With one
 *   world or none it has no meaning (null). exp(H) is given too: the "number of equally weighted worlds"
 *   the group is worth, easier to say in words.
 */
export type BalanceMember = { role: GroupRole; worlds: readonly string[] };

export type WorldsBalance = {
  /** Every world, in the list's order, with its weight (members, fractional when a structure has several worlds). */
  weights: { world: World; weight: number; invited: number }[];
  present: World[];
  missing: World[];
  /** present / 9 */
  share: number;
  /** Shannon entropy (natural log) of the present worlds' weights. */
  entropy: number;
  /** Pielou's evenness J = H / ln(S); null when fewer than two worlds are present. */
  evenness: number | null;
  /** exp(H): the number of equally weighted worlds that would give the same entropy. */
  equivalentWorlds: number;
  /** Counted members (animateur·rice·s and membres). */
  counted: number;
  /** Counted members with no structure, or a structure with no world. */
  withoutWorld: number;
  invited: number;
};

const isWorld = (w: string): w is World => (worlds as readonly string[]).includes(w);

export function worldsBalance(members: readonly BalanceMember[]): WorldsBalance {
  const weight = new Map<World, number>(worlds.map((w) => [w, 0]));
  const invited = new Map<World, number>(worlds.map((w) => [w, 0]));
  let counted = 0;
  let withoutWorld = 0;
  let invitedCount = 0;
  for (const m of members) {
    const own = [...new Set(m.worlds.filter(isWorld))];
    if (m.role === "invite") {
      invitedCount++;
      for (const w of own) invited.set(w, (invited.get(w) ?? 0) + 1);
      continue;
    }
    counted++;
    if (own.length === 0) {
      withoutWorld++;
      continue;
    }
    for (const w of own) weight.set(w, (weight.get(w) ?? 0) + 1 / own.length);
  }
  const present = worlds.filter((w) => (weight.get(w) ?? 0) > 0);
  const missing = worlds.filter((w) => (weight.get(w) ?? 0) === 0);
  const total = present.reduce((s, w) => s + (weight.get(w) ?? 0), 0);
  const entropy = total > 0 ? -present.reduce((s, w) => {
    const p = (weight.get(w) ?? 0) / total;
    return s + p * Math.log(p);
  }, 0) : 0;
  return {
    weights: worlds.map((w) => ({ world: w, weight: weight.get(w) ?? 0, invited: invited.get(w) ?? 0 })),
    present,
    missing,
    share: present.length / worlds.length,
    entropy,
    evenness: present.length >= 2 ? entropy / Math.log(present.length) : null,
    equivalentWorlds: total > 0 ? Math.exp(entropy) : 0,
    counted,
    withoutWorld,
    invited: invitedCount,
  };
}

const decimal = (n: number, digits: number) => n.toLocaleString("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The evenness said in words people use (thresholds of ADR 022). */
export function evennessWords(b: Pick<WorldsBalance, "evenness" | "present">): string {
  if (b.present.length === 0) return "Aucun monde n'est représenté pour l'instant : ajoutez des membres liés à leur structure.";
  if (b.evenness === null) return "Un seul monde est représenté : le groupe ne croise pas encore les mondes.";
  const j = b.evenness;
  const level =
    j >= 0.9
      ? "les mondes présents pèsent à peu près autant les uns que les autres"
      : j >= 0.7
        ? "les mondes présents sont assez bien répartis, l'un ou l'autre pèse un peu plus"
        : j >= 0.5
          ? "un ou deux mondes pèsent nettement plus que les autres"
          : "un monde domine largement le groupe";
  return `Équilibre ${decimal(j, 2)} sur 1 : ${level}.`;
}

/** "Le groupe vaut 2,6 mondes également représentés" — exp(H), in words. */
export function equivalentWords(b: Pick<WorldsBalance, "equivalentWorlds" | "present">): string {
  if (b.present.length < 2) return "";
  return `Autrement dit, le groupe pèse comme ${decimal(b.equivalentWorlds, 1)} mondes également représentés (sur ${b.present.length} présents).`;
}
