import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { questionnairePolicy } from "./policy";

/** The questionnaires' tab in the workspace menu. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Questionnaires", path: "questionnaires", phase: "diagnose", order: 20, show: questionnairePolicy.view },
];
