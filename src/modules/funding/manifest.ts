import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { fundingPolicy } from "./policy";

/** The funding module's tabs: phase 3 of the process, « Mobiliser les moyens ». */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Financements", path: "financements", phase: "means", order: 10, show: fundingPolicy.view },
  { label: "Ressources", path: "ressources", phase: "means", order: 20, show: fundingPolicy.view },
];
