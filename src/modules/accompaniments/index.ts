// Public entry of the accompaniments module: what mediators record (phase 6) and its statistics.
// Other modules and the composition layer import from "@/modules/accompaniments" only.
export * from "./schema";
export { aggregateIn, reaggregateIn, dimensionsOf, type AggregateSource } from "./aggregate";
// Statistics (ACCSTATS): pre-aggregated reads, flows, exports, public figures with small-count suppression.
export { accompanimentStatsBy, accompanimentTotals, orientationFlows, readStatsFilter, statsChoices, statsDimensions, dimensionTitles, isStatsDimension, type StatsDimension, type StatsFilter, type StatsRow, type FlowRow } from "./stats";
export { registerStatsLabels, valueLabel, monthLabel } from "./stats-labels";
export { statsWorkspaceTabs } from "./stats-manifest";
