import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { statsPolicy } from "./stats-policy";

/** The statistics' tab in the workspace menu (phase 7: piloter et évaluer), beside ACCOMP's records tab. */
export const statsWorkspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Statistiques des accompagnements", path: "accompagnements/statistiques", phase: "evaluate", order: 30, show: statsPolicy.view }];
