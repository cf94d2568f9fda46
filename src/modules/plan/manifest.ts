import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { planPolicy } from "./policy";

/** The action plan's tab in the workspace menu (PLANVIEW's timeline, budget and map are reached from the plan page). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Plan d'action", path: "plan", phase: "strategy", order: 20, show: planPolicy.view }];
