// Public entry of the maturity module: actors' maturity grid and self-assessments.
// Other modules and the composition layer import from "@/modules/maturity" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { grid } from "./grid";
export type { DimensionId } from "./grid";
export { territoryMaturity } from "./queries";
export { median, strongest, weakest } from "./stats";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";
export { maturityAssessments } from "./schema";
