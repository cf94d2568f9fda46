import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { diagnosticPolicy } from "./policy";

/** The portrait's tab in the workspace menu (the État des lieux and the indicators are below it). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Portrait du territoire", path: "diagnostic", phase: "diagnose", order: 10, show: diagnosticPolicy.view },
];
