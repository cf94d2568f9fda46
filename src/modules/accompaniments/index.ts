// Public entry of the accompaniments module: what mediators record (phase 6) and its statistics.
// Other modules and the composition layer import from "@/modules/accompaniments" only.
export * from "./schema";
export { aggregateIn, dimensionsOf, type AggregateSource } from "./aggregate";
