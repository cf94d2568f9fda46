// Public entry of the plan module: the multi-year action plan (versions, actions, budgets, co-funding, in-kind means).
// Other modules and the composition layer import from "@/modules/plan" only.
export {
  actionStatuses,
  fundingStatuses,
  inKindKinds,
  planActionIndicators,
  planActionObjectives,
  planActionPartners,
  planActions,
  planActionSteps,
  planBudgetLines,
  planFundings,
  planInKind,
  planKinds,
  planVersions,
  type ActionStatus,
  type FundingStatus,
} from "./schema";
export { planAbilities, planPolicy, type PlanAbilities } from "./policy";
export { addActionDraftIn, workingVersionIn, type ActionDraftInput } from "./drafts";
export { setActionStatusIn } from "./commands";
export { actionPolicy, type ActionRef } from "./policy";
export { actionsUsingActor, findAction } from "./queries";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";
export { planActionDocuments, planSettings } from "./schema";
export { fundingStatusLabels, inKindLabels, publicLabel, publicOptions, statusLabels } from "./vocabulary";
// Read side (PLANVIEW): a whole version read in a few queries, its roll-ups, timeline and exports.
export { loadPlan, type PlanActionView, type PlanView } from "./read";
export { findPlanVersion, listPlanVersions, publishedPlanVersion, type PlanVersionSummary } from "./versions";
export { rollupPlan, type PlanRollup } from "./rollup";
export { buildTimeline, versionYears, type Timeline } from "./timeline";
export { viewTabs } from "./views-manifest";
// The action sheet's indicator picker (src/composition/evaluation) links a diagnostic or evaluation indicator through it.
export { addIndicator } from "./commands";
