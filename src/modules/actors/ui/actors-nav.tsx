import { WorkspaceNav } from "@/modules/territories/client";
import type { Territory, TerritoryAbilities } from "@/modules/territories";

// workspace-nav.tsx belongs to the territories module and does not list the "acteurs" tab yet: until
// it does, the current tab is passed through this one cast, kept here so that it is removed in one place.
const current = "acteurs" as const;

/** The territory's workspace header, on the actors' pages. */
export function ActorsNav({ territory, abilities }: { territory: Territory; abilities: TerritoryAbilities }) {
  return <WorkspaceNav slug={territory.slug} name={territory.name} current={current} abilities={abilities} isDemo={territory.isDemo} />;
}
