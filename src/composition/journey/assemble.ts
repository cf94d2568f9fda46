import { workspacePhases, type WorkspacePhase } from "@/platform/workspace";
import type { JourneyContribution, JourneyFact, JourneyStep } from "@/platform/journey";

export type JourneyPhase = {
  id: Exclude<WorkspacePhase, "territory">;
  title: string;
  /** False when no module serves this phase yet: the page says so plainly. */
  served: boolean;
  facts: JourneyFact[];
  missing: string[];
  /** Urgent steps first, then the useful ones, each in its module's order. */
  next: JourneyStep[];
  lastChange?: Date;
};

export type Journey = { phases: JourneyPhase[]; urgent: (JourneyStep & { phase: string })[] };

/**
 * Gathers the modules' contributions phase by phase (pure: the loader runs the modules' `journeyOf`).
 * `served` lists the phases some module serves even when it has nothing to say yet (its contribution may be empty).
 */
export function assembleJourney(contributions: JourneyContribution[], served: ReadonlySet<WorkspacePhase>): Journey {
  const phases = workspacePhases
    .filter((p): p is (typeof workspacePhases)[number] & { id: JourneyPhase["id"] } => p.id !== "territory")
    .map((p): JourneyPhase => {
      const mine = contributions.filter((c) => c.phase === p.id);
      const steps = mine.flatMap((c) => c.next);
      const dates = mine.map((c) => c.lastChange).filter((d): d is Date => d !== undefined);
      return {
        id: p.id,
        title: p.title,
        served: served.has(p.id) || mine.length > 0,
        facts: mine.flatMap((c) => c.facts),
        missing: mine.flatMap((c) => c.missing),
        next: [...steps.filter((s) => s.urgency === "urgent"), ...steps.filter((s) => s.urgency !== "urgent")],
        lastChange: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined,
      };
    });
  return { phases, urgent: phases.flatMap((p) => p.next.filter((s) => s.urgency === "urgent").map((s) => ({ ...s, phase: p.title }))) };
}
