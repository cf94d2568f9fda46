/** French typography helpers for opening hours ("9 h", "17 h 30", "9 h – 12 h"). */

export const NBSP = "\u00a0";

export const WEEKDAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"] as const;

const MONTHS = [
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
] as const;

/** "9 h", "17 h 30", "0 h" (non-breaking spaces inside). */
export function formatTime(hour: number, minute: number): string {
  return minute === 0 ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${String(minute).padStart(2, "0")}`;
}

/** Time of a wall-clock Date, midnight as "minuit". */
export function formatWallTime(wall: Date): string {
  const hour = wall.getHours();
  const minute = wall.getMinutes();
  return hour === 0 && minute === 0 ? "minuit" : formatTime(hour, minute);
}

/** "9 h – 12 h": no break before the dash, a normal space after it. */
export function formatRange(start: string, end: string): string {
  return `${start}${NBSP}– ${end}`;
}

/** Lower-case weekday of a wall-clock Date ("lundi"). */
export function weekdayName(wall: Date): string {
  return (WEEKDAYS[(wall.getDay() + 6) % 7] ?? "").toLowerCase();
}

/** "lundi 6 avril" (1er for the first day of the month). */
export function longDate(wall: Date): string {
  const day = wall.getDate() === 1 ? "1er" : String(wall.getDate());
  return `${weekdayName(wall)} ${day}${NBSP}${MONTHS[wall.getMonth()] ?? ""}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}
