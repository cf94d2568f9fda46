import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { contributionPolicy } from "./policy";

/** The moderation queue's tab in the workspace menu. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Propositions de lieux", path: "propositions", phase: "map", order: 40, show: contributionPolicy.moderate },
];
