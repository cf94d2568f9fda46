import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { maturityPolicy, noMaturityActor } from "./policy";

/** The maturity tab in the workspace menu: whoever may read the territory's view of the maturity grid. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Maturité des acteurs", path: "maturite", phase: "map", order: 20, show: (principal, t) => maturityPolicy.viewTerritory(principal, t, noMaturityActor) },
];
