// Matching funding sources to one action: pure (no database), so the ranking is tested on hand-written cases.
// The action is described by this module's own shape (funding sits below plan and does not import it); the
// composition layer (src/composition/funding-match.ts) fills it from a plan action.
import { formatDate as day } from "@/platform/text";
import type { AidKind } from "./schema";

/** Where the action takes place: its communes with their EPCI, département and région codes. */
export type MatchPlaces = { communes: string[]; epcis: string[]; departements: string[]; regions: string[] };

export type MatchAction = {
  themes: readonly string[];
  /** The lead actor's legal type (actors' legalTypes); null when no lead is chosen yet. */
  leadLegalType: string | null;
  places: MatchPlaces;
  /** First day of the start month (YYYY-MM-01), when known. */
  startMonth: string | null;
  endMonth: string | null;
  /** What is still to be found, in euros (planned cost minus funding secured), when known. */
  amountNeeded: number | null;
};

export type MatchDeadline = { kind: "pre_depot" | "depot" | "decision" | "autre"; date: string; label: string };

export type MatchSource = {
  id: string;
  name: string;
  local: boolean;
  aidKind: AidKind;
  themes: readonly string[];
  bearers: readonly string[];
  scopeKind: "national" | "region" | "departement" | "epci" | "communes";
  scopeCodes: readonly string[];
  amountMin: number | null;
  amountMax: number | null;
  rateMax: number | null;
  deadlines: readonly MatchDeadline[];
};

/** Words the sentences need: labels of themes and legal types, names of places. All optional (codes are shown otherwise). */
export type MatchWords = { theme?: (id: string) => string; legalType?: (t: string) => string; place?: (code: string) => string };

export type SourceMatch = {
  source: MatchSource;
  score: number;
  /** Why it fits, in sentences, strongest first. */
  reasons: string[];
  /** What to check or what weakens it, in sentences. */
  cautions: string[];
  /** The next deadline from today on, if the territory knows one. */
  nextDeadline: MatchDeadline | null;
};

const euros = (n: number) => `${Math.round(n).toLocaleString("fr-FR")} €`;
const scopeWords: Record<Exclude<MatchSource["scopeKind"], "national">, { any: string; one: string }> = {
  region: { any: "Programme propre à chaque région : celle du territoire en a un.", one: "la région" },
  departement: { any: "Dispositif propre à chaque département : celui du territoire en a un.", one: "le département" },
  epci: { any: "Dispositif propre à chaque intercommunalité.", one: "l'intercommunalité" },
  communes: { any: "Dispositif local.", one: "les communes" },
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * One source against one action: null when it cannot fit (outside its perimeter, a bearer it does not fund,
 * no theme in common), otherwise a score with its reasons. `today` is the calendar day (YYYY-MM-DD).
 */
export function matchSource(action: MatchAction, source: MatchSource, today: string, words: MatchWords = {}): SourceMatch | null {
  const theme = words.theme ?? ((id: string) => id);
  const legal = words.legalType ?? ((t: string) => t);
  const place = words.place ?? ((c: string) => c);
  const reasons: string[] = [];
  const cautions: string[] = [];
  let score = 0;

  // Perimeter: a source with codes must cover at least one place of the action.
  if (source.scopeKind === "national") {
    reasons.push("Ouverte partout en France.");
  } else if (source.scopeCodes.length === 0) {
    reasons.push(scopeWords[source.scopeKind].any);
  } else {
    const mine = { region: action.places.regions, departement: action.places.departements, epci: action.places.epcis, communes: action.places.communes }[source.scopeKind];
    const covered = source.scopeCodes.filter((c) => mine.includes(c));
    if (covered.length === 0) return null;
    score += 2;
    reasons.push(`Finance sur ${scopeWords[source.scopeKind].one} où l'action a lieu : ${covered.map(place).join(", ")}.`);
  }

  // Bearers: empty = anyone.
  if (source.bearers.length === 0) {
    reasons.push("Ouverte à tout type de porteur.");
  } else if (action.leadLegalType === null) {
    score -= 1;
    cautions.push(`Porteurs éligibles : ${source.bearers.map(legal).join(", ")}. Choisissez le porteur de l'action pour le vérifier.`);
  } else if (source.bearers.includes(action.leadLegalType)) {
    score += 1;
    reasons.push(`Le porteur de l'action (${legal(action.leadLegalType).toLowerCase()}) fait partie des porteurs éligibles.`);
  } else {
    return null;
  }

  // Themes: at least one in common when both sides have some.
  const common = action.themes.filter((t) => source.themes.includes(t));
  if (action.themes.length > 0 && source.themes.length > 0 && common.length === 0) return null;
  if (common.length > 0) {
    score += 3 * common.length;
    reasons.unshift(`${common.length === 1 ? "Thème commun" : "Thèmes communs"} : ${common.map(theme).join(", ")}.`);
  } else if (action.themes.length === 0) {
    cautions.push("L'action n'a pas de thème : ajoutez-en pour des propositions plus justes.");
  }

  // Deadlines the territory knows.
  const upcoming = source.deadlines.filter((d) => d.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const next = upcoming[0] ?? null;
  if (next) {
    const inDays = daysBetween(today, next.date);
    if (action.startMonth && next.date > action.startMonth) {
      score -= 1;
      cautions.push(`La prochaine échéance (${day(next.date)}) tombe après le début de l'action : décaler le début ou financer la première période autrement.`);
    } else {
      score += 2;
      reasons.push(`Prochaine échéance le ${day(next.date)}${inDays <= 30 ? ` (dans ${inDays} jour${inDays > 1 ? "s" : ""})` : ""}, avant le début de l'action.`);
    }
  } else if (source.deadlines.length > 0) {
    const last = [...source.deadlines].sort((a, b) => b.date.localeCompare(a.date))[0] as MatchDeadline;
    score -= 1;
    cautions.push(`La dernière échéance connue (${day(last.date)}) est passée : guettez le prochain appel.`);
  }

  // Amounts, when both are known.
  if (action.amountNeeded !== null && action.amountNeeded > 0) {
    if (source.amountMin !== null && source.amountMin > action.amountNeeded) {
      score -= 2;
      cautions.push(`Montant minimum de ${euros(source.amountMin)}, au-dessus des ${euros(action.amountNeeded)} à trouver.`);
    } else if (source.amountMax !== null && source.amountMax < action.amountNeeded) {
      cautions.push(`Plafond de ${euros(source.amountMax)} : il faudra compléter les ${euros(action.amountNeeded)} à trouver.`);
    } else if (source.amountMax !== null) {
      score += 1;
      reasons.push(`Son plafond (${euros(source.amountMax)}) couvre les ${euros(action.amountNeeded)} à trouver.`);
    }
  }

  if (source.local) {
    score += 1;
    reasons.push("Source locale, connue de la coordination.");
  }
  return { source, score, reasons, cautions, nextDeadline: next };
}

/** The sources that fit one action, best first (score, then the soonest deadline, then the name). */
export function matchSources(action: MatchAction, sources: readonly MatchSource[], today: string, words: MatchWords = {}): SourceMatch[] {
  return sources
    .map((s) => matchSource(action, s, today, words))
    .filter((m): m is SourceMatch => m !== null)
    .sort((a, b) => b.score - a.score || (a.nextDeadline?.date ?? "9999").localeCompare(b.nextDeadline?.date ?? "9999") || a.source.name.localeCompare(b.source.name, "fr"));
}
