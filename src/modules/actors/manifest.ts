import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { actorPolicy, noParticularActor } from "./policy";

/** The actors' tab in the workspace menu: whoever may list the territory's actors. */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Acteurs", path: "acteurs", phase: "map", order: 10, show: (principal, t) => actorPolicy.list(principal, t, noParticularActor) },
];
