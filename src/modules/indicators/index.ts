// Public entry of the indicators module: indicators, targets and measurements of the evaluation (phase 7).
// Other modules and the composition layer import from "@/modules/indicators" only.
export * from "./schema";
