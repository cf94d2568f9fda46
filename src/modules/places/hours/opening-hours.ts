/**
 * Opening hours of places, stored in OpenStreetMap `opening_hours` syntax
 * (e.g. "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off"),
 * evaluated in Europe/Paris time with French public holidays.
 *
 * `validate` is strict (for data entry): anything the library had to guess or
 * correct is rejected with a proposed correction. The evaluation functions are
 * tolerant: they display whatever the library can interpret (imported data),
 * and return null when there is nothing usable.
 */
import OpeningHours from "opening_hours";

import { capitalize, formatRange, formatTime, formatWallTime, longDate, NBSP, weekdayName, WEEKDAYS } from "./format";
import { fromParisWallDate, toParisWallDate } from "./paris-time";

export const EXAMPLE_HOURS = "Mo-Fr 09:00-12:00,14:00-17:30";

export interface HoursOptions {
  /**
   * Département, spelled as in the library data, for local public holidays:
   * "Moselle", "Bas-Rhin", "Haut-Rhin" add Good Friday and 26 December.
   */
  department?: string;
}

export type ValidationResult = { ok: true; normalized: string } | { ok: false; message: string };

export type OpeningState = "open" | "closed" | "unknown";

export interface OpeningStatus {
  /** True only when the place is certainly open ("unknown" counts as not open). */
  open: boolean;
  state: OpeningState;
  /** Comment of the matching rule ("sur rendez-vous"…), holiday names excluded. */
  comment: string | undefined;
  /** Real instant of the next state change (searched one year ahead). */
  nextChange: Date | undefined;
  /** State right after `nextChange`. */
  nextState: OpeningState | undefined;
  /** Name of the public holiday ("Lundi de Pâques") if the date is one. */
  holiday: string | undefined;
}

export interface DaySlot {
  /** "09:00" */
  start: string;
  /** "12:00", or "24:00" when the slot runs to midnight. */
  end: string;
  /** "9 h – 12 h" */
  label: string;
  /** The syntax says "maybe" (comment without explicit open, `unknown`). */
  unknown: boolean;
  comment: string | undefined;
}

export interface DaySchedule {
  day: (typeof WEEKDAYS)[number];
  /** Paris calendar date, "2026-04-06". */
  date: string;
  slots: DaySlot[];
  /** "9 h – 12 h, 14 h – 17 h 30", "Fermé", "Fermé (Lundi de Pâques)". */
  text: string;
  holiday: string | undefined;
}

export interface WeeklyTable {
  /** Monday to Sunday of the week containing the reference date (Paris). */
  days: DaySchedule[];
  /** Comments carried by the syntax during that week, e.g. "sur rendez-vous". */
  comments: string[];
  byAppointment: boolean;
}

// The library reads `address.state` for regional holidays; lat/lon only serve
// sunrise/sunset and are ignored unless strings (its typings say numbers).
function nominatim(options: HoursOptions) {
  return { lat: 0, lon: 0, address: { country_code: "fr", state: options.department ?? "" } };
}

// Parsing is the costly part (the library compiles its correction rules per token) and a territory
// has a few hundred distinct schedules for thousands of places: keep parsed schedules, bounded.
// Parsed objects are only queried (getState, getIterator…), never changed, so sharing them is safe.
// A text the library cannot read is remembered too (its error is thrown again): failing costs as much as parsing.
// On globalThis: Next.js bundles this module once per route kind (pages, route handlers); one memo for all.
const memo = globalThis as unknown as { __maillageParsedHours?: Map<string, { oh: OpeningHours } | { error: unknown }> };
const parsed = (memo.__maillageParsedHours ??= new Map());

function create(value: string, options: HoursOptions): OpeningHours {
  const key = `${options.department ?? ""}\u0000${value}`;
  let known = parsed.get(key);
  if (!known) {
    try {
      known = { oh: parse(value, options) };
    } catch (error) {
      known = { error };
    }
    if (parsed.size >= 5_000) parsed.delete(parsed.keys().next().value as string);
    parsed.set(key, known);
  }
  if ("error" in known) throw known.error;
  return known.oh;
}

function parse(value: string, options: HoursOptions): OpeningHours {
  return new OpeningHours(value, nominatim(options), {
    locale: "fr",
    mode: undefined,
    tag_key: undefined,
    map_value: undefined,
    warnings_severity: undefined,
  });
}

/**
 * School holidays (SH) depend on the academic zone, which we do not pass: the
 * library throws (and logs to the console), so we refuse them beforehand.
 */
function usesSchoolHolidays(value: string): boolean {
  return /\bSH\b/.test(value.replace(/"[^"]*"/g, ""));
}

/** Tolerant parse + evaluation; undefined when empty or unusable. */
function evaluate<T>(value: string, options: HoursOptions, run: (oh: OpeningHours) => T): T | undefined {
  if (value.trim() === "" || usesSchoolHolidays(value)) return undefined;
  try {
    return run(create(value, options));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- validate

/** Warnings that depend on today's date, not on the syntax ("2020 Jan 01 off"). */
const TIME_DEPENDENT_WARNINGS = new Set(["date_past", "date_range_past", "year_past"]);

function unreadable(reason: string, near: string, tail: string): string {
  // Drop the library's joke about semicolons ("Êtes-vous développeur…").
  const sentence = reason.replace(/\s*Êtes-vous développeur.*$/s, "").trim().replace(/\.$/, "");
  const where = near ? ` (près de «${NBSP}${near}${NBSP}»)` : "";
  return `Horaires illisibles${NBSP}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}${where}${NBSP}; ${tail}`;
}

const EXAMPLE_TAIL = `exemple attendu${NBSP}: ${EXAMPLE_HOURS}`;

/** The library throws strings like `Mo 25:00 <--- (La plage horaire commence…)`. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(.*?) <--- \((.*?)\)(?:\s|;|$)/s.exec(text);
  return match ? unreadable(match[2] ?? "", (match[1] ?? "").trim(), EXAMPLE_TAIL) : unreadable(text, "", EXAMPLE_TAIL);
}

function blockingWarnings(oh: OpeningHours) {
  return oh.getStructuredWarnings().filter((warning) => !TIME_DEPENDENT_WARNINGS.has(warning.type));
}

/** Checks OSM syntax; "" means "no hours" and is valid. */
export function validate(value: string, options: HoursOptions = {}): ValidationResult {
  const trimmed = value.trim();
  if (trimmed === "") return { ok: true, normalized: "" };
  if (usesSchoolHolidays(trimmed)) {
    return { ok: false, message: unreadable("les vacances scolaires (SH) ne sont pas prises en charge", "SH", EXAMPLE_TAIL) };
  }
  let oh: OpeningHours;
  try {
    oh = create(trimmed, options);
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
  const normalized = oh.prettifyValue();
  const [warning] = blockingWarnings(oh);
  if (!warning) return { ok: true, normalized };

  const near = warning.position === null ? "" : warning.value.slice(0, warning.position).trim();
  const correctionIsClean = evaluate(normalized, options, (fixed) => blockingWarnings(fixed).length === 0) ?? false;
  const tail = correctionIsClean ? `correction proposée${NBSP}: ${normalized}` : EXAMPLE_TAIL;
  return { ok: false, message: unreadable(warning.message, near, tail) };
}

// ---------------------------------------------------------------- helpers

const holidayProbes = new Map<string, OpeningHours>();

/** Holiday name at a wall-clock date: a "PH" schedule's comment is the name. */
function holidayName(wall: Date, options: HoursOptions): string | undefined {
  const key = options.department ?? "";
  let probe = holidayProbes.get(key);
  if (!probe) {
    probe = create("PH", options);
    holidayProbes.set(key, probe);
  }
  return probe.getState(wall) ? probe.getComment(wall) : undefined;
}

function stateAt(oh: OpeningHours, wall: Date): OpeningState {
  const state = oh.getStateString(wall, true);
  return state === "open" || state === "unknown" ? state : "closed";
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** Wall-clock Date at midnight of a Paris calendar day, shifted by `days`. */
function wallMidnight(wall: Date, days = 0): Date {
  return new Date(wall.getFullYear(), wall.getMonth(), wall.getDate() + days);
}

function calendarDaysBetween(from: Date, to: Date): number {
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

// ---------------------------------------------------------------- isOpenAt

// ---------------------------------------------------------------- answers per minute and per week

/**
 * Opening hours are minute-grained: the state at any instant of one minute, the next change and the
 * wording are the same as at the start of that minute. A page of results, the map's "open now" filter
 * or 20 searches at once ask about the same few hundred texts within the same minute: each is
 * evaluated once per minute. Only the current minute is kept (a new minute starts afresh).
 */
class PerMinute<T> {
  private minute = Number.NaN;
  private readonly values = new Map<string, T>();
  get(date: Date, key: string, compute: () => T): T {
    const minute = Math.floor(date.getTime() / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.values.clear();
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = compute();
    if (this.values.size >= 20_000) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}

const statuses = new PerMinute<OpeningStatus | null>();
const statusTexts = new PerMinute<string>();
const memoKey = (value: string, options: HoursOptions) => `${options.department ?? ""}\u0000${value}`;

/** Open/closed state at `date` (any instant), evaluated in Paris; null without usable hours. */
export function isOpenAt(value: string, date: Date, options: HoursOptions = {}): OpeningStatus | null {
  const status = statuses.get(date, memoKey(value, options), () => computeIsOpenAt(value, date, options));
  // A copy: callers own what they receive (the Date in particular).
  return status && { ...status, nextChange: status.nextChange && new Date(status.nextChange) };
}

/**
 * A filter "open now" for many places: true only for hours certainly open at `date` (unknown,
 * unreadable or missing hours are not "open": sending someone to a closed door is the worse mistake).
 * Each distinct text is evaluated once.
 */
export function openAt(date: Date, options: HoursOptions = {}): (hours: string | null) => boolean {
  const verdicts = new Map<string, boolean>();
  return (hours) => {
    if (!hours) return false;
    let open = verdicts.get(hours);
    if (open === undefined) {
      open = isOpenAt(hours, date, options)?.state === "open";
      verdicts.set(hours, open);
    }
    return open;
  };
}

function computeIsOpenAt(value: string, date: Date, options: HoursOptions): OpeningStatus | null {
  const wall = toParisWallDate(date);
  return (
    evaluate(value, options, (oh): OpeningStatus => {
      const state = stateAt(oh, wall);
      const holiday = holidayName(wall, options);
      const comment = oh.getComment(wall);
      const nextWall = oh.getNextChange(wall, wallMidnight(wall, 366));
      return {
        open: state === "open",
        state,
        comment: comment === holiday ? undefined : comment,
        nextChange: nextWall && fromParisWallDate(nextWall),
        nextState: nextWall && stateAt(oh, nextWall),
        holiday,
      };
    }) ?? null
  );
}

/** "à 17 h 30" / "demain à 9 h" / "lundi à 9 h" / "le lundi 6 avril à 9 h". */
function whenAt(nowWall: Date, wall: Date): string {
  const time = formatTime(wall.getHours(), wall.getMinutes());
  const days = calendarDaysBetween(nowWall, wall);
  if (days === 0) return `à ${time}`;
  if (days === 1) return `demain à ${time}`;
  if (days < 7) return `${weekdayName(wall)} à ${time}`;
  return `le ${longDate(wall)} à ${time}`;
}

/** "jusqu’à 17 h 30" / "jusqu’à minuit" / "jusqu’à lundi 9 h" / "jusqu’au lundi 6 avril à 9 h". */
function until(nowWall: Date, wall: Date): string {
  const isMidnight = wall.getHours() === 0 && wall.getMinutes() === 0;
  const day = isMidnight ? wallMidnight(wall, -1) : wall; // midnight ends the previous day
  const time = formatWallTime(wall);
  const days = calendarDaysBetween(nowWall, day);
  if (days === 0) return `jusqu’à ${time}`;
  if (days === 1) return `jusqu’à demain ${time}`;
  if (days < 7) return `jusqu’à ${weekdayName(day)} ${time}`;
  return `jusqu’au ${longDate(day)} à ${time}`;
}

/** "Ouvert jusqu’à 17 h 30", "Ouvre lundi à 9 h", "Fermé", "Sur rendez-vous jusqu’à 12 h"… */
export function statusText(value: string, date: Date, options: HoursOptions = {}): string {
  return statusTexts.get(date, memoKey(value, options), () => computeStatusText(value, date, options));
}

function computeStatusText(value: string, date: Date, options: HoursOptions): string {
  const status = statuses.get(date, memoKey(value, options), () => computeIsOpenAt(value, date, options));
  if (!status) return value.trim() === "" ? "Horaires non renseignés" : "Horaires illisibles";
  const nowWall = toParisWallDate(date);
  const nextWall = status.nextChange && toParisWallDate(status.nextChange);
  const note = status.comment ? ` (${status.comment})` : "";

  if (status.state === "open") {
    return `${nextWall ? `Ouvert ${until(nowWall, nextWall)}` : "Ouvert"}${note}`;
  }
  if (status.state === "unknown") {
    const label = status.comment ? capitalize(status.comment) : "Ouverture incertaine";
    return nextWall ? `${label} ${until(nowWall, nextWall)}` : label;
  }
  const closed = status.holiday ? `Fermé (${status.holiday})` : "Fermé";
  if (!nextWall) return `${closed}${note}`;
  const next = status.nextState === "open" ? `ouvre ${whenAt(nowWall, nextWall)}` : `fermé ${until(nowWall, nextWall)}`;
  return `${status.holiday ? `${closed}, ${next}` : capitalize(next)}${note}`;
}

// ---------------------------------------------------------------- weeklyTable

function slotOf(from: Date, to: Date, unknown: boolean, comment: string | undefined, dayStart: Date): DaySlot {
  const toMidnight = calendarDaysBetween(dayStart, to) === 1;
  const start = `${pad(from.getHours())}:${pad(from.getMinutes())}`;
  const end = toMidnight ? "24:00" : `${pad(to.getHours())}:${pad(to.getMinutes())}`;
  return {
    start,
    end,
    label: formatRange(formatTime(from.getHours(), from.getMinutes()), formatWallTime(to)),
    unknown,
    comment,
  };
}

function slotText(slot: DaySlot): string {
  const wholeDay = slot.start === "00:00" && slot.end === "24:00";
  if (wholeDay && slot.unknown) return slot.comment ? capitalize(slot.comment) : "Ouverture incertaine";
  const label = wholeDay ? `24${NBSP}h sur 24` : slot.label;
  if (slot.comment) return `${label} (${slot.comment})`;
  return slot.unknown ? `${label} (à confirmer)` : label;
}

// The table depends only on the text and the Paris week: kept per week, bounded. Shared, so frozen.
const tables = new Map<string, WeeklyTable | null>();

/** Readable Monday–Sunday table of the Paris week containing `referenceDate`; null without usable hours. */
export function weeklyTable(
  value: string,
  referenceDate: Date = new Date(),
  options: HoursOptions = {},
): WeeklyTable | null {
  const refWall = toParisWallDate(referenceDate);
  const monday = wallMidnight(refWall, -((refWall.getDay() + 6) % 7));
  const key = `${monday.getFullYear()}-${monday.getMonth() + 1}-${monday.getDate()}\u0000${memoKey(value, options)}`;
  if (tables.has(key)) return tables.get(key) ?? null;
  const table = computeWeeklyTable(value, monday, options);
  if (table) {
    for (const day of table.days) {
      for (const slot of day.slots) Object.freeze(slot);
      Object.freeze(day.slots);
      Object.freeze(day);
    }
    Object.freeze(table.days);
    Object.freeze(table.comments);
    Object.freeze(table);
  }
  if (tables.size >= 5_000) tables.delete(tables.keys().next().value as string);
  tables.set(key, table);
  return table;
}

function computeWeeklyTable(value: string, monday: Date, options: HoursOptions): WeeklyTable | null {
  return (
    evaluate(value, options, (oh): WeeklyTable => {
      const holidays = new Set<string>();
      const days = WEEKDAYS.map((day, index): DaySchedule => {
        const start = wallMidnight(monday, index);
        const holiday = holidayName(start, options);
        if (holiday) holidays.add(holiday);
        const slots = oh
          .getOpenIntervals(start, wallMidnight(monday, index + 1))
          .map(([from, to, unknown, comment]) => slotOf(from, to, unknown, comment, start));
        const closed = holiday ? `Fermé (${holiday})` : "Fermé";
        return {
          day,
          date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
          slots,
          text: slots.length === 0 ? closed : slots.map(slotText).join(", "),
          holiday,
        };
      });

      const comments = new Set<string>();
      const iterator = oh.getIterator(monday);
      const sunday = wallMidnight(monday, 7);
      do {
        const comment = iterator.getComment();
        if (comment && !holidays.has(comment)) comments.add(comment);
      } while (iterator.advance(sunday));

      return {
        days,
        comments: [...comments],
        byAppointment: [...comments].some((comment) => /rendez-vous|\brdv\b|appointment/i.test(comment)),
      };
    }) ?? null
  );
}
