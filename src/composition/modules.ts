import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories";
import { workspaceTabs as territories } from "@/modules/territories";
import { workspaceTabs as actors } from "@/modules/actors";
import { workspaceTabs as maturity } from "@/modules/maturity";
import { workspaceTabs as places } from "@/modules/places";
import { workspaceTabs as contributions } from "@/modules/contributions";
import { workspaceTabs as diagnostic } from "@/modules/diagnostic";
import { workspaceTabs as questionnaires } from "@/modules/questionnaires";
import { workspaceTabs as findings } from "@/modules/findings";
import { workspaceTabs as funding } from "@/modules/funding";
import { workspaceTabs as meetings } from "@/modules/meetings";
import { workspaceTabs as plan } from "@/modules/plan";
import { workspaceTabs as groups } from "@/modules/groups";
import { workspaceTabs as strategy } from "@/modules/strategy";
import { viewTabs as planViews } from "@/modules/plan";
import { workspaceTabs as charter } from "@/modules/charter";
import { workspaceTabs as indicators } from "@/modules/indicators";
import { workspaceTabs as governance } from "@/modules/governance";
import { workspaceTabs as accompaniments } from "@/modules/accompaniments";
import { statsWorkspaceTabs as accompanimentStats } from "@/modules/accompaniments";

/**
 * The module list: every module that shows itself in a territory's workspace, one line each. A new module
 * exports its manifest (src/modules/<m>/manifest.ts) and adds its line here; nothing else changes.
 */
export const workspaceModules: readonly (readonly WorkspaceTab<TerritoryRef>[])[] = [
  territories,
  actors,
  maturity,
  places,
  contributions,
  diagnostic,
  questionnaires,
  findings,
  funding,
  meetings,
  plan,
  groups,
  strategy,
  planViews,
  charter,
  indicators,
  governance,
  accompaniments,
  accompanimentStats,
];
