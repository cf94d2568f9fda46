// Public entry of the accompaniments module: what mediators record (phase 7, run and evaluate) and its statistics.
// Other modules and the composition layer import from "@/modules/accompaniments" only.
export * from "./schema";
// Write side (ACCOMP): recording, import, policy, vocabulary, journey.
export { accompanimentPolicy } from "./policy";
export { recordAccompaniment, updateAccompaniment, deleteAccompaniment, aggregateSourceOf, moveRecordsOfPlaceIn } from "./commands";
export { importAccompaniments, importTemplate } from "./import";
export { themeChoices, themeLabels, serviceThemes, procedureThemes, equipmentLabels, kindLabels, settingLabels, autonomyLabels, levelLabels, ageBands, statusChoices } from "./validation";
export { personalDataIn } from "./personal-data";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";
export { aggregateIn, reaggregateIn, dimensionsOf, type AggregateSource } from "./aggregate";
// Statistics (ACCSTATS): pre-aggregated reads, flows, exports, public figures with small-count suppression.
export { accompanimentStatsBy, accompanimentTotals, orientationFlows, readStatsFilter, statsChoices, statsDimensions, dimensionTitles, isStatsDimension, type StatsDimension, type StatsFilter, type StatsRow, type FlowRow } from "./stats";
export { valueLabel, monthLabel } from "./stats-labels";
export { statsWorkspaceTabs } from "./stats-manifest";
