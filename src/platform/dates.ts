/** Today in Paris, as the standard's date_maj and the forms' date fields (YYYY-MM-DD). */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
