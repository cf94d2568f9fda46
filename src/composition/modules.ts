import type { WorkspaceTab } from "@/platform/workspace";
import type { TerritoryRef } from "@/modules/territories/policy";
import { workspaceTabs as territories } from "@/modules/territories/manifest";
import { workspaceTabs as actors } from "@/modules/actors/manifest";
import { workspaceTabs as maturity } from "@/modules/maturity/manifest";
import { workspaceTabs as places } from "@/modules/places/manifest";
import { workspaceTabs as contributions } from "@/modules/contributions/manifest";
import { workspaceTabs as diagnostic } from "@/modules/diagnostic/manifest";
import { workspaceTabs as questionnaires } from "@/modules/questionnaires/manifest";
import { workspaceTabs as findings } from "@/modules/findings/manifest";

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
];
