import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { strategyPolicy } from "./policy";

/** The strategy's tabs in the workspace menu (phase 5, beside the plan's). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Stratégie", path: "strategie", phase: "strategy", order: 10, show: strategyPolicy.view },
  { label: "Matrice de couverture", path: "strategie/couverture", phase: "strategy", order: 15, show: strategyPolicy.view },
];
