import type { Principal } from "@/platform/auth/principal";

/**
 * The columns of a territory's workspace menu: the territory itself, then the phases of the process
 * (shared/DOMAIN.md, "The process, phase by phase"). A phase without any tab shown is not drawn, so the
 * phases no module serves yet cost nothing.
 */
export const workspacePhases = [
  { id: "territory", title: "Le territoire" },
  { id: "map", title: "1. Cartographier et mobiliser" },
  { id: "diagnose", title: "2. Diagnostiquer" },
  { id: "means", title: "3. Mobiliser les moyens" },
  { id: "collective", title: "4. Dynamique collective" },
  { id: "strategy", title: "5. Stratégie et plan d'action" },
  { id: "commitments", title: "6. Formaliser les engagements" },
  { id: "evaluate", title: "7. Piloter et évaluer" },
  { id: "cooperate", title: "8. Coopérer entre territoires" },
] as const;

export type WorkspacePhase = (typeof workspacePhases)[number]["id"];

/**
 * One tab of the workspace menu, as a module declares it in its manifest (src/modules/<m>/manifest.ts).
 * `Ref` is what the module's policy reads about the territory (the territories module's TerritoryRef):
 * platform code does not know modules, so it stays a parameter here.
 */
export type WorkspaceTab<Ref> = {
  label: string;
  /** Below /espace/<slug>, without a leading slash; "" is the workspace's home. The tab is current on this path and below. */
  path: string;
  phase: WorkspacePhase;
  /** Position in its phase's column (modules of the same phase interleave their tabs). */
  order: number;
  /** Whether this person sees the tab: decided by the module's own policy. */
  show: (principal: Principal, territory: Ref) => boolean;
};
