import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { governancePolicy } from "./policy";

/** The governance in the workspace menu (phase 5: who steers the strategy and the plan). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Gouvernance", path: "gouvernance", phase: "strategy", order: 50, show: governancePolicy.view }];
