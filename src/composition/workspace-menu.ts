import type { Principal } from "@/platform/auth/principal";
import { workspacePhases, type WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { workspaceModules } from "./modules";

export type MenuGroup = {
  /** The phase's position in workspacePhases: it names the group's list (stable whatever is shown). */
  index: number;
  title: string;
  tabs: { label: string; href: string }[];
};

/**
 * The workspace menu this person sees: the modules' tabs their policies allow, grouped by phase in the order
 * of the process, and within a phase by the order the modules declare. Phases left empty are left out.
 * Plain data, so that the client piece that marks the current tab receives it as props.
 */
export function workspaceMenu(principal: Principal, territory: TerritoryRef & { slug: string }, modules: readonly (readonly WorkspaceTab<TerritoryRef>[])[] = workspaceModules): MenuGroup[] {
  const base = `/espace/${territory.slug}`;
  const shown = modules.flat().filter((tab) => tab.show(principal, territory));
  return workspacePhases
    .map((phase, index) => ({
      index,
      title: phase.title,
      tabs: shown
        .filter((tab) => tab.phase === phase.id)
        .sort((a, b) => a.order - b.order)
        .map((tab) => ({ label: tab.label, href: tab.path ? `${base}/${tab.path}` : base })),
    }))
    .filter((group) => group.tabs.length > 0);
}
