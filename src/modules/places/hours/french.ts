/**
 * Opening hours as people write them in French ("du lundi au vendredi 9h-12h et 14h-17h", "lundi
 * 9h-12h ; mardi 14h-17h", "tous les jours 8h-20h, fermé le mercredi") read into a weekly schedule,
 * then written in OpenStreetMap `opening_hours` syntax, which is what is stored. Simple OSM values
 * ("Mo-Fr 09:00-12:00; PH off") are read by the same grammar. Pure (no library, no database): the
 * browser runs it too, for the live preview; the server then checks the OSM value with the library.
 *
 * Every refusal names what was not understood, in French.
 */

import { formatRange, formatTime, WEEKDAYS } from "./format";

/** Minutes since midnight; an end may be 1440 (midnight at the end of the day). */
export type TimeRange = { start: number; end: number };
/** Monday first; an empty day is closed. */
export type Week = TimeRange[][];
export type Schedule = { week: Week; holidaysClosed: boolean };
export type Understood = { ok: true; schedule: Schedule; osm: string } | { ok: false; message: string };

export const FRENCH_EXAMPLE = "du lundi au vendredi 9h-12h et 14h-17h";
const Q = (text: string) => `«\u00a0${text}\u00a0»`;
const EXAMPLE = `Écrivez par exemple ${Q(FRENCH_EXAMPLE)}.`;

type Token =
  | { k: "day"; d: number; src: string }
  | { k: "time"; m: number; src: string }
  | { k: "to" | "from" | "and" | "sep" | "closed" | "every" | "except" | "ph" | "weekdays" | "weekend"; src: string };

const strip = (w: string) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

const DAY_WORDS: Record<string, number> = {};
[
  ["lundi", "lundis", "lun", "lu", "mo"],
  ["mardi", "mardis", "mar", "ma", "tu"],
  ["mercredi", "mercredis", "mer", "me", "we"],
  ["jeudi", "jeudis", "jeu", "je", "th"],
  ["vendredi", "vendredis", "ven", "ve", "fr"],
  ["samedi", "samedis", "sam", "sa"],
  ["dimanche", "dimanches", "dim", "di", "su"],
].forEach((words, d) => words.forEach((w) => (DAY_WORDS[w] = d)));

const WORDS: Record<string, Token["k"] | "skip"> = {
  a: "to", au: "to", aux: "to", jusqu: "to", jusquau: "to",
  de: "from", du: "from", des: "from", d: "from", entre: "from",
  et: "and", puis: "and", ainsi: "skip", que: "and",
  ferme: "closed", fermee: "closed", fermes: "closed", fermees: "closed", fermeture: "closed", off: "closed", closed: "closed",
  sauf: "except", excepte: "except", hors: "except",
  ph: "ph", feries: "ph", ferie: "ph",
  semaine: "weekdays", weekend: "weekend",
  le: "skip", les: "skip", la: "skip", l: "skip", tous: "skip", toutes: "skip", jours: "skip", jour: "skip",
  ouvert: "skip", ouverte: "skip", ouverts: "skip", ouvertes: "skip", ouverture: "skip", horaires: "skip", horaire: "skip",
  matin: "skip", matins: "skip", apres: "skip", midi: "skip", soir: "skip", aussi: "skip", egalement: "skip", seulement: "skip", uniquement: "skip",
  en: "skip", on: "skip", chaque: "skip",
};

function tokenize(text: string): Token[] | { error: string } {
  const out: Token[] = [];
  const lower = text.toLowerCase().replace(/[’`]/g, "'");
  let i = 0;
  const push = (t: Token) => out.push(t);
  while (i < lower.length) {
    const rest = lower.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^\s+/.exec(rest))) {
      if (m[0].includes("\n")) push({ k: "sep", src: "\n" });
      i += m[0].length;
    } else if ((m = /^(?:tous les jours|toute la semaine|chaque jour|tlj|7\s*j(?:ours)?\s*(?:\/|sur)\s*7)/.exec(rest))) {
      push({ k: "every", src: m[0] });
      i += m[0].length;
    } else if ((m = /^24\s*\/\s*7/.exec(rest))) {
      push({ k: "every", src: m[0] });
      push({ k: "time", m: 0, src: m[0] });
      push({ k: "to", src: m[0] });
      push({ k: "time", m: 1440, src: m[0] });
      i += m[0].length;
    } else if ((m = /^24\s*h?\s*(?:\/|sur)\s*24/.exec(rest))) {
      push({ k: "time", m: 0, src: m[0] });
      push({ k: "to", src: m[0] });
      push({ k: "time", m: 1440, src: m[0] });
      i += m[0].length;
    } else if ((m = /^(?:week-end|week end|fin de semaine)s?/.exec(rest))) {
      push({ k: "weekend", src: m[0] });
      i += m[0].length;
    } else if ((m = /^(\d{1,2})(?:\s*(?:h|:)(?:\s*(\d{2})(?!\d|\s*h))?|\.(\d{2}))?(?!\d)/.exec(rest))) {
      const hour = Number(m[1]);
      const minute = Number(m[2] ?? m[3] ?? 0);
      if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return { error: `L'heure ${Q(m[0].trim())} n'existe pas (de 0 h à 24 h, minutes de 00 à 59).` };
      push({ k: "time", m: hour * 60 + minute, src: m[0].trim() });
      i += m[0].length;
    } else if ((m = /^\d+/.exec(rest))) {
      return { error: `Le nombre ${Q(m[0])} n'est pas compris comme une heure. ${EXAMPLE}` };
    } else if ((m = /^midi(?![\p{L}])/u.exec(rest))) {
      push({ k: "time", m: 720, src: m[0] });
      i += m[0].length;
    } else if ((m = /^minuit(?![\p{L}])/u.exec(rest))) {
      push({ k: "time", m: 1440, src: m[0] });
      i += m[0].length;
    } else if ((m = /^(?:apres-midi|après-midi)/.exec(rest))) {
      i += m[0].length;
    } else if ((m = /^[\p{L}]+'?/u.exec(rest))) {
      const word = strip(m[0].replace(/'$/, ""));
      i += m[0].length;
      if (word === "jusqu" && /^\s*a(?:u)?\b/.test(strip(lower.slice(i)))) {
        i += /^\s*(?:a|à)u?/.exec(lower.slice(i))?.[0].length ?? 0;
        push({ k: "to", src: "jusqu'à" });
        continue;
      }
      const day = DAY_WORDS[word];
      if (day !== undefined) {
        push({ k: "day", d: day, src: m[0] });
        if (lower[i] === "." && word.length <= 3) i += 1; // "lun." is an abbreviation, not the end of a sentence
        continue;
      }
      const kind = WORDS[word];
      if (kind === undefined) {
        const whole = (/^[\p{L}'-]+/u.exec(rest)?.[0] ?? m[0]).replace(/['-]+$/, "");
        return { error: `Le mot ${Q(whole)} n'est pas compris. ${EXAMPLE}` };
      }
      if (kind !== "skip") push({ k: kind, src: m[0] } as Token);
    } else if ((m = /^(?:-|–|—|→|>)/.exec(rest))) {
      push({ k: "to", src: m[0] });
      i += m[0].length;
    } else if ((m = /^[,&/+]/.exec(rest))) {
      push({ k: "and", src: m[0] });
      i += 1;
    } else if ((m = /^[;.|]/.exec(rest))) {
      push({ k: "sep", src: m[0] });
      i += 1;
    } else if ((m = /^[:()'"«»]/.exec(rest))) {
      i += 1; // "lundi : 9h-12h", quotes and brackets carry no meaning here
    } else {
      return { error: `Le signe ${Q(rest.charAt(0))} n'est pas compris. ${EXAMPLE}` };
    }
  }
  return out;
}

/** `afterClosure`: follows "fermé …," — days without hours there are more closed days ("fermé lundi, mardi"). */
type Clause = { days: Set<number>; except: Set<number>; ranges: TimeRange[]; closed: boolean; ph: boolean; exceptMode: boolean; first: string; afterClosure: boolean };

const newClause = (): Clause => ({ days: new Set(), except: new Set(), ranges: [], closed: false, ph: false, exceptMode: false, first: "", afterClosure: false });
const isEmpty = (c: Clause) => c.days.size === 0 && c.ranges.length === 0 && !c.closed && !c.ph && c.except.size === 0;

const dayName = (d: number) => (WEEKDAYS[d] ?? "").toLowerCase();
export const timeLabel = (m: number) => (m === 1440 ? "minuit" : formatTime(Math.floor(m / 60), m % 60));
export const rangeLabel = (r: TimeRange) => formatRange(timeLabel(r.start), timeLabel(r.end));

function daysBetween(a: number, b: number): number[] {
  const out = [a];
  for (let d = a; d !== b; ) out.push((d = (d + 1) % 7));
  return out;
}

/** Reads French (or simple OSM) hours; "" is not accepted here (the caller treats it as "no hours"). */
export function parseFrenchHours(text: string): { ok: true; schedule: Schedule } | { ok: false; message: string } {
  const tokens = tokenize(text);
  if ("error" in tokens) return { ok: false, message: tokens.error };
  const clauses: Clause[] = [];
  let cur = newClause();
  const next = () => {
    if (!isEmpty(cur)) clauses.push(cur);
    cur = newClause();
  };
  const addDays = (days: number[], src: string) => {
    if (cur.ph || (!cur.exceptMode && cur.days.size > 0 && (cur.ranges.length > 0 || cur.closed))) next();
    if (!cur.first) cur.first = src;
    for (const d of days) (cur.exceptMode ? cur.except : cur.days).add(d);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const at = (j: number) => tokens[j];
    switch (t.k) {
      case "sep":
        next();
        break;
      case "from":
        break;
      case "and":
        // "fermé le dimanche, du lundi au samedi 9h-12h": a comma ends a closure that names its days.
        if (t.src === "," && cur.closed && cur.days.size > 0) {
          next();
          cur.afterClosure = true;
        }
        break;
      case "day": {
        const to = at(i + 1);
        const end = at(i + 2);
        if (to?.k === "to" && end?.k === "day") {
          addDays(daysBetween(t.d, end.d), `${t.src} ${to.src} ${end.src}`);
          i += 2;
        } else addDays([t.d], t.src);
        break;
      }
      case "every":
        addDays([0, 1, 2, 3, 4, 5, 6], t.src);
        break;
      case "weekdays":
        addDays([0, 1, 2, 3, 4], t.src);
        break;
      case "weekend":
        addDays([5, 6], t.src);
        break;
      case "except":
        cur.exceptMode = true;
        break;
      case "ph": {
        // "fermé le dimanche et les jours fériés": the closure carries over to the holidays.
        const closed = cur.closed;
        if (cur.days.size > 0 || cur.ranges.length > 0) next();
        cur.ph = true;
        cur.closed ||= closed;
        break;
      }
      case "closed":
        if (cur.ranges.length > 0 || (cur.ph && cur.closed)) next();
        cur.closed = true;
        cur.exceptMode = false;
        break;
      case "time": {
        const to = at(i + 1);
        const end = at(i + 2);
        if (to?.k !== "to" || end?.k !== "time") {
          return { ok: false, message: `Après ${Q(t.src)}, il manque l'heure de fin (par exemple ${Q(`${t.src}-12h`)}).` };
        }
        if (cur.closed) return { ok: false, message: `${Q(`fermé ${t.src}-${end.src}`)} n'est pas compris : indiquez les heures d'ouverture (par exemple ${Q("9h-12h et 14h-18h")}) et les jours de fermeture (${Q("fermé le mercredi")}).` };
        if (end.m <= t.m) return { ok: false, message: `Dans ${Q(`${t.src}-${end.src}`)}, l'heure de fin doit suivre l'heure de début (les horaires de nuit ne sont pas pris en charge).` };
        if (cur.ph) return { ok: false, message: `Les horaires des jours fériés (${Q(`${t.src}-${end.src}`)}) ne sont pas pris en charge : indiquez seulement ${Q("fermé les jours fériés")} si c'est le cas.` };
        cur.ranges.push({ start: t.m, end: end.m });
        cur.exceptMode = false;
        i += 2;
        break;
      }
      case "to":
        return { ok: false, message: `${Q(t.src)} n'est pas compris à cet endroit : écrivez ${Q("du lundi au vendredi")} ou ${Q("de 9h à 12h")}.` };
    }
  }
  next();
  if (clauses.length === 0) return { ok: false, message: `Aucun jour ni aucune heure n'a été compris. ${EXAMPLE}` };

  const week: Week = [[], [], [], [], [], [], []];
  let holidaysClosed = false;
  let opened = false;
  const closures: number[] = [];
  for (const c of clauses) {
    const days = [...c.days].filter((d) => !c.except.has(d)).sort((a, b) => a - b);
    if (c.ph) {
      if (!c.closed) return { ok: false, message: `Les jours fériés : seule la fermeture est prise en charge (${Q("fermé les jours fériés")}).` };
      holidaysClosed = true;
      continue;
    }
    if (c.closed) {
      if (days.length === 0) return { ok: false, message: `${Q("fermé")} : précisez quel jour (par exemple ${Q("fermé le mercredi")}).` };
      closures.push(...days);
      continue;
    }
    if (c.ranges.length === 0 && c.afterClosure) {
      closures.push(...days);
      continue;
    }
    if (c.ranges.length === 0) {
      return { ok: false, message: `Il manque les heures pour ${Q(c.first)} (par exemple ${Q(`${c.first} 9h-12h`)}).` };
    }
    if (c.days.size === 0) {
      const label = c.ranges.map(rangeLabel).join(" et ");
      return { ok: false, message: `Précisez les jours pour ${label} (par exemple ${Q("du lundi au vendredi 9h-12h")} ou ${Q("tous les jours 9h-12h")}).` };
    }
    const ranges = [...c.ranges].sort((a, b) => a.start - b.start);
    for (let k = 1; k < ranges.length; k++) {
      const [a, b] = [ranges[k - 1] as TimeRange, ranges[k] as TimeRange];
      if (b.start < a.end) return { ok: false, message: `Les plages ${rangeLabel(a)} et ${rangeLabel(b)} se chevauchent (${Q(c.first)}).` };
    }
    for (const d of days) week[d] = ranges;
    opened = true;
  }
  for (const d of closures) week[d] = [];
  if (!opened || week.every((day) => day.length === 0)) {
    return { ok: false, message: `Seuls des jours de fermeture ont été compris : indiquez aussi quand le lieu est ouvert (par exemple ${Q("du lundi au samedi 9h-18h, fermé le mercredi")}).` };
  }
  return { ok: true, schedule: { week, holidaysClosed } };
}

// ---------------------------------------------------------------- OSM

const OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Days with the same ranges share one rule; runs of three days or more are written as a range ("Mo-Fr"). */
export function scheduleToOsm({ week, holidaysClosed }: Schedule): string {
  const groups = new Map<string, number[]>();
  week.forEach((ranges, d) => {
    if (ranges.length === 0) return;
    const key = ranges.map((r) => `${hhmm(r.start)}-${hhmm(r.end)}`).join(",");
    groups.set(key, [...(groups.get(key) ?? []), d]);
  });
  const rules = [...groups].map(([times, days]) => {
    const parts: string[] = [];
    for (let k = 0; k < days.length; ) {
      let j = k;
      while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
      const a = OSM_DAYS[days[k] as number];
      const b = OSM_DAYS[days[j] as number];
      if (j - k >= 2) parts.push(`${a}-${b}`);
      else for (let n = k; n <= j; n++) parts.push(OSM_DAYS[days[n] as number] as string);
      k = j + 1;
    }
    return times === "00:00-24:00" && days.length === 7 ? "24/7" : `${parts.join(",")} ${times}`;
  });
  if (holidaysClosed) rules.push("PH off");
  return rules.join("; ");
}

/** French (or simple OSM) text → schedule and OSM value; the server still checks the value with the library. */
export function understandFrench(text: string): Understood {
  const parsed = parseFrenchHours(text);
  if (!parsed.ok) return parsed;
  return { ok: true, schedule: parsed.schedule, osm: scheduleToOsm(parsed.schedule) };
}

/** One line per weekday, Monday first: "9 h – 12 h, 14 h – 17 h" or "Fermé". */
export function weekRows(schedule: Schedule): { day: string; text: string }[] {
  return schedule.week.map((ranges, d) => ({ day: WEEKDAYS[d] as string, text: ranges.length ? ranges.map(rangeLabel).join(", ") : "Fermé" }));
}

export { dayName };

// ---------------------------------------------------------------- grid

export const GRID_PARTS = [
  { key: "matin_debut", label: "Ouverture le matin" },
  { key: "matin_fin", label: "Fermeture le matin" },
  { key: "apres_debut", label: "Ouverture l'après-midi" },
  { key: "apres_fin", label: "Fermeture l'après-midi" },
] as const;
export type GridRow = { closed: boolean; matin_debut: string; matin_fin: string; apres_debut: string; apres_fin: string };

/** The form's name of a grid cell: "grille_0_matin_debut", "grille_0_ferme" (0 = Monday). */
export const gridName = (day: number, part: (typeof GRID_PARTS)[number]["key"] | "ferme") => `grille_${day}_${part}`;

export function readGrid(raw: Record<string, unknown>): GridRow[] {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  return WEEKDAYS.map((_, d) => ({
    closed: raw[gridName(d, "ferme")] !== undefined && raw[gridName(d, "ferme")] !== "",
    matin_debut: text(raw[gridName(d, "matin_debut")]),
    matin_fin: text(raw[gridName(d, "matin_fin")]),
    apres_debut: text(raw[gridName(d, "apres_debut")]),
    apres_fin: text(raw[gridName(d, "apres_fin")]),
  }));
}

/** True when the person used the grid (a time typed or a day ticked "fermé"). */
export const gridUsed = (rows: GridRow[]) => rows.some((r) => r.closed || r.matin_debut || r.matin_fin || r.apres_debut || r.apres_fin);

function gridTime(value: string, where: string): number | string {
  const m = /^(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?$/i.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : NaN;
  if (!m || Number(m[2] ?? 0) > 59 || minutes > 1440) return `${where} : l'heure ${Q(value)} n'est pas comprise (par exemple 9:00 ou 14h30).`;
  return minutes;
}

/** The day-by-day grid → schedule (a day left empty is closed); an error names the day and the half-day. */
export function gridToSchedule(rows: GridRow[]): { ok: true; schedule: Schedule } | { ok: false; message: string } {
  const week: Week = [];
  for (const [d, row] of rows.entries()) {
    const day = WEEKDAYS[d] as string;
    const ranges: TimeRange[] = [];
    if (!row.closed) {
      for (const [half, a, b] of [["matin", row.matin_debut, row.matin_fin], ["après-midi", row.apres_debut, row.apres_fin]] as const) {
        if (!a && !b) continue;
        const where = `${day} ${half}`;
        if (!a || !b) return { ok: false, message: `${where} : indiquez l'heure d'ouverture et l'heure de fermeture.` };
        const start = gridTime(a, where);
        const end = gridTime(b, where);
        if (typeof start === "string") return { ok: false, message: start };
        if (typeof end === "string") return { ok: false, message: end };
        if (end <= start) return { ok: false, message: `${where} : la fermeture (${timeLabel(end)}) doit suivre l'ouverture (${timeLabel(start)}).` };
        ranges.push({ start, end });
      }
      if (ranges.length === 2 && (ranges[1] as TimeRange).start < (ranges[0] as TimeRange).end) {
        return { ok: false, message: `${day} : l'après-midi commence avant la fin du matin.` };
      }
    }
    week.push(ranges);
  }
  if (week.every((r) => r.length === 0)) return { ok: false, message: "La grille n'indique aucune heure d'ouverture : remplissez au moins un jour." };
  return { ok: true, schedule: { week, holidaysClosed: false } };
}
