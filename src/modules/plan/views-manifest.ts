import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { planPolicy } from "./policy";

/**
 * The plan's read-side views in the workspace menu (phase 5). Kept apart from the write side's manifest.ts
 * so that both halves of the module could be built at the same time; the module's entry exports both.
 */
export const viewTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Calendrier du plan", path: "plan/calendrier", phase: "strategy", order: 41, show: planPolicy.view },
  { label: "Budget du plan", path: "plan/budget", phase: "strategy", order: 42, show: planPolicy.view },
  { label: "Communes visées par le plan", path: "plan/carte", phase: "strategy", order: 43, show: planPolicy.view },
];
