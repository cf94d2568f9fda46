// Public entry of the indicators module: indicators, targets and measurements of the evaluation (phase 7).
// Other modules and the composition layer import from "@/modules/indicators" only.
export * from "./schema";
export { indicatorStatus, indicatorStatuses, indicatorStatusLabels, type IndicatorStatus, type StatusIndicator, type StatusMeasurement, type StatusTarget } from "./status";
export { indicatorAbilities, indicatorPolicy, type IndicatorAbilities } from "./policy";
export {
  findEvaluationReport,
  findIndicator,
  indicatorChoices,
  indicatorNamesByActionLineage,
  latestPlanActions,
  listEvaluationReports,
  listIndicators,
  type Indicator,
  type Measurement,
  type PlanActionRef,
  type PublishedEvaluation,
  type Target,
} from "./queries";
export { createIndicator, publishEvaluationReport, recordComputedMeasurement, updateIndicator, type ComputedKeys } from "./commands";
export { directionLabels, parseFrenchNumber, periodicityLabels, unitLabels, unitProblem, unitSuffix } from "./validation";
export { periodEnd, periodStart } from "./period";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";
export { exportIndicators, isIndicatorExportFormat, type IndicatorExportFormat } from "./export";
