import { dimension, type DimensionId, type Level } from "../grid";

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** "12 mars 2026" (Paris time). */
export function formatDay(d: Date): string {
  return dayFormat.format(d);
}

/** "2 — Permanence organisée". */
export function levelWithName(id: DimensionId, level: Level): string {
  return `${level} — ${dimension(id).levels[level - 1]?.name ?? ""}`;
}

