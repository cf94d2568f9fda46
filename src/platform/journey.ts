import type { WorkspacePhase } from "@/platform/workspace";

/**
 * What one module tells about a territory's journey through the phases (the workspace home, issue 12).
 * Each module that serves a phase exports `journeyOf(db, territory, now)` returning its contributions; the
 * composition layer (src/composition/journey) gathers them phase by phase. Texts are French sentences for people.
 */
export type JourneyContribution = {
  phase: WorkspacePhase;
  /** What exists: "12 objectifs", "3 réunions, la dernière le 4 novembre 2026". */
  facts: JourneyFact[];
  /** What is missing, in words ("Aucun objectif à long terme"). */
  missing: string[];
  /** The next useful steps, most useful first. */
  next: JourneyStep[];
  /** Last change in this module for this territory, when known. */
  lastChange?: Date;
};

export type JourneyFact = { label: string; count?: number; date?: Date; href?: string };

/** `urgent`: a deadline or an overdue item (shown first, marked); `useful`: what would move the phase on. */
export type JourneyStep = { text: string; href: string; urgency: "urgent" | "useful" };

/** The territory a contribution is computed for: its id (tenancy), its slug (links), its status when a policy needs it. */
export type JourneyTerritory = { id: string; slug: string; status?: string };

/** The single row of a contribution's query (`db.execute` gives `{ rows }` on PGlite and node-postgres alike). */
export function journeyRow<T>(result: unknown): T | undefined {
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return rows[0] as T | undefined;
}

/** A timestamp read by a raw query (a Date, or a string from inside JSON), or undefined. */
export function journeyDate(value: Date | string | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
