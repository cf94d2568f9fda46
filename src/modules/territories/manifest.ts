import type { WorkspaceTab } from "@/platform/workspace";
import { territoryPolicy, type TerritoryRef } from "./policy";

/** The territory's own tabs in the workspace menu (src/composition/modules.ts assembles every module's). */
export const workspaceTabs: WorkspaceTab<TerritoryRef>[] = [
  { label: "Vue d'ensemble", path: "", phase: "territory", order: 10, show: territoryPolicy.viewWorkspace },
  { label: "Communes", path: "communes", phase: "territory", order: 15, show: territoryPolicy.viewWorkspace },
  { label: "Membres et invitations", path: "membres", phase: "territory", order: 20, show: territoryPolicy.viewMembers },
  { label: "Journal des modifications", path: "journal", phase: "territory", order: 30, show: territoryPolicy.viewAuditLog },
];
