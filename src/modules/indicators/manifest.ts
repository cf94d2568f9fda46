import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { indicatorPolicy } from "./policy";

/** The evaluation's tab in the workspace menu (phase 7). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Évaluation", path: "evaluation", phase: "evaluate", order: 10, show: indicatorPolicy.view }];
