import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { charterPolicy } from "./policy";

/** The charter's tab in the workspace menu: formalising the partners' commitments. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Charte d'engagements", path: "charte", phase: "commitments", order: 10, show: charterPolicy.view }];
