import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { groupPolicy, watchPolicy } from "./policy";

/** The groups' tabs in the workspace menu (phase 4, collective dynamics): the groups, and the shared watch. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Groupes de travail", path: "groupes", phase: "collective", order: 10, show: groupPolicy.view },
  { label: "Veille partagée", path: "veille", phase: "collective", order: 40, show: watchPolicy.view },
];
