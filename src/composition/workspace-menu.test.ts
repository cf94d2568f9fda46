import { describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { WorkspaceTab } from "@/platform/workspace";
import { policyPrincipals } from "@/testing/policy-principals";
import type { TerritoryRef } from "@/modules/territories/policy";
import { workspaceMenu } from "./workspace-menu";

const territory = { id: "t-1", status: "verified", slug: "val" } as const;
const pending = { ...territory, status: "pending" } as const;
const other = { id: "t-2", status: "verified" } as const;
const actors = policyPrincipals(territory, other) as Record<string, Principal>;

// The menu each person saw before the modules declared their own tabs (workspace-nav.tsx), written by hand.
const home = { label: "Vue d'ensemble", href: "/espace/val" };
const communes = { label: "Communes", href: "/espace/val/communes" };
const members = { label: "Membres et invitations", href: "/espace/val/membres" };
const journal = { label: "Journal des modifications", href: "/espace/val/journal" };
const actorsTab = { label: "Acteurs", href: "/espace/val/acteurs" };
const maturity = { label: "Maturité des acteurs", href: "/espace/val/maturite" };
const importPlaces = { label: "Importer des lieux", href: "/espace/val/lieux" };
const proposals = { label: "Propositions de lieux", href: "/espace/val/propositions" };
const duplicates = { label: "Doublons", href: "/espace/val/doublons" };
const portrait = { label: "Portrait du territoire", href: "/espace/val/diagnostic" };
const questionnaires = { label: "Questionnaires", href: "/espace/val/questionnaires" };
const findings = { label: "Constats", href: "/espace/val/constats" };
// Phase 3, the funding module (issue 12): every member reads the catalogue and the resources.
const means = { index: 3, title: "3. Mobiliser les moyens", tabs: [{ label: "Financements", href: "/espace/val/financements" }, { label: "Ressources", href: "/espace/val/ressources" }] };
const decisionsTab = { label: "Décisions", href: "/espace/val/decisions" };
// Issue 12: phase 4, the working groups, the decisions log and the shared watch, for every member.
const collective = { index: 4, title: "4. Dynamique collective", tabs: [{ label: "Groupes de travail", href: "/espace/val/groupes" }, decisionsTab, { label: "Veille partagée", href: "/espace/val/veille" }] };
const strategyTabs = [
  { label: "Stratégie", href: "/espace/val/strategie" },
  { label: "Matrice de couverture", href: "/espace/val/strategie/couverture" },
  { label: "Plan d'action", href: "/espace/val/plan" },
  { label: "Calendrier du plan", href: "/espace/val/plan/calendrier" },
  { label: "Budget du plan", href: "/espace/val/plan/budget" },
  { label: "Communes visées par le plan", href: "/espace/val/plan/carte" },
  // Issue 13: the governance bodies, for every member.
  { label: "Gouvernance", href: "/espace/val/gouvernance" },
];
const strategyColumn = { index: 5, title: "5. Stratégie et plan d'action", tabs: strategyTabs };
// Issue 13: phase 6, the charter of commitments, read by every member.
const commitmentsColumn = { index: 6, title: "6. Formaliser les engagements", tabs: [{ label: "Charte d'engagements", href: "/espace/val/charte" }] };
// Issue 13: phase 7 — the evaluation and the accompaniments' statistics for every member; recording accompaniments
// for those who may record (partners and coordinators).
const evaluationTab = { label: "Évaluation", href: "/espace/val/evaluation" };
const recordTab = { label: "Accompagnements", href: "/espace/val/accompagnements" };
const statsTab = { label: "Statistiques des accompagnements", href: "/espace/val/accompagnements/statistiques" };
const evaluate = { index: 7, title: "7. Piloter et évaluer", tabs: [evaluationTab, statsTab] };
const evaluateRecording = { index: 7, title: "7. Piloter et évaluer", tabs: [evaluationTab, recordTab, statsTab] };

const memberMenu = [
  { index: 0, title: "Le territoire", tabs: [home, communes, members] },
  { index: 1, title: "1. Cartographier et mobiliser", tabs: [actorsTab, maturity] },
  { index: 2, title: "2. Diagnostiquer", tabs: [portrait, questionnaires, findings] },
  means,
  collective,
  strategyColumn,
  commitmentsColumn,
  evaluate,
];
const coordinatorMenu = [
  { index: 0, title: "Le territoire", tabs: [home, communes, members, journal] },
  { index: 1, title: "1. Cartographier et mobiliser", tabs: [actorsTab, maturity, importPlaces, proposals, duplicates] },
  { index: 2, title: "2. Diagnostiquer", tabs: [portrait, questionnaires, findings] },
  means,
  collective,
  strategyColumn,
  commitmentsColumn,
  evaluateRecording,
];

describe("workspace menu assembled from the modules' manifests", () => {
  it("shows nothing to those outside the territory", () => {
    expect(workspaceMenu(actors.anonymous as Principal, territory)).toEqual([]);
    expect(workspaceMenu(actors.stranger as Principal, territory)).toEqual([]);
  });

  it("shows members the territory's pages, the maps and the diagnostic, but not the journal nor the registry", () => {
    for (const role of ["observer", "contributor"]) expect(workspaceMenu(actors[role] as Principal, territory)).toEqual(memberMenu);
    // A partner also records accompaniments (phase 7).
    expect(workspaceMenu(actors.partner as Principal, territory)).toEqual([...memberMenu.slice(0, -1), evaluateRecording]);
  });

  it("shows coordinators and administrators every tab, in the order of the process", () => {
    expect(workspaceMenu(actors.coordinator as Principal, territory)).toEqual(coordinatorMenu);
    expect(workspaceMenu(actors.admin as Principal, territory)).toEqual(coordinatorMenu);
  });

  it("hides the shared registry's tabs from the coordinators of a territory not verified yet", () => {
    expect(workspaceMenu(actors.coordinator as Principal, pending)).toEqual([
      { index: 0, title: "Le territoire", tabs: [home, communes, members, journal] },
      { index: 1, title: "1. Cartographier et mobiliser", tabs: [actorsTab, maturity] },
      { index: 2, title: "2. Diagnostiquer", tabs: [portrait, questionnaires, findings] },
      means,
      collective,
      strategyColumn,
      commitmentsColumn,
      evaluateRecording,
    ]);
  });

  it("takes a new module's tab from its manifest alone, in its phase's column", () => {
    const plan: WorkspaceTab<TerritoryRef>[] = [{ label: "Plan d'action", path: "plan", phase: "strategy", order: 10, show: () => true }];
    const strategy: WorkspaceTab<TerritoryRef>[] = [{ label: "Objectifs", path: "objectifs", phase: "strategy", order: 5, show: (a) => a.kind === "user" }];
    expect(workspaceMenu(actors.observer as Principal, territory, [plan, strategy])).toEqual([
      { index: 5, title: "5. Stratégie et plan d'action", tabs: [{ label: "Objectifs", href: "/espace/val/objectifs" }, { label: "Plan d'action", href: "/espace/val/plan" }] },
    ]);
  });
});
