import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { decisionPolicy } from "./policy";

/** The decisions log in the workspace menu (meetings are reached from each group's page). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Décisions", path: "decisions", phase: "collective", order: 30, show: decisionPolicy.view }];
