import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { findingPolicy } from "./policy";

/** The findings' tab in the workspace menu. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Constats", path: "constats", phase: "diagnose", order: 30, show: findingPolicy.view },
];
