import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { accompanimentPolicy } from "./policy";

/** The accompaniments module's tabs: what mediators do, phase 7 (piloter et évaluer : ce que disent les accompagnements, DOMAIN.md). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [{ label: "Accompagnements", path: "accompagnements", phase: "evaluate", order: 20, show: accompanimentPolicy.record }];
