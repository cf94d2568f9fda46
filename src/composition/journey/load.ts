import type { Db } from "@/platform/db/client";
import type { JourneyContribution } from "@/platform/journey";
import type { Territory } from "@/modules/territories";
import type { WorkspacePhase } from "@/platform/workspace";
import { journeyOf as places } from "@/modules/places";
import { journeyOf as actors } from "@/modules/actors";
import { journeyOf as maturity } from "@/modules/maturity";
import { journeyOf as diagnostic } from "@/modules/diagnostic";
import { journeyOf as questionnaires } from "@/modules/questionnaires";
import { journeyOf as findings } from "@/modules/findings";
import { journeyOf as strategy } from "@/modules/strategy";
import { journeyOf as funding } from "@/modules/funding";
import { journeyOf as groups } from "@/modules/groups";
import { journeyOf as meetings } from "@/modules/meetings";
import { journeyOf as plan } from "@/modules/plan";
import { journeyOf as charter } from "@/modules/charter";
import { journeyOf as indicators } from "@/modules/indicators";
import { journeyOf as accompaniments } from "@/modules/accompaniments";
import { journeyOf as governance } from "@/modules/governance";
import { assembleJourney, type Journey } from "./assemble";

type Contributor = { phase: WorkspacePhase; journeyOf: (db: Db, territory: Territory, now: Date) => Promise<JourneyContribution[]> };

/**
 * The contributors of the journey, one line each, in the order their words are shown within a phase. A new
 * module that serves a phase exports `journeyOf` from its index and adds its line here (decision 024).
 */
export const journeyContributors: readonly Contributor[] = [
  { phase: "map", journeyOf: actors },
  { phase: "map", journeyOf: places },
  { phase: "map", journeyOf: maturity },
  { phase: "diagnose", journeyOf: diagnostic },
  { phase: "diagnose", journeyOf: questionnaires },
  { phase: "diagnose", journeyOf: findings },
  { phase: "means", journeyOf: funding },
  { phase: "collective", journeyOf: groups },
  { phase: "collective", journeyOf: meetings },
  { phase: "strategy", journeyOf: strategy },
  { phase: "strategy", journeyOf: plan },
  { phase: "strategy", journeyOf: governance },
  { phase: "commitments", journeyOf: charter },
  { phase: "evaluate", journeyOf: indicators },
  { phase: "evaluate", journeyOf: accompaniments },
];

/** The territory's journey through the eight phases: one query per contributor, run side by side. */
export async function territoryJourney(db: Db, territory: Territory, now: Date = new Date()): Promise<Journey> {
  const parts = await Promise.all(journeyContributors.map((c) => c.journeyOf(db, territory, now)));
  return assembleJourney(parts.flat(), new Set(journeyContributors.map((c) => c.phase)));
}
