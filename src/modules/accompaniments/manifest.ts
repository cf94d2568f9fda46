import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { accompanimentPolicy } from "./policy";

/** The accompaniments module's tabs: what mediators do, phase 6 (mise en œuvre). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Accompagnements", path: "accompagnements", phase: "commitments", order: 50, show: accompanimentPolicy.record }];
