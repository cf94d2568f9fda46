// Public entry of the accompaniments module: what mediators record (phase 7, run and evaluate) and its statistics.
// Other modules and the composition layer import from "@/modules/accompaniments" only.
export * from "./schema";
export { aggregateIn, dimensionsOf, type AggregateSource } from "./aggregate";
// Write side (ACCOMP): recording, import, policy, vocabulary, journey.
export { accompanimentPolicy } from "./policy";
export { recordAccompaniment, updateAccompaniment, deleteAccompaniment, aggregateSourceOf } from "./commands";
export { importAccompaniments, importTemplate } from "./import";
export { themeChoices, themeLabels, serviceThemes, procedureThemes, equipmentLabels, kindLabels, settingLabels, autonomyLabels, levelLabels, ageBands, statusChoices } from "./validation";
export { personalDataIn } from "./personal-data";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";
