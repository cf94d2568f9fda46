import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { placeRegistryPolicy } from "./policy";

/** The places' tabs in the workspace menu: importing into, and merging in, the shared registry. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Importer des lieux", path: "lieux", phase: "map", order: 30, show: placeRegistryPolicy.import },
  { label: "Doublons", path: "doublons", phase: "map", order: 50, show: placeRegistryPolicy.merge },
];
